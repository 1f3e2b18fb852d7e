import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import type { Article } from "../entities/article";
import { NamedEntity } from "../entities/named-entity";
import { Organization } from "../entities/organization";
import { Person } from "../entities/person";
import { Photo } from "../entities/photo";
import { Place } from "../entities/place";
import { CatalogQuery } from "../services/catalog-query";
import { toPageRequest } from "../services/pagination";
import { articleConnectionOf } from "./article-connection-of";
import { loadNode } from "./load-node";
import { ArticleConnection } from "./types/article-connection";
import { ConnectionArgs } from "./types/connection-args";
import { toConnection, type ConnectionValue } from "./types/connection";
import { PhotoConnection } from "./types/photo-connection";

/** Photos: lookups, the list, and who and what a photo involves. */
@Resolver(() => Photo)
export class PhotoResolver {
  @Query(() => Photo, { nullable: true, description: "One photo by ID. Unknown: null and a NOT_FOUND error." })
  async photo(@Ctx() context: Context, @Arg("id", () => ID, { description: "The photo's global ID." }) id: string): Promise<Photo> {
    return (await loadNode(context, id, ["Photo"])) as Photo;
  }

  @Query(() => PhotoConnection, { description: "All photos, latest taken first; photos of unknown date last." })
  async photos(@Ctx() context: Context, @Args() page: ConnectionArgs): Promise<ConnectionValue<Photo>> {
    const catalog = new CatalogQuery(context.manager);
    return toConnection(await catalog.photos(toPageRequest(page)), () => catalog.countPhotos());
  }

  @FieldResolver(() => Person, { nullable: true, description: "Who took the photo, from the credit line." })
  async photographer(@Root() photo: Photo, @Ctx() context: Context): Promise<NamedEntity | null> {
    return photo.photographerId === null ? null : context.loaders.entity.load(photo.photographerId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The agency that distributes the photo, from the credit line." })
  async agency(@Root() photo: Photo, @Ctx() context: Context): Promise<NamedEntity | null> {
    return photo.agencyId === null ? null : context.loaders.entity.load(photo.agencyId);
  }

  @FieldResolver(() => Place, { nullable: true, description: "Where the photo was taken." })
  async takenIn(@Root() photo: Photo, @Ctx() context: Context): Promise<NamedEntity | null> {
    return photo.takenInId === null ? null : context.loaders.entity.load(photo.takenInId);
  }

  @FieldResolver(() => [Person], { description: "The people the photo shows, in caption order." })
  depicts(@Root() photo: Photo, @Ctx() context: Context): Promise<Person[]> {
    return context.loaders.peopleInPhoto.load(photo.id);
  }

  @FieldResolver(() => ArticleConnection, { description: "Stories that carry the photo, newest first." })
  articles(@Root() photo: Photo, @Ctx() context: Context, @Args() page: ConnectionArgs): Promise<ConnectionValue<Article>> {
    return articleConnectionOf(context, photo.id, ["photo"], page);
  }
}
