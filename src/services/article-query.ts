import type { EntityManager } from "typeorm";
import { Article } from "../entities/article";
import { countKeysetList, cursorKeyOf, fetchKeysetPage, hydratePages, indexOrderedSql, keyset, MAX_INDEX_RANGES, type KeysetOrder } from "./keyset";
import { toPage, type Page, type PageRequest } from "./pagination";
import { compileArticleFilter, type ArticleFilter, type FilterSql } from "./article-filter";
import { InvalidInputError } from "./errors";
import { runSql, type SqlParams } from "./sql";

/** How a list of stories is ordered; SALIENCE only under a parent (an entity's or topic's stories). */
export type ArticleOrder = "NEWEST" | "OLDEST" | "SALIENCE";

/** How stories hang off a parent object, as columns of an edge table aliased `e` (and its joins). */
interface LinkSource {
  /** The edge table as `e`, with any table needed to reach the parent. */
  from: string;
  parent: string;
  article: string;
  /** The story's publication time stored on the edge, indexed with the parent; null when the edge has none. */
  publishedAt: string | null;
  /** A mention's salience, a topic's weight, 1 for authors, photos and datelines. */
  weight: string;
  /** A further condition on the edge. */
  where?: string;
  /** True when a parent reaches each story at most once through this link (the edge's key says so). */
  unique: boolean;
}

/** Each way a page of a person, place, topic or photo lists stories. */
const ARTICLE_LINKS = {
  topic: { from: "article_topic e", parent: `e."topicId"`, article: `e."articleId"`, publishedAt: `e."publishedAt"`, weight: "e.weight", unique: true },
  mention: { from: "article_mention e", parent: `e."entityId"`, article: `e."articleId"`, publishedAt: `e."publishedAt"`, weight: "e.salience", unique: true },
  quoted: { from: "article_mention e", parent: `e."entityId"`, article: `e."articleId"`, publishedAt: `e."publishedAt"`, weight: "e.salience", where: "e.role = 'QUOTED'", unique: true },
  author: { from: "article_author e", parent: `e."personId"`, article: `e."articleId"`, publishedAt: `e."publishedAt"`, weight: "1.0", unique: true },
  photographer: { from: `article_photo e JOIN photo p ON p.id = e."photoId"`, parent: `p."photographerId"`, article: `e."articleId"`, publishedAt: null, weight: "1.0", unique: false },
  depicted: { from: `photo_depiction d JOIN article_photo e ON e."photoId" = d."photoId"`, parent: `d."personId"`, article: `e."articleId"`, publishedAt: null, weight: "1.0", unique: false },
  dateline: { from: "article e", parent: `e."datelineId"`, article: "e.id", publishedAt: `e."publishedAt"`, weight: "1.0", unique: true },
  photo: { from: "article_photo e", parent: `e."photoId"`, article: `e."articleId"`, publishedAt: null, weight: "1.0", unique: true },
} as const satisfies Record<string, LinkSource>;

/** One way stories hang off a parent: a topic's stories, an entity's mentions, a person's bylines... */
export type ArticleLink = keyof typeof ARTICLE_LINKS;

const ORDER_COLUMNS: Record<ArticleOrder, KeysetOrder> = {
  NEWEST: { column: `a."publishedAt"`, id: "a.id", direction: "DESC" },
  OLDEST: { column: `a."publishedAt"`, id: "a.id", direction: "ASC" },
  SALIENCE: { column: "l.weight", id: "a.id", direction: "DESC" },
};

/** The links of the parents in `:...parentIds` to their stories, as `"parentId"`, `"articleId"` and `weight` rows. */
function linkRowsSql(links: ArticleLink[]): string {
  return links
    .map((name) => {
      const link: LinkSource = ARTICLE_LINKS[name];
      return `SELECT ${link.parent} AS "parentId", ${link.article} AS "articleId", ${link.weight} AS weight FROM ${link.from}
              WHERE ${link.parent} IN (:...parentIds)${link.where ? ` AND ${link.where}` : ""}`;
    })
    .join(" UNION ALL ");
}

