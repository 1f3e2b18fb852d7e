import { In, type EntityManager } from "typeorm";
import { Article } from "../entities/article";
import { DAY_MS } from "./dashboard/time-buckets";
import { runSql } from "./sql";

/** A story related to another, with why. */
export interface RelatedArticle {
  article: Article;
  /** 1 for editorial links; in (0, 1) for computed relations, higher is closer. */
  score: number;
  /** True when an editor placed the link under the story. */
  editorial: boolean;
  /** The editor's kicker for the link ("Syria"), when there is one. */
  label: string | null;
  /** Entities both stories name, most telling first. */
  sharedEntityIds: number[];
  /** Topics both stories are filed under, most telling first. */
  sharedTopicIds: number[];
}

/**
 * Entities named in more than this share of all stories are too common to relate two stories
 * ("United States" in a world news corpus); skipping them bounds the work per story, and their
 * weight would be near zero anyway. Small corpora keep every entity (see {@link MIN_DOCUMENT_CAP}).
 */
const MAX_DOCUMENT_SHARE = 0.05;
const MIN_DOCUMENT_CAP = 200;

/** Days after which closeness in time counts half. */
const TIME_HALF_LIFE_DAYS = 30;

/**
 * How much more a story from the same publisher counts: a reader on a publisher's page is best
 * served by that publisher's own follow-ups first, as publishers' own related-content APIs do.
 */
const SAME_PUBLISHER_BOOST = 1.25;

interface Share {
  source: number;
  target: number;
  kind: "entity" | "topic";
  itemId: number;
  df: number | string;
  total: number | string;
  sourceWeight: number;
  targetWeight: number;
}

/**
 * Ranks the coverage related to a story. Editorial links come first, in the editor's order. Then
 * other stories ranked by what they share: each shared entity weighs its inverse document
 * frequency (a rare entity says more than a common one) times the geometric mean of its salience
 * in both stories; each shared topic weighs its inverse document frequency times both weights,
 * at half the weight of an entity. The sum is scaled by closeness in time,
 * `0.5 + 0.5 / (1 + days / 30)` (0.5 when a date is unknown), by 1.25 for a story of the same
 * publisher, and mapped into (0, 1) by `x / (1 + x)`. Ties go to the newer story, then the one
 * stored first.
 */
export class RelatedCoverageRanker {
  constructor(private readonly manager: EntityManager) {}

  /** The top `first` related stories of each story. */
  async rank(articleIds: number[], first: number): Promise<Map<number, RelatedArticle[]>> {
    const [links, shares] = await Promise.all([this.editorialLinks(articleIds), this.shares(articleIds)]);
    const candidates = new Map<number, Map<number, { raw: number; entities: Array<[number, number]>; topics: Array<[number, number]> }>>();
    for (const share of shares) {
      const idf = Math.log(1 + Number(share.total) / Number(share.df));
      const weight =
        share.kind === "entity"
          ? idf * Math.sqrt(share.sourceWeight * share.targetWeight)
          : 0.5 * idf * share.sourceWeight * share.targetWeight;
      const bySource = candidates.get(share.source) ?? new Map();
      candidates.set(share.source, bySource);
      const entry = bySource.get(share.target) ?? { raw: 0, entities: [], topics: [] };
      bySource.set(share.target, entry);
      entry.raw += weight;
      (share.kind === "entity" ? entry.entities : entry.topics).push([share.itemId, weight]);
    }

    const articleIdsToLoad = new Set<number>([...articleIds, ...links.map((link) => link.target)]);
    for (const bySource of candidates.values()) for (const target of bySource.keys()) articleIdsToLoad.add(target);
    const articles = new Map(
      (await this.manager.findBy(Article, { id: In([...articleIdsToLoad]) })).map((article) => [article.id, article]),
    );

    const ranked = new Map<number, RelatedArticle[]>();
    for (const sourceId of articleIds) {
      const source = articles.get(sourceId);
      const bySource = candidates.get(sourceId) ?? new Map();
      const describe = (targetId: number) => {
        const entry = bySource.get(targetId);
        const byWeight = (items: Array<[number, number]>) => items.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
        return { sharedEntityIds: byWeight(entry?.entities ?? []), sharedTopicIds: byWeight(entry?.topics ?? []) };
      };
      const editorial: RelatedArticle[] = links
        .filter((link) => link.source === sourceId && link.target !== sourceId && articles.has(link.target))
        .map((link) => ({ article: articles.get(link.target)!, score: 1, editorial: true, label: link.label, ...describe(link.target) }));
      const linked = new Set(editorial.map((item) => item.article.id));
      const computed: RelatedArticle[] = [...bySource.entries()]
        .filter(([targetId]) => !linked.has(targetId) && articles.has(targetId))
        .map(([targetId, entry]) => {
          const article = articles.get(targetId)!;
          const samePublisher = source?.publisherId != null && source.publisherId === article.publisherId;
          const scaled = entry.raw * closeness(source?.publishedAt ?? null, article.publishedAt) * (samePublisher ? SAME_PUBLISHER_BOOST : 1);
          return { article, score: scaled / (1 + scaled), editorial: false, label: null, ...describe(targetId) };
        })
        .sort(
          (a, b) =>
            b.score - a.score ||
            (b.article.publishedAt?.getTime() ?? 0) - (a.article.publishedAt?.getTime() ?? 0) ||
            a.article.id - b.article.id,
        );
      ranked.set(sourceId, [...editorial, ...computed].slice(0, first));
    }
    return ranked;
  }

