import type { EntityManager } from "typeorm";
import { Article } from "../entities/article";
import { countKeysetList, cursorKeyOf, fetchKeysetPage, hydratePages, keyset, type KeysetOrder } from "./keyset";
import { toPage, type Page, type PageRequest } from "./pagination";
import { compileArticleFilter, type ArticleFilter } from "./article-filter";
import { InvalidInputError } from "./errors";
import { runSql } from "./sql";

/** How a list of stories is ordered; SALIENCE only under a parent (an entity's or topic's stories). */
export type ArticleOrder = "NEWEST" | "OLDEST" | "SALIENCE";

/**
 * How stories hang off a parent object, as SQL selecting `"parentId"`, `"articleId"` and the
 * link's `weight` (a mention's salience, a topic's weight, 1 for authors, photos and datelines) for
 * the parents in `:...parentIds`. Each is one way a page of a person, place, topic or photo lists stories.
 */
export const ARTICLE_LINKS = {
  topic: `SELECT "topicId" AS "parentId", "articleId", weight FROM article_topic WHERE "topicId" IN (:...parentIds)`,
  mention: `SELECT "entityId" AS "parentId", "articleId", salience AS weight FROM article_mention WHERE "entityId" IN (:...parentIds)`,
  quoted: `SELECT "entityId" AS "parentId", "articleId", salience AS weight FROM article_mention WHERE "entityId" IN (:...parentIds) AND role = 'QUOTED'`,
  author: `SELECT "personId" AS "parentId", "articleId", 1.0 AS weight FROM article_author WHERE "personId" IN (:...parentIds)`,
  photographer: `SELECT p."photographerId" AS "parentId", ap."articleId", 1.0 AS weight FROM article_photo ap JOIN photo p ON p.id = ap."photoId" WHERE p."photographerId" IN (:...parentIds)`,
  depicted: `SELECT d."personId" AS "parentId", ap."articleId", 1.0 AS weight FROM photo_depiction d JOIN article_photo ap ON ap."photoId" = d."photoId" WHERE d."personId" IN (:...parentIds)`,
  dateline: `SELECT "datelineId" AS "parentId", id AS "articleId", 1.0 AS weight FROM article WHERE "datelineId" IN (:...parentIds)`,
  photo: `SELECT "photoId" AS "parentId", "articleId", 1.0 AS weight FROM article_photo WHERE "photoId" IN (:...parentIds)`,
} as const;

/** One way stories hang off a parent; see {@link ARTICLE_LINKS}. */
export type ArticleLink = keyof typeof ARTICLE_LINKS;

const ORDER_COLUMNS: Record<ArticleOrder, KeysetOrder> = {
  NEWEST: { column: `a."publishedAt"`, id: "a.id", direction: "DESC" },
  OLDEST: { column: `a."publishedAt"`, id: "a.id", direction: "ASC" },
  SALIENCE: { column: "l.weight", id: "a.id", direction: "DESC" },
};

/** The links of a parent to its stories, each story once, with the strongest link's weight. */
function linksSql(links: ArticleLink[]): string {
  return `SELECT "parentId", "articleId", MAX(weight) AS weight
          FROM (${links.map((link) => ARTICLE_LINKS[link]).join(" UNION ALL ")}) linked
          GROUP BY "parentId", "articleId"`;
}

/**
 * Lists stories: filtered, ordered and paged by keyset. Lists under many parents at once (the
 * stories of each topic on a page) are fetched in one statement with a window function, so the
 * number of statements depends on the shape of a query, never on how many parents it reaches.
 */
export class ArticleQuery {
  constructor(private readonly manager: EntityManager) {}

  /** One page of all stories matching a filter. */
  async list(filter: ArticleFilter, order: ArticleOrder, request: PageRequest): Promise<Page<Article>> {
    if (order === "SALIENCE") throw new InvalidInputError("orderBy SALIENCE ranks the stories of one entity or topic; use it on their `articles`", "orderBy");
    const page = await fetchKeysetPage(this.manager, { ...ORDER_COLUMNS[order], from: "article a", ...compileArticleFilter(this.manager, filter) }, request);
    return (await hydratePages(this.manager, Article, [page]))[0];
  }

  /** How many stories match a filter. */
  async count(filter: ArticleFilter): Promise<number> {
    return countKeysetList(this.manager, { from: "article a", ...compileArticleFilter(this.manager, filter) });
  }

  /**
   * A page of stories for each parent, linked by one or more {@link ArticleLink}s (a story linked
   * twice counts once). Parents without stories get an empty page.
   */
  async listByParent(
    links: ArticleLink[],
    parentIds: number[],
    filter: ArticleFilter,
    order: ArticleOrder,
    request: PageRequest,
  ): Promise<Map<number, Page<Article>>> {
    const where = compileArticleFilter(this.manager, filter);
    const seek = keyset(ORDER_COLUMNS[order], request, "seek");
    const conditions = [...where.conditions, ...(seek.condition ? [seek.condition] : [])];
    const rows = await runSql<{ parentId: number; id: number; sortValue: string | number | Date | null }>(
      this.manager,
      `SELECT ranked."parentId", ranked.id, ranked."sortValue" FROM (
         SELECT l."parentId", a.id, ${ORDER_COLUMNS[order].column} AS "sortValue",
                ROW_NUMBER() OVER (PARTITION BY l."parentId" ORDER BY ${seek.orderBy}) AS position
         FROM (${linksSql(links)}) l
         JOIN article a ON a.id = l."articleId"
         ${conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : ""}
       ) ranked
       WHERE ranked.position <= :limit
       ORDER BY ranked."parentId", ranked.position`,
      { ...where.params, ...seek.params, parentIds, limit: request.size + 1 },
    );
    const byParent = new Map<number, typeof rows>(parentIds.map((id) => [id, []]));
    for (const row of rows) byParent.get(Number(row.parentId))?.push(row);
    const pages = await hydratePages(this.manager, Article, [...byParent.values()].map((parentRows) => toPage(parentRows, request, cursorKeyOf)));
    return new Map([...byParent.keys()].map((parentId, index) => [parentId, pages[index]]));
  }

  /** How many stories each parent has through the given links, after the filter. */
  async countByParent(links: ArticleLink[], parentIds: number[], filter: ArticleFilter): Promise<Map<number, number>> {
    const where = compileArticleFilter(this.manager, filter);
    const rows = await runSql<{ parentId: number; total: number | string }>(
      this.manager,
      `SELECT l."parentId", COUNT(*) AS total
       FROM (${linksSql(links)}) l
       JOIN article a ON a.id = l."articleId"
       ${where.conditions.length > 0 ? `WHERE ${where.conditions.join(" AND ")}` : ""}
       GROUP BY l."parentId"`,
      { ...where.params, parentIds },
    );
    const counts = new Map<number, number>(parentIds.map((id) => [id, 0]));
    for (const row of rows) counts.set(Number(row.parentId), Number(row.total));
    return counts;
  }
}
