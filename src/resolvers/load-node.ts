import type { Context } from "../context.type";
import type { Article } from "../entities/article";
import type { DeletedArticle } from "../entities/deleted-article";
import type { NamedEntity } from "../entities/named-entity";
import type { Photo } from "../entities/photo";
import { NotFoundError } from "../services/errors";
import { decodeGlobalId, type NodeType } from "../services/global-id";

/**
 * Loads the object a global ID names, through the request's loaders. An ID that is malformed or of
 * another type than `expected` is a BAD_USER_INPUT error; one that names nothing is NOT_FOUND. The
 * ID of a merged-away entity loads the entity it was merged into. The ID of a deleted story loads
 * its {@link DeletedArticle}: deleted is an answer, not a mistake.
 */
export async function loadNode(context: Context, globalId: string, expected?: readonly NodeType[]): Promise<Article | NamedEntity | Photo | DeletedArticle> {
  const { type, id } = decodeGlobalId(globalId, expected);
  let node: Article | NamedEntity | Photo | DeletedArticle | null;
  if (type === "Article") {
    node = (await context.loaders.article.load(id)) ?? (await context.loaders.deletedArticle.load(id));
  } else if (type === "Photo") {
    node = await context.loaders.photo.load(id);
  } else {
    node = (await context.loaders.entity.load(id)) ?? (await context.loaders.entity.load(await context.loaders.currentEntityId(id)));
  }
  if (!node || (node.nodeType !== type && node.nodeType !== "DeletedArticle")) throw new NotFoundError(`no ${type} has the ID "${globalId}"`);
  return node;
}