  /** Editorial links of the stories whose target is in the graph, found by URL or slug. */
  private async editorialLinks(articleIds: number[]): Promise<Array<{ source: number; target: number; label: string | null }>> {
    const rows = await runSql<{ source: number; target: number; label: string | null }>(
      this.manager,
      `SELECT rl."articleId" AS source, a.id AS target, rl.label
       FROM related_link rl
       JOIN article a ON a.url = rl.url OR a.slug = rl.slug
       WHERE rl."articleId" IN (:...articleIds)
       ORDER BY rl."articleId", rl.position, a.id`,
      { articleIds },
    );
    return rows.map((row) => ({ source: Number(row.source), target: Number(row.target), label: row.label }));
  }

  /** Every entity and topic each story shares with another, with document frequencies. */
  private async shares(articleIds: number[]): Promise<Share[]> {
    const rows = await runSql<Share>(
      this.manager,
      `WITH corpus AS (
         SELECT total, CASE WHEN total * CAST(:share AS double precision) > :minCap THEN total * CAST(:share AS double precision) ELSE :minCap END AS cap
         FROM (SELECT COUNT(*) AS total FROM article) counted),
       entity_df AS (
         SELECT "entityId" AS "itemId", COUNT(*) AS df FROM article_mention
         WHERE "entityId" IN (SELECT "entityId" FROM article_mention WHERE "articleId" IN (:...articleIds))
         GROUP BY "entityId"),
       topic_df AS (
         SELECT "topicId" AS "itemId", COUNT(*) AS df FROM article_topic
         WHERE "topicId" IN (SELECT "topicId" FROM article_topic WHERE "articleId" IN (:...articleIds))
         GROUP BY "topicId")
       SELECT s."articleId" AS source, o."articleId" AS target, 'entity' AS kind, s."entityId" AS "itemId",
              d.df, corpus.total, s.salience AS "sourceWeight", o.salience AS "targetWeight"
       FROM article_mention s
       JOIN entity_df d ON d."itemId" = s."entityId"
       CROSS JOIN corpus
       JOIN article_mention o ON o."entityId" = s."entityId" AND o."articleId" <> s."articleId"
       WHERE s."articleId" IN (:...articleIds) AND d.df <= corpus.cap
       UNION ALL
       SELECT s."articleId", o."articleId", 'topic', s."topicId", d.df, corpus.total, s.weight, o.weight
       FROM article_topic s
       JOIN topic_df d ON d."itemId" = s."topicId"
       CROSS JOIN corpus
       JOIN article_topic o ON o."topicId" = s."topicId" AND o."articleId" <> s."articleId"
       WHERE s."articleId" IN (:...articleIds) AND d.df <= corpus.cap`,
      { articleIds, share: MAX_DOCUMENT_SHARE, minCap: MIN_DOCUMENT_CAP },
    );
    return rows.map((row) => ({ ...row, source: Number(row.source), target: Number(row.target), itemId: Number(row.itemId) }));
  }

}

/**
 * 1 for stories published together, falling towards 0.5 as they grow apart; 0.5 when a date is
 * unknown, since an undated story cannot be shown to be timely.
 */
function closeness(a: Date | null, b: Date | null): number {
  if (!a || !b) return 0.5;
  const days = Math.abs(a.getTime() - b.getTime()) / DAY_MS;
  return 0.5 + 0.5 / (1 + days / TIME_HALF_LIFE_DAYS);
}

