import type { EntityManager } from "typeorm";
import type { Period } from "./dashboard/period";
import { indexOrderedSql, listOrderBy, MAX_INDEX_RANGES } from "./keyset";
import { runSql, toDbTimestamp, type SqlParams } from "./sql";

/** An entity named in the same stories as another, and in how many. */
export interface CoMention {
  entityId: number;
  /** Stories that name both. */
  count: number;
}

/** Two entities named in the same stories: `source` is the one asked about (a topic goes here). */
export interface EntityPair {
  source: number;
  other: number;
}

/** Stories two entities share: a few of the newest, and how many in all. */
export interface SharedStories {
  articleIds: number[];
  count: number;
}

/**
 * Ranks the entities most often named in the same stories as each given entity: who is in the
 * news with whom. For a topic, the stories are those filed under it. Ties go to the entity
 * registered first, so the order is stable. A period keeps only stories published within it, and
 * of those each entity's newest {@link NEWEST_STORIES_COUNTED} are counted.
 */
export class CoMentionRanker {
  constructor(
    private readonly manager: EntityManager,
    private readonly newestCounted = NEWEST_STORIES_COUNTED,
  ) {}

  /** The top `first` co-mentioned entities of each entity, most shared stories first. */
  async rank(entityIds: number[], first: number, period: Period = {}): Promise<Map<number, CoMention[]>> {
    const stories = entityStoriesSql(this.manager, entityIds, period, this.newestCounted);
    const rows = await runSql<{ source: number; other: number; shared: number | string }>(
      this.manager,
      `SELECT ranked.source, ranked.other, ranked.shared FROM (
         SELECT pairs.source, pairs.other, pairs.shared,
                ROW_NUMBER() OVER (PARTITION BY pairs.source ORDER BY pairs.shared DESC, pairs.other ASC) AS position
         FROM (
           SELECT s.source, m."entityId" AS other, COUNT(*) AS shared
           FROM (${stories.sql}) s
           JOIN article_mention m ON m."articleId" = s."articleId" AND m."entityId" <> s.source
           GROUP BY s.source, m."entityId"
         ) pairs
       ) ranked
       WHERE ranked.position <= :first
       ORDER BY ranked.source, ranked.position`,
      { ...stories.params, first },
    );
    const ranked = new Map<number, CoMention[]>(entityIds.map((id) => [id, []]));
    for (const row of rows) ranked.get(Number(row.source))?.push({ entityId: Number(row.other), count: Number(row.shared) });
    return ranked;
  }

  /**
   * For each pair, up to `perPair` of the stories that name both (for a topic source, filed under
   * it and naming the other), newest first with undated ones last, and how many there are.
   */
  async sharedStories(pairs: EntityPair[], perPair: number, period: Period = {}): Promise<Map<string, SharedStories>> {
    const found = new Map<string, SharedStories>(pairs.map((pair) => [pairKey(pair), { articleIds: [], count: 0 }]));
    if (pairs.length === 0) return found;
    const stories = entityStoriesSql(this.manager, [...new Set(pairs.map((pair) => pair.source))], period, this.newestCounted);
    // Selecting sources × others may take in pairs nobody asked for; they are dropped below, and
    // each pair brings at most `perPair` rows, so the excess stays small.
    const rows = await runSql<{ source: number; other: number; articleId: number; shared: number | string }>(
      this.manager,
      `SELECT ranked.source, ranked.other, ranked."articleId", ranked.shared FROM (
         SELECT s.source, m."entityId" AS other, s."articleId",
                COUNT(*) OVER (PARTITION BY s.source, m."entityId") AS shared,
                ROW_NUMBER() OVER (
                  PARTITION BY s.source, m."entityId"
                  ORDER BY ${listOrderBy({ column: `a."publishedAt"`, id: "a.id", direction: "DESC" }, "forward")}
                ) AS position
         FROM (${stories.sql}) s
         JOIN article_mention m ON m."articleId" = s."articleId" AND m."entityId" IN (:...others)
         JOIN article a ON a.id = s."articleId"
       ) ranked
       WHERE ranked.position <= :perPair
       ORDER BY ranked.source, ranked.other, ranked.position`,
      { ...stories.params, others: [...new Set(pairs.map((pair) => pair.other))], perPair },
    );
    for (const row of rows) {
      const shared = found.get(pairKey({ source: Number(row.source), other: Number(row.other) }));
      if (!shared) continue;
      shared.articleIds.push(Number(row.articleId));
      shared.count = Number(row.shared);
    }
    return found;
  }
}

