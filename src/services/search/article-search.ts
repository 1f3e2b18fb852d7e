import type { EntityManager } from "typeorm";
import { Article } from "../../entities/article";
import { compileArticleFilter, type ArticleFilter } from "../article-filter";
import { countKeysetList, fetchKeysetPage, hydratePages, type KeysetList } from "../keyset";
import { encodeCursor, type Page, type PageRequest } from "../pagination";
import { DAY_MS } from "../dashboard/time-buckets";
import { fromDbTimestamp, runSql } from "../sql";
import { highlightedText, matchCountSql, matchDetailsSql, matchExpression, rankedMatchesSql, withoutSequentialScan } from "../sql-dialect";
import { compileSearchQuery, type SearchMatch } from "./search-query";

/** How search results are ordered. */
export type SearchOrder = "RELEVANCE" | "NEWEST" | "OLDEST";

/** A story found by a search, with why. */
export interface SearchHit {
  article: Article;
  /** Relevance blended with recency (see {@link ArticleSearch}); higher is better. */
  score: number;
  /** A passage of the story around the matched terms, which are marked `<mark>...</mark>`. */
  snippet: string;
  /** The headline with the matched terms marked `<mark>...</mark>`. */
  headlineHighlight: string;
}

/**
 * The most matches ranked by relevance. A term found in most stories would otherwise make every
 * search rank nearly the whole corpus; beyond this many, relevance ranks the most recently stored
 * matches, which recency favours anyway, and `NEWEST`/`OLDEST` still reach every match.
 */
export const MAX_RANKED_MATCHES = 2000;

/** Days over which a story's recency bonus halves. */
const RECENCY_HALF_LIFE_DAYS = 90;

/** Private-use characters that stand for the marks until the text around them is escaped. */
const OPEN_MARK = "\uE000";
const CLOSE_MARK = "\uE001";

/**
 * Full-text search over headline, summary and body with the article filter. `RELEVANCE` orders by
 * relevance (BM25 on SQLite, ts_rank_cd on PostgreSQL; headline weighted 10, summary 4, body 1) times a recency factor `0.6 + 0.4 · 2^(−d/90)`,
 * where d is how many days older the story is than the newest match (undated stories count as
 * the oldest); ties go to the story stored first, so cursors are stable while paging.
 */
export class ArticleSearch {
  constructor(private readonly manager: EntityManager) {}

  /** One page of matches; throws BAD_USER_INPUT for a malformed query. */
  async search(query: string, filter: ArticleFilter, order: SearchOrder, request: PageRequest): Promise<Page<SearchHit>> {
    const match = compileSearchQuery(query);
    const page = order === "RELEVANCE" ? await this.rankedPage(match, filter, request) : await this.datedPage(match, filter, order, request);
    const ids = page.items.map((item) => item.node.id);
    const details = await this.details(match, ids, order !== "RELEVANCE");
    const [articles] = await hydratePages(this.manager, Article, [page]);
    return {
      ...articles,
      items: articles.items.map(({ node, cursor }) => {
        const detail = details.get(node.id)!;
        const score = page.items.find((item) => item.node.id === node.id)!.node.score ?? detail.relevance!;
        return { cursor, node: { article: node, score, snippet: detail.snippet, headlineHighlight: detail.headlineHighlight } };
      }),
    };
  }

  /** How many stories match the query and the filter; without a filter, the full-text index alone answers. */
  async count(query: string, filter: ArticleFilter): Promise<number> {
    const match = compileSearchQuery(query);
    if (compileArticleFilter(this.manager, filter).conditions.length > 0) return countKeysetList(this.manager, this.matchList(match, filter));
    const [row] = await withoutSequentialScan(this.manager, (manager) =>
      runSql<{ total: number | string }>(manager, matchCountSql(manager), { match: matchExpression(manager, match) }),
    );
    return Number(row.total);
  }

