import { In, type EntityManager } from "typeorm";
import { Article } from "../entities/article";
import { DAY_MS } from "./dashboard/time-buckets";
import { fromDbTimestamp, runSql } from "./sql";
import { shiftedTimestampSql } from "./sql-dialect";

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

/**
 * Items (entities, topics) in at most this many stories relate a story to every other story that
 * has them. A commoner item, still under the cap, relates only stories published within
 * {@link COMMON_ITEM_WINDOW_DAYS} days of each other: a name in thousands of stories links a story
 * to its own news cycle, and reading all its stories for every page would make the cost of a page
 * grow with the archive.
 */
const ALL_STORIES_UP_TO = 200;
const COMMON_ITEM_WINDOW_DAYS = 30;

/** How far common items reach; see {@link ALL_STORIES_UP_TO}. */
export interface RelatedReach {
  allStoriesUpTo: number;
  windowDays: number;
}

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
  sourcePublishedAt: string | Date | null;
  sourcePublisherId: number | null;
  targetPublishedAt: string | Date | null;
  targetPublisherId: number | null;
}

/** What the score needs of a story besides what it shares: when it appeared and who published it. */
interface StoryFacts {
  publishedAt: Date | null;
  publisherId: number | null;
}

/** A story that shares something with the one ranked, and what it shares, with their weights. */
interface Candidate extends StoryFacts {
  raw: number;
  entities: Array<[number, number]>;
  topics: Array<[number, number]>;
}

/**
 * Ranks the coverage related to a story. Editorial links come first, in the editor's order. Then
 * other stories ranked by what they share: each shared entity weighs its inverse document
 * frequency (a rare entity says more than a common one) times the geometric mean of its salience
 * in both stories; each shared topic weighs its inverse document frequency times both weights,
 * at half the weight of an entity. The sum is scaled by closeness in time,
 * `0.5 + 0.5 / (1 + days / 30)` (0.5 when a date is unknown), by 1.25 for a story of the same
 * publisher, and mapped into (0, 1) by `x / (1 + x)`. Ties go to the newer story, then the one
 * stored first. Items in more than 5% of stories relate nothing, and items in more than 200
 * relate only stories within 30 days of each other, so a page costs the same in a large archive.
 */
export class RelatedCoverageRanker {
  constructor(
    private readonly manager: EntityManager,
    private readonly reach: RelatedReach = { allStoriesUpTo: ALL_STORIES_UP_TO, windowDays: COMMON_ITEM_WINDOW_DAYS },
  ) {}

