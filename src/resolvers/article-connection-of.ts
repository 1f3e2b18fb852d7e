import type { Context } from "../context.type";
import type { Article } from "../entities/article";
import type { ArticleLink, ArticleOrder } from "../services/article-query";
import { toPageRequest, type PageArgs } from "../services/pagination";
import type { ArticleFilterInput } from "./types/article-filter.input";
import { toConnection, type ConnectionValue } from "./types/connection";

/**
 * The connection of stories hanging off one parent (a topic's, a person's...), the filter's
 * merged-away entity IDs followed. Parents asking with the same arguments in one request share one
 * statement through the request's loaders.
 */
export async function articleConnectionOf(
  context: Context,
  parentId: number,
  links: ArticleLink[],
  args: PageArgs & { filter?: ArticleFilterInput; orderBy?: ArticleOrder },
): Promise<ConnectionValue<Article>> {
  const filter = (await args.filter?.toArticleFilter(context.loaders)) ?? {};
  const shape = { links, filter, order: args.orderBy ?? "NEWEST", page: toPageRequest(args) };
  const page = await context.loaders.articlesOf(shape).load(parentId);
  return toConnection(page, () => context.loaders.articleCountOf({ links, filter }).load(parentId));
}
