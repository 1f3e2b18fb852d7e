import type { ArticleFilter } from "../article-filter";
import { InvalidInputError } from "../errors";
import { DAY_MS } from "./time-buckets";

/** A span of publication time: `start` inclusive, `end` exclusive; a missing side is unbounded. */
export interface Period {
  start?: Date;
  end?: Date;
}

/**
 * The period from the start of UTC day `from` to the end of UTC day `to`, both days included,
 * as dashboards name ranges ("2020-01-01" to "2020-01-31" is all of January). Either may be
 * missing; `from` after `to` is a BAD_USER_INPUT error on `toField`.
 */
export function periodOfDays(from: Date, to: Date, toField?: string): Required<Period>;
export function periodOfDays(from: Date | undefined | null, to: Date | undefined | null, toField?: string): Period;
export function periodOfDays(from: Date | undefined | null, to: Date | undefined | null, toField = "to"): Period {
  if (from && to && from.getTime() > to.getTime()) {
    throw new InvalidInputError(`to must not be before from, got ${isoDay(from)} to ${isoDay(to)}`, toField);
  }
  return { start: from ?? undefined, end: to ? new Date(to.getTime() + DAY_MS) : undefined };
}

/** The filter condition that keeps stories published within `period` (undated ones drop out once a side is bounded). */
export function publishedWithin(period: Period): ArticleFilter {
  return { publishedAfter: period.start, publishedBefore: period.end };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
