import type { EntityManager } from "typeorm";
import { compileArticleFilter, type ArticleFilter } from "../article-filter";
import { runSql, toDbTimestamp } from "../sql";
import { logOddsRatio } from "./log-odds-ratio";
import type { Period } from "./period";

/** Which entities compete in a trending list; `ANY` puts every kind in one list. */
export type TrendingKind = "PERSON" | "PLACE" | "ORGANIZATION" | "TOPIC" | "ANY";

/** An entity whose share of coverage rose in the window against the baseline. */
export interface TrendingEntity {
  entityId: number;
  /** Stories in the window that name the entity (for a topic, filed under it). */
  windowCount: number;
  baselineCount: number;
  /** e^δ: how many times its odds of being named grew, smoothed by the prior (2 = about doubled share). */
  change: number;
  /** δ / σ, the order of the list. */
  score: number;
}

const TYPES: Record<TrendingKind, string[]> = {
  PERSON: ["PERSON"],
  PLACE: ["PLACE"],
  ORGANIZATION: ["ORGANIZATION"],
  TOPIC: ["TOPIC"],
  ANY: ["PERSON", "PLACE", "ORGANIZATION", "TOPIC"],
};

/**
 * Ranks the entities whose share of coverage rose most in a window against a baseline period. An
 * entity's share is its stories over all (story, entity) pairs of the kind in the period, so a
 * busier window does not lift everyone. The score is the z-score of the smoothed log-odds ratio
 * ({@link logOddsRatio}), so a name seen twice in the window and never before does not outrank one
 * seen twenty times. Topics count the stories filed under them directly.
 */
export class TrendingRanker {
  constructor(private readonly manager: EntityManager) {}

  /** The top `first` rising entities of `kind`, among stories the filter matches; ties go to the entity registered first. */
  async rank(kind: TrendingKind, window: Required<Period>, baseline: Required<Period>, filter: ArticleFilter, first: number): Promise<TrendingEntity[]> {
    const where = compileArticleFilter(this.manager, filter);
    const types = TYPES[kind];
    const db = (date: Date) => toDbTimestamp(this.manager, date);
    const inWindow = `a."publishedAt" >= :windowStart AND a."publishedAt" < :windowEnd`;
    const inBaseline = `a."publishedAt" >= :baselineStart AND a."publishedAt" < :baselineEnd`;
    const rows = await runSql<{ entityId: number; windowCount: number | string; baselineCount: number | string }>(
      this.manager,
      `SELECT tagged."entityId",
              COUNT(CASE WHEN ${inWindow} THEN 1 END) AS "windowCount",
              COUNT(CASE WHEN ${inBaseline} THEN 1 END) AS "baselineCount"
       FROM (
         SELECT m."articleId", m."entityId" FROM article_mention m JOIN entity e ON e.id = m."entityId" WHERE e.type IN (:...types)
         ${types.includes("TOPIC") ? `UNION ALL SELECT "articleId", "topicId" FROM article_topic` : ""}
       ) tagged
       JOIN article a ON a.id = tagged."articleId"
       WHERE ((${inWindow}) OR (${inBaseline})) ${where.conditions.map((condition) => `AND ${condition}`).join(" ")}
       GROUP BY tagged."entityId"`,
      {
        ...where.params,
        types,
        windowStart: db(window.start),
        windowEnd: db(window.end),
        baselineStart: db(baseline.start),
        baselineEnd: db(baseline.end),
      },
    );
    const counts = rows.map((row) => ({ entityId: Number(row.entityId), window: Number(row.windowCount), baseline: Number(row.baselineCount) }));
    const windowTotal = counts.reduce((sum, row) => sum + row.window, 0);
    const baselineTotal = counts.reduce((sum, row) => sum + row.baseline, 0);
    return counts
      .filter((row) => row.window > 0)
      .map((row) => {
        const { delta, z } = logOddsRatio({ window: row.window, baseline: row.baseline, windowTotal, baselineTotal });
        return { entityId: row.entityId, windowCount: row.window, baselineCount: row.baseline, change: Math.exp(delta), score: z };
      })
      .filter((entity) => entity.score > 0)
      .sort((a, b) => b.score - a.score || a.entityId - b.entityId)
      .slice(0, first);
  }
}