  private async rankedPage(match: SearchMatch, filter: ArticleFilter, request: PageRequest): Promise<Page<{ id: number; score: number | null }>> {
    const where = compileArticleFilter(this.manager, filter);
    const rows = await runSql<{ id: number; relevance: number; publishedAt: string | Date | null }>(
      this.manager,
      rankedMatchesSql(this.manager, where.conditions),
      { ...where.params, match: matchExpression(this.manager, match), cap: MAX_RANKED_MATCHES },
    );
    const dates = rows.map((row) => fromDbTimestamp(row.publishedAt)?.getTime() ?? null);
    const newest = Math.max(...dates.filter((date): date is number => date !== null), 0);
    const oldest = Math.min(...dates.filter((date): date is number => date !== null), newest);
    const ranked = rows
      .map((row, index) => {
        const days = (newest - (dates[index] ?? oldest)) / DAY_MS;
        return { id: Number(row.id), score: Number(row.relevance) * (0.6 + 0.4 * 2 ** (-days / RECENCY_HALF_LIFE_DAYS)) };
      })
      .sort((a, b) => b.score - a.score || a.id - b.id);

    const forward = request.direction === "forward";
    const ordered = forward ? ranked : [...ranked].reverse();
    const cursor = request.cursor;
    const beyond = cursor
      ? ordered.filter((row) => {
          const [score, id] = [Number(cursor[0]), cursor[1]];
          const after = row.score < score || (row.score === score && row.id > id);
          return forward ? after : row.score > score || (row.score === score && row.id < id);
        })
      : ordered;
    const kept = beyond.slice(0, request.size);
    if (!forward) kept.reverse();
    const hasMore = beyond.length > request.size;
    return {
      items: kept.map((row) => ({ node: row, cursor: encodeCursor([row.score, row.id]) })),
      hasNextPage: forward ? hasMore : cursor !== null,
      hasPreviousPage: forward ? cursor !== null : hasMore,
    };
  }

  private async datedPage(match: SearchMatch, filter: ArticleFilter, order: "NEWEST" | "OLDEST", request: PageRequest): Promise<Page<{ id: number; score: number | null }>> {
    const page = await fetchKeysetPage(this.manager, this.matchList(match, filter, order), request);
    return { ...page, items: page.items.map((item) => ({ cursor: item.cursor, node: { id: Number(item.node.id), score: null } })) };
  }

  private matchList(match: SearchMatch, filter: ArticleFilter, order: "NEWEST" | "OLDEST" = "NEWEST"): KeysetList {
    const where = compileArticleFilter(this.manager, { ...filter, and: [...(filter.and ?? []), { textMatch: match }] });
    return { from: "article a", column: `a."publishedAt"`, id: "a.id", direction: order === "NEWEST" ? "DESC" : "ASC", ...where };
  }

  /** Snippets and highlighted headlines of the stories of one page, and their plain relevance when asked. */
  private async details(match: SearchMatch, ids: number[], withRelevance: boolean): Promise<Map<number, { snippet: string; headlineHighlight: string; relevance?: number }>> {
    if (ids.length === 0) return new Map();
    const rows = await runSql<{ id: number; snippet: string; headline: string; relevance?: number }>(this.manager, matchDetailsSql(this.manager, withRelevance), {
      match: matchExpression(this.manager, match),
      ids,
      open: OPEN_MARK,
      close: CLOSE_MARK,
    });
    const highlighted = (text: string) => marked(highlightedText(this.manager, text, OPEN_MARK, CLOSE_MARK));
    return new Map(rows.map((row) => [Number(row.id), { snippet: highlighted(row.snippet), headlineHighlight: highlighted(row.headline), relevance: row.relevance === undefined ? undefined : Number(row.relevance) }]));
  }
}

/** Escapes text for HTML, then turns the private-use marks into `<mark>` elements. */
function marked(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replaceAll(OPEN_MARK, "<mark>")
    .replaceAll(CLOSE_MARK, "</mark>");
}