  /**
   * The top `first` related stories of each story. Candidates are ranked on the few facts the
   * score needs, which come with the shared items; only the stories that make the list are loaded
   * whole, since a story on a busy subject shares something with hundreds of others.
   */
  async rank(articleIds: number[], first: number): Promise<Map<number, RelatedArticle[]>> {
    const [links, shares] = await Promise.all([this.editorialLinks(articleIds), this.shares(articleIds)]);
    const candidates = new Map<number, Map<number, Candidate>>();
    const sources = new Map<number, StoryFacts>();
    for (const share of shares) {
      const idf = Math.log(1 + Number(share.total) / Number(share.df));
      const weight =
        share.kind === "entity"
          ? idf * Math.sqrt(share.sourceWeight * share.targetWeight)
          : 0.5 * idf * share.sourceWeight * share.targetWeight;
      sources.set(share.source, factsOf(share.sourcePublishedAt, share.sourcePublisherId));
      const bySource = candidates.get(share.source) ?? new Map<number, Candidate>();
      candidates.set(share.source, bySource);
      const entry = bySource.get(share.target) ?? { raw: 0, entities: [], topics: [], ...factsOf(share.targetPublishedAt, share.targetPublisherId) };
      bySource.set(share.target, entry);
      entry.raw += weight;
      (share.kind === "entity" ? entry.entities : entry.topics).push([share.itemId, weight]);
    }

    const chosen = new Map<number, { editorial: typeof links; computed: Array<{ targetId: number; score: number }> }>();
    for (const sourceId of articleIds) {
      const source = sources.get(sourceId);
      const editorial = links.filter((link) => link.source === sourceId && link.target !== sourceId);
      const linked = new Set(editorial.map((link) => link.target));
      const computed = [...(candidates.get(sourceId) ?? new Map<number, Candidate>()).entries()]
        .filter(([targetId]) => !linked.has(targetId))
        .map(([targetId, entry]) => {
          const samePublisher = source?.publisherId != null && source.publisherId === entry.publisherId;
          const scaled = entry.raw * closeness(source?.publishedAt ?? null, entry.publishedAt) * (samePublisher ? SAME_PUBLISHER_BOOST : 1);
          return { targetId, entry, score: scaled / (1 + scaled) };
        })
        .sort((a, b) => b.score - a.score || (b.entry.publishedAt?.getTime() ?? 0) - (a.entry.publishedAt?.getTime() ?? 0) || a.targetId - b.targetId)
        .slice(0, Math.max(0, first - editorial.length));
      chosen.set(sourceId, { editorial: editorial.slice(0, first), computed });
    }

    const shown = new Set<number>();
    for (const { editorial, computed } of chosen.values()) {
      for (const link of editorial) shown.add(link.target);
      for (const { targetId } of computed) shown.add(targetId);
    }
    const articles = new Map(shown.size === 0 ? [] : (await this.manager.findBy(Article, { id: In([...shown]) })).map((article) => [article.id, article]));

    const ranked = new Map<number, RelatedArticle[]>();
    for (const [sourceId, { editorial, computed }] of chosen) {
      const bySource = candidates.get(sourceId);
      const describe = (targetId: number) => {
        const entry = bySource?.get(targetId);
        const byWeight = (items: Array<[number, number]>) => [...items].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
        return { sharedEntityIds: byWeight(entry?.entities ?? []), sharedTopicIds: byWeight(entry?.topics ?? []) };
      };
      ranked.set(sourceId, [
        ...editorial.map((link) => ({ article: articles.get(link.target)!, score: 1, editorial: true, label: link.label, ...describe(link.target) })),
        ...computed.map(({ targetId, score }) => ({ article: articles.get(targetId)!, score, editorial: false, label: null, ...describe(targetId) })),
      ]);
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

  /**
   * Every entity and topic each story shares with another, with document frequencies. An item
   * above the cap is skipped, so its frequency is counted only up to the cap: counting every
   * mention of a name in half the corpus would cost more than the rest of the ranking. An item
   * in more stories than the reach allows relates only stories published within its window of
   * each other, read as a range of the edge's (item, publishedAt) index.
   */
  private async shares(articleIds: number[]): Promise<Share[]> {
    const edges = {
      entity: { table: "article_mention", item: "entityId", weight: "salience", df: "entity_df" },
      topic: { table: "article_topic", item: "topicId", weight: "weight", df: "topic_df" },
    } as const;
    const frequencies = (kind: keyof typeof edges) => {
      const edge = edges[kind];
      return `${edge.df} AS MATERIALIZED (
         SELECT "itemId", df FROM (
           SELECT shared."${edge.item}" AS "itemId",
                  (SELECT COUNT(*) FROM (SELECT 1 FROM ${edge.table} x WHERE x."${edge.item}" = shared."${edge.item}" LIMIT (SELECT "countUpTo" FROM corpus)) upto) AS df
           FROM (SELECT DISTINCT "${edge.item}" FROM ${edge.table} WHERE "articleId" IN (:...articleIds)) shared) items
         WHERE df <= (SELECT cap FROM corpus))`;
    };
    const pairs = (kind: keyof typeof edges, windowed: boolean) => {
      const edge = edges[kind];
      const within = windowed
        ? `d.df > :allUpTo AND o."publishedAt" BETWEEN ${shiftedTimestampSql(this.manager, `s."publishedAt"`, "windowBefore")} AND ${shiftedTimestampSql(this.manager, `s."publishedAt"`, "windowAfter")}`
        : "d.df <= :allUpTo";
      return `SELECT s."articleId" AS source, o."articleId" AS target, '${kind}' AS kind, s."${edge.item}" AS "itemId",
              d.df, corpus.total, s.${edge.weight} AS "sourceWeight", o.${edge.weight} AS "targetWeight",
              s."publishedAt" AS "sourcePublishedAt", sa."publisherId" AS "sourcePublisherId",
              o."publishedAt" AS "targetPublishedAt", ta."publisherId" AS "targetPublisherId"
       FROM ${edge.table} s
       JOIN ${edge.df} d ON d."itemId" = s."${edge.item}"
       CROSS JOIN corpus
       JOIN ${edge.table} o ON o."${edge.item}" = s."${edge.item}" AND o."articleId" <> s."articleId"
       JOIN article sa ON sa.id = s."articleId"
       JOIN article ta ON ta.id = o."articleId"
       WHERE s."articleId" IN (:...articleIds) AND ${within}`;
    };
    const rows = await runSql<Share>(
      this.manager,
      `WITH corpus AS MATERIALIZED (
         SELECT total, cap, CAST(cap AS integer) + 1 AS "countUpTo" FROM (
           SELECT total, CASE WHEN total * CAST(:share AS double precision) > :minCap THEN total * CAST(:share AS double precision) ELSE :minCap END AS cap
           FROM (SELECT COUNT(*) AS total FROM article) counted) capped),
       ${frequencies("entity")},
       ${frequencies("topic")}
       ${[pairs("entity", false), pairs("entity", true), pairs("topic", false), pairs("topic", true)].join("\n       UNION ALL\n       ")}`,
      {
        articleIds,
        share: MAX_DOCUMENT_SHARE,
        minCap: MIN_DOCUMENT_CAP,
        allUpTo: this.reach.allStoriesUpTo,
        windowBefore: -this.reach.windowDays,
        windowAfter: this.reach.windowDays,
      },
    );
    return rows.map((row) => ({ ...row, source: Number(row.source), target: Number(row.target), itemId: Number(row.itemId) }));
  }
}

/** A story's facts from a raw row, whose timestamps are text on SQLite and dates elsewhere. */
function factsOf(publishedAt: string | Date | null, publisherId: number | string | null): StoryFacts {
  return { publishedAt: fromDbTimestamp(publishedAt), publisherId: publisherId === null ? null : Number(publisherId) };
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

