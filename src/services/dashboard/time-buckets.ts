/** Milliseconds in a UTC day (UTC has no daylight saving). */
export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** The length of a timeline bucket. */
export type TimeInterval = "DAY" | "WEEK" | "MONTH";

/**
 * Consecutive calendar buckets in UTC covering a span of time: days, ISO weeks (starting Monday)
 * or months. Bucketing is done here from timestamps rather than in SQL, because each database
 * truncates dates with its own functions.
 */
export class TimeBuckets {
  /** The start of every bucket, oldest first. */
  readonly starts: Date[];

  /** Buckets from the one holding `start` up to the one holding the last instant before `end`. */
  constructor(
    readonly interval: TimeInterval,
    start: Date,
    end: Date,
  ) {
    this.starts = [];
    for (let bucket = this.startOf(start); bucket.getTime() < end.getTime(); bucket = this.after(bucket)) this.starts.push(bucket);
  }

  /** At least as many buckets as a span takes, found without making them, to refuse huge timelines up front. */
  static maxCountBetween(interval: TimeInterval, start: Date, end: Date): number {
    const days = Math.max(0, (end.getTime() - start.getTime()) / DAY_MS);
    return Math.ceil(interval === "DAY" ? days + 1 : interval === "WEEK" ? days / 7 + 1 : days / 28 + 1);
  }

  /** The index of the bucket holding `instant`, or -1 outside the buckets. */
  indexOf(instant: Date): number {
    const start = this.startOf(instant).getTime();
    const first = this.starts[0]?.getTime();
    if (first === undefined || start < first) return -1;
    const index =
      this.interval === "MONTH"
        ? monthsBetween(this.starts[0], instant)
        : Math.round((start - first) / (this.interval === "DAY" ? DAY_MS : WEEK_MS));
    return index < this.starts.length ? index : -1;
  }

  /** The start of the bucket holding `instant`: midnight UTC, on Monday for weeks, on the 1st for months. */
  private startOf(instant: Date): Date {
    const day = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
    if (this.interval === "DAY") return new Date(day);
    if (this.interval === "WEEK") return new Date(day - ((instant.getUTCDay() + 6) % 7) * DAY_MS);
    return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), 1));
  }

  private after(bucket: Date): Date {
    if (this.interval === "MONTH") return new Date(Date.UTC(bucket.getUTCFullYear(), bucket.getUTCMonth() + 1, 1));
    return new Date(bucket.getTime() + (this.interval === "DAY" ? DAY_MS : WEEK_MS));
  }
}


function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
}
