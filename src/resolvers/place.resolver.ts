import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import type { Article } from "../entities/article";
import { NamedEntity } from "../entities/named-entity";
import { Photo } from "../entities/photo";
import { Place } from "../entities/place";
import { articleConnectionOf } from "./article-connection-of";
import { entityConnection, findEntity } from "./entity-lookup";
import { ArticleConnection } from "./types/article-connection";
import { ArticleFilterInput } from "./types/article-filter.input";
import { ArticleOrder } from "./types/article-order";
import { ConnectionArgs } from "./types/connection-args";
import type { ConnectionValue } from "./types/connection";
import { PlaceConnection } from "./types/place-connection";

/** Places: lookups, the list, containment, and a place's stories and photos. */
@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => Place, { nullable: true, description: "One place, by exactly one of ID or name (canonical or alias). Unknown: null and a NOT_FOUND error." })
  place(
    @Ctx() context: Context,
    @Arg("id", () => ID, { nullable: true, description: "The place's global ID." }) id?: string,
    @Arg("name", () => String, { nullable: true, description: 'A name the place goes by ("Baghdad").' }) name?: string,
  ): Promise<NamedEntity> {
    return findEntity(context, "Place", id, name);
  }

  @Query(() => PlaceConnection, { description: "All places, by name." })
  places(
    @Ctx() context: Context,
    @Args() page: ConnectionArgs,
    @Arg("nameStartsWith", () => String, { nullable: true, description: "Only places with a name or alias starting with this (type-ahead)." }) nameStartsWith?: string,
  ): Promise<ConnectionValue<NamedEntity>> {
    return entityConnection(context, "Place", { ...page, nameStartsWith });
  }

  @FieldResolver(() => Place, { nullable: true, description: "The place that contains this one (Baghdad is in Iraq); null at the top." })
  async containedIn(@Root() place: Place, @Ctx() context: Context): Promise<NamedEntity | null> {
    return place.containedInId === null ? null : context.loaders.entity.load(place.containedInId);
  }

  @FieldResolver(() => [Place], { description: "The places directly inside this one, by name." })
  contains(@Root() place: Place, @Ctx() context: Context): Promise<Place[]> {
    return context.loaders.placesWithin.load(place.id);
  }

  @FieldResolver(() => ArticleConnection, { description: "Stories that name the place or are datelined there, newest first." })
  articles(
    @Root() place: Place,
    @Ctx() context: Context,
    @Args() page: ConnectionArgs,
    @Arg("orderBy", () => ArticleOrder, { defaultValue: ArticleOrder.NEWEST, description: "The order of the list." }) orderBy?: ArticleOrder,
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: "Conditions the stories must also meet." }) filter?: ArticleFilterInput,
  ): Promise<ConnectionValue<Article>> {
    return articleConnectionOf(context, place.id, ["mention", "dateline"], { ...page, orderBy, filter });
  }

  @FieldResolver(() => [Photo], { description: "Photos taken at the place." })
  photos(@Root() place: Place, @Ctx() context: Context): Promise<Photo[]> {
    return context.loaders.photosTakenIn.load(place.id);
  }
}