/** The map key of a pair in {@link CoMentionRanker.sharedStories}'s answer. */
export function pairKey(pair: EntityPair): string {
  return `${pair.source}:${pair.other}`;
}

/**
 * How many of an entity's stories co-mentions are counted in: its newest this many (of the period
 * asked for). Counting in all of them would make the cost grow with the archive (a name in 30,000
 * of 100,000 stories meant half a million mentions to group), while who is in the news with
 * someone is told by their recent coverage.
 */
export const NEWEST_STORIES_COUNTED = 1000;

/** Stories hang off an entity as mentions, and off a topic as filings. */
const SOURCE_EDGES = [
  { table: "article_mention", source: "entityId" },
  { table: "article_topic", source: "topicId" },
] as const;

/**
 * SQL for the (source, "articleId") rows of the given entities: the newest `newestCounted`
 * stories naming each (undated ones last), or for a topic filed under it, limited to the period.
 * For a few sources each is read as a range of the edge's (source, publishedAt) index, so a name in
 * 30,000 stories costs what one in 1,000 does.
 */
export function entityStoriesSql(manager: EntityManager, sources: number[], period: Period, newestCounted = NEWEST_STORIES_COUNTED): { sql: string; params: SqlParams } {
  const params: SqlParams = { sources, newestCounted };
  const bounds: string[] = [];
  if (period.start) {
    bounds.push(`e."publishedAt" >= :periodStart`);
    params.periodStart = toDbTimestamp(manager, period.start);
  }
  if (period.end) {
    bounds.push(`e."publishedAt" < :periodEnd`);
    params.periodEnd = toDbTimestamp(manager, period.end);
  }
  const newestFirst = listOrderBy({ column: `"sortValue"`, id: "id", direction: "DESC" }, "forward");
  let linked: string;
  if (sources.length * SOURCE_EDGES.length <= MAX_INDEX_RANGES) {
    params.limit = newestCounted;
    linked = sources
      .flatMap((sourceId, s) => {
        params[`source${s}`] = sourceId;
        return SOURCE_EDGES.map((edge, e) => {
          const read = indexOrderedSql(
            { from: `${edge.table} e`, column: `e."publishedAt"`, id: `e."articleId"`, direction: "DESC", conditions: [`e."${edge.source}" = :source${s}`, ...bounds], params: {} },
            { direction: "forward", size: newestCounted, cursor: null },
            `s${s}_${e}`,
            `, e."${edge.source}" AS source`,
          );
          return read.sql;
        });
      })
      .join(" UNION ALL ");
  } else {
    linked = SOURCE_EDGES.map(
      (edge) => `SELECT e."${edge.source}" AS source, e."articleId" AS id, e."publishedAt" AS "sortValue" FROM ${edge.table} e
                 WHERE e."${edge.source}" IN (:...sources) ${bounds.map((bound) => `AND ${bound}`).join(" ")}`,
    ).join(" UNION ALL ");
  }
  return {
    sql: `SELECT source, id AS "articleId" FROM (
            SELECT source, id, ROW_NUMBER() OVER (PARTITION BY source ORDER BY ${newestFirst}) AS position FROM (${linked}) linked
          ) newest
          WHERE position <= :newestCounted`,
    params,
  };
}
