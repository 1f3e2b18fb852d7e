import type { ArticleInput } from "../../article-input";
import type { ParsedRecord } from "../story-format";

/** What reading one record gave, before its location is attached: a story, or why there is none. */
export type RecordOutcome = { story: ArticleInput } | { error: string };

/**
 * Attaches a location to the outcome of reading one record. `read` is guarded so that a record
 * of a shape nobody foresaw becomes an error for that record instead of ending the whole file.
 */
export function readRecord(location: string, read: () => RecordOutcome): ParsedRecord {
  try {
    return { location, ...read() };
  } catch (error) {
    return { location, error: `unreadable record: ${(error as Error).message}` };
  }
}
