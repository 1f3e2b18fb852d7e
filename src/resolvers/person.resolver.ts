import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import { ArticleRole } from "../entities/article-role";
import { NamedEntity } from "../entities/named-entity";
import { Person } from "../entities/person";
import { Photo } from "../entities/photo";
import type { ArticleLink } from "../services/article-query";
import { articleConnectionOf } from "./article-connection-of";
import { entityConnection, findEntity } from "./entity-lookup";
import { ArticleConnection } from "./types/article-connection";
import { ArticleFilterInput } from "./types/article-filter.input";
import { ArticleOrder } from "./types/article-order";
import { ConnectionArgs } from "./types/connection-args";
import type { ConnectionValue } from "./types/connection";
import { PersonConnection } from "./types/person-connection";
import type { Article } from "../entities/article";

/** How each role connects a person to stories. */
const LINKS_BY_ROLE: Record<ArticleRole, ArticleLink[]> = {
  AUTHOR: ["author"],
  PHOTOGRAPHER: ["photographer"],
  QUOTED: ["quoted"],
  DEPICTED: ["depicted"],
  MENTIONED: ["mention"],
};

/** People: lookups, the list, and a person's stories and photos. */
@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "One person, by exactly one of ID or name (canonical or alias, any case or accents). Unknown: null and a NOT_FOUND error." })
  person(
    @Ctx() context: Context,
    @Arg("id", () => ID, { nullable: true, description: "The person's global ID." }) id?: string,
    @Arg("name", () => String, { nullable: true, description: 'A name the person goes by ("Blinken").' }) name?: string,
  ): Promise<NamedEntity> {
    return findEntity(context, "Person", id, name);
  }

  @Query(() => PersonConnection, { description: "All people, by name." })
  people(
    @Ctx() context: Context,
    @Args() page: ConnectionArgs,
    @Arg("nameStartsWith", () => String, { nullable: true, description: "Only people with a name or alias starting with this (type-ahead)." }) nameStartsWith?: string,
  ): Promise<ConnectionValue<NamedEntity>> {
    return entityConnection(context, "Person", { ...page, nameStartsWith });
  }

  @FieldResolver(() => ArticleConnection, { description: "Stories connected to the person, newest first: in any role, or in the one given." })
  articles(
    @Root() person: Person,
    @Ctx() context: Context,
    @Args() page: ConnectionArgs,
    @Arg("role", () => ArticleRole, { nullable: true, description: "Only stories where the person has this role." }) role?: ArticleRole,
    @Arg("orderBy", () => ArticleOrder, { defaultValue: ArticleOrder.NEWEST, description: "The order of the list." }) orderBy?: ArticleOrder,
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: "Conditions the stories must also meet." }) filter?: ArticleFilterInput,
  ): Promise<ConnectionValue<Article>> {
    const links = role ? LINKS_BY_ROLE[role] : (["mention", "author", "photographer"] as ArticleLink[]);
    return articleConnectionOf(context, person.id, links, { ...page, orderBy, filter });
  }

  @FieldResolver(() => [Photo], { description: "Photos that show the person." })
  photos(@Root() person: Person, @Ctx() context: Context): Promise<Photo[]> {
    return context.loaders.photosDepicting.load(person.id);
  }
}
