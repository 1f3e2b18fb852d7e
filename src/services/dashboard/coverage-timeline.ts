import type { EntityManager } from "typeorm";
import { compileArticleFilter, type ArticleFilter } from "../article-filter";
import { InvalidInputError } from "../errors";
import type { NodeType } from "../global-id";
import { fromDbTimestamp, runSql } from "../sql";
import { publishedWithin, type Period } from "./period";
import { TimeBuckets, type TimeInterval } from "./time-buckets";

/** An entity or topic to chart, with the type its global ID named. */
export interface TimelineSubject {
  id: number;
  type: Exclude<NodeType, "Article" | "Photo">;
}

/** One subject's coverage: a count of stories per bucket, every bucket present. */
export interface CoverageSeries {
  subject: TimelineSubject;
  buckets: { start: Date; count: number }[];
}

/** The most series one timeline draws. */
export const MAX_SERIES = 20;

/** The most buckets one series has (about five and a half years of days). */
export const MAX_BUCKETS = 2000;

/** The filter field that selects a subject's stories, with the filter's own semantics. */
const FILTER_FIELD = { Person: "people", Place: "places", Organization: "organizations", Topic: "topics" } as const;

/**
 * Counts the stories about each subject per day, ISO week or month, in UTC. A subject's stories
 * are exactly those the article filter gives for it (`places: { anyOf: [id] }` and so on), so a
 * place counts stories mentioning or datelined in it or in a place inside it, and a topic counts
 * its subtopics' stories too. Only stories published within the period count, so the first and
 * last buckets may cover part of their interval.
 */
export class CoverageTimeline {
  constructor(private readonly manager: EntityManager) {}

  /** One series per subject, in the order given; a bounded period is required. */
  async series(subjects: TimelineSubject[], filter: ArticleFilter, interval: TimeInterval, period: Required<Period>): Promise<CoverageSeries[]> {
    if (subjects.length > MAX_SERIES) throw new InvalidInputError(`at most ${MAX_SERIES} entities and topics together, got ${subjects.length}`, "entities");
    if (TimeBuckets.maxCountBetween(interval, period.start, period.end) > MAX_BUCKETS) {
      throw new InvalidInputError(`from and to span more than ${MAX_BUCKETS} buckets of ${interval}; use a longer interval or a shorter span`, "to");
    }
    const buckets = new TimeBuckets(interval, period.start, period.end);
    // One statement per series: each is the caller's filter narrowed to one subject, and compiled
    // filters number their parameters from the same start, so they cannot share one statement.
    return Promise.all(
      subjects.map(async (subject) => {
        const dates = await this.publicationDates({ and: [filter, publishedWithin(period), { [FILTER_FIELD[subject.type]]: { anyOf: [subject.id] } }] });
        const counts = buckets.starts.map(() => 0);
        for (const date of dates) {
          const index = buckets.indexOf(date);
          if (index >= 0) counts[index]++;
        }
        return { subject, buckets: buckets.starts.map((start, index) => ({ start, count: counts[index] })) };
      }),
    );
  }

  private async publicationDates(filter: ArticleFilter): Promise<Date[]> {
    const where = compileArticleFilter(this.manager, filter);
    const rows = await runSql<{ publishedAt: string | Date }>(
      this.manager,
      `SELECT a."publishedAt" FROM article a WHERE ${where.conditions.join(" AND ")}`,
      where.params,
    );
    return rows.map((row) => fromDbTimestamp(row.publishedAt)!);
  }
}
