import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../context.type";
import { ArticleSearch } from "../services/search/article-search";
import { toPageRequest } from "../services/pagination";
import { ArticleFilterInput } from "./types/article-filter.input";
import { ConnectionArgs } from "./types/connection-args";
import { toConnection } from "./types/connection";
import { SearchConnection } from "./types/search-connection";
import { SearchOrder } from "./types/search-order";

/** Full-text search over stories. */
@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Stories whose headline, summary or body match a query. Syntax: words (all must occur), "exact phrases", AND, OR, NOT (upper case, as in `syria NOT turkey`), parentheses (NOT binds tighter than AND, AND than OR), `diplom*` for a prefix, and `headline:`, `summary:` or `body:` before a word or phrase. A malformed query is a BAD_USER_INPUT error saying what is wrong.',
  })
  async search(
    @Ctx() context: Context,
    @Arg("query", { description: 'What to look for, e.g. `"state of emergency" measles`.' }) query: string,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: "Conditions the stories must also meet." }) filter?: ArticleFilterInput,
    @Arg("orderBy", () => SearchOrder, { defaultValue: SearchOrder.RELEVANCE, description: "The order of the results." }) orderBy?: SearchOrder,
  ): Promise<SearchConnection> {
    const search = new ArticleSearch(context.manager);
    const articleFilter = (await filter?.toArticleFilter(context.loaders)) ?? {};
    const hits = await search.search(query, articleFilter, orderBy ?? SearchOrder.RELEVANCE, toPageRequest(page));
    const edges = hits.items.map(({ cursor, node }) => ({ cursor, node: node.article, score: node.score, snippet: node.snippet, headlineHighlight: node.headlineHighlight }));
    // The edges carry the hit's score and passages beside the story, as SearchHitEdge declares.
    return toConnection({ ...hits, items: edges }, () => search.count(query, articleFilter)) as unknown as SearchConnection;
  }
}