/**
 * Lists stories: filtered, ordered and paged by keyset. Lists under many parents at once (the
 * stories of each topic on a page) are fetched in one statement, so the number of statements
 * depends on the shape of a query, never on how many parents it reaches.
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
    const rows =
      order !== "SALIENCE" && parentIds.length * links.length <= MAX_INDEX_RANGES
        ? await this.readByParent(links, parentIds, where, order, request)
        : await this.rankByParent(links, parentIds, where, order, request);
    const byParent = new Map<number, ListedRow[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) {
      const listed = byParent.get(Number(row.parentId));
      // Rows come in list order, so a story reached by two links comes twice in a row.
      if (listed && listed.length <= request.size && Number(listed.at(-1)?.id) !== Number(row.id)) listed.push(row);
    }
    const pages = await hydratePages(this.manager, Article, [...byParent.values()].map((parentRows) => toPage(parentRows, request, cursorKeyOf)));
    return new Map([...byParent.keys()].map((parentId, index) => [parentId, pages[index]]));
  }

  /**
   * The first rows of each parent's list, each parent and link read as its own index range (see
   * {@link indexOrderedSql}) and merged in list order: a page costs the same for a name in ten
   * stories and one in thirty thousand. Every branch yields up to a page, so the union holds each
   * list's page even when some stories come through several links.
   */
  private async readByParent(links: ArticleLink[], parentIds: number[], where: FilterSql, order: Exclude<ArticleOrder, "SALIENCE">, request: PageRequest): Promise<ListedRow[]> {
    const params: SqlParams = { limit: request.size + 1 };
    const branches = parentIds.flatMap((parentId, p) => {
      params[`parent${p}`] = parentId;
      return links.map((name, l) => {
        const link: LinkSource = ARTICLE_LINKS[name];
        const joinArticle = where.conditions.length > 0 || link.publishedAt === null;
        const read = indexOrderedSql(
          {
            from: joinArticle ? `${link.from} JOIN article a ON a.id = ${link.article}` : link.from,
            column: link.publishedAt ?? `a."publishedAt"`,
            id: link.article,
            direction: ORDER_COLUMNS[order].direction,
            conditions: [`${link.parent} = :parent${p}`, ...(link.where ? [link.where] : []), ...where.conditions],
            params: where.params,
          },
          request,
          `b${p}_${l}`,
          `, ${link.parent} AS "parentId"`,
        );
        Object.assign(params, read.params);
        return read;
      });
    });
    return runSql<ListedRow>(
      this.manager,
      `SELECT "parentId", id, "sortValue" FROM (${branches.map((branch) => branch.sql).join(" UNION ALL ")}) linked
       ORDER BY "parentId", ${branches[0].mergeOrder}`,
      params,
    );
  }

  /** The first rows of each parent's list in list order, all parents' stories ranked by one window function. */
  private async rankByParent(links: ArticleLink[], parentIds: number[], where: FilterSql, order: ArticleOrder, request: PageRequest): Promise<ListedRow[]> {
    const seek = keyset(ORDER_COLUMNS[order], request, "seek");
    const conditions = [...where.conditions, ...(seek.condition ? [seek.condition] : [])];
    return runSql<ListedRow>(
      this.manager,
      `SELECT ranked."parentId", ranked.id, ranked."sortValue" FROM (
         SELECT l."parentId", a.id, ${ORDER_COLUMNS[order].column} AS "sortValue",
                ROW_NUMBER() OVER (PARTITION BY l."parentId" ORDER BY ${seek.orderBy}) AS position
         FROM (SELECT "parentId", "articleId", MAX(weight) AS weight FROM (${linkRowsSql(links)}) linked GROUP BY "parentId", "articleId") l
         JOIN article a ON a.id = l."articleId"
         ${conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : ""}
       ) ranked
       WHERE ranked.position <= :limit
       ORDER BY ranked."parentId", ranked.position`,
      { ...where.params, ...seek.params, parentIds, limit: request.size + 1 },
    );
  }

  /**
   * How many stories each parent has through the given links, after the filter. Without a filter
   * the edges alone answer, read from their (parent, ...) indexes.
   */
  async countByParent(links: ArticleLink[], parentIds: number[], filter: ArticleFilter): Promise<Map<number, number>> {
    const where = compileArticleFilter(this.manager, filter);
    const filtered = where.conditions.length > 0;
    // Counting distinct stories sorts them; through one link whose key admits no repeat, every row is one.
    const once = links.length === 1 && (ARTICLE_LINKS[links[0]] as LinkSource).unique;
    const rows = await runSql<{ parentId: number; total: number | string }>(
      this.manager,
      `SELECT l."parentId", ${once ? "COUNT(*)" : `COUNT(DISTINCT l."articleId")`} AS total
       FROM (${linkRowsSql(links)}) l
       ${filtered ? `JOIN article a ON a.id = l."articleId" WHERE ${where.conditions.join(" AND ")}` : ""}
       GROUP BY l."parentId"`,
      { ...where.params, parentIds },
    );
    const counts = new Map<number, number>(parentIds.map((id) => [id, 0]));
    for (const row of rows) counts.set(Number(row.parentId), Number(row.total));
    return counts;
  }
}

/** A row of a list under a parent, before its story is loaded. */
interface ListedRow {
  parentId: number;
  id: number;
  sortValue: string | number | Date | null;
}
