import type { ArticleInput } from "../../../src/services/article-input";
import type { ParsedRecord } from "../../../src/services/ingest/story-format";

/** The stories of parsed records, failing the test with the locations and reasons of any errors. */
export function storiesOf(records: Iterable<ParsedRecord>): ArticleInput[] {
  const all = [...records];
  const errors = all.flatMap((record) => ("error" in record ? [`${record.location}: ${record.error}`] : []));
  expect(errors).toEqual([]);
  return all.flatMap((record) => ("story" in record ? [record.story] : []));
}

/** The errors of parsed records as "location: reason" lines. */
export function errorsOf(records: Iterable<ParsedRecord>): string[] {
  return [...records].flatMap((record) => ("error" in record ? [`${record.location}: ${record.error}`] : []));
}
