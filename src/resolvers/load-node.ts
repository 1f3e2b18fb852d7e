import type { Context } from "../context.type";
import type { Article } from "../entities/article";
import type { NamedEntity } from "../entities/named-entity";
import type { Photo } from "../entities/photo";
import { NotFoundError } from "../services/errors";
import { decodeGlobalId, type NodeType } from "../services/global-id";

/**
 * Loads the object a global ID names, through the request's loaders. An ID that is malformed or of
 * another type than `expected` is a BAD_USER_INPUT error; one that names nothing is NOT_FOUND.
 */
export async function loadNode(context: Context, globalId: string, expected?: readonly NodeType[]): Promise<Article | NamedEntity | Photo> {
  const { type, id } = decodeGlobalId(globalId, expected);
  const node =
    type === "Article" ? await context.loaders.article.load(id) : type === "Photo" ? await context.loaders.photo.load(id) : await context.loaders.entity.load(id);
  if (!node || node.nodeType !== type) throw new NotFoundError(`no ${type} has the ID "${globalId}"`);
  return node;
}
