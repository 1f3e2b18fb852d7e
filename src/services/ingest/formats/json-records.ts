import type { ParsedRecord } from "../story-format";
import { readRecord, type RecordOutcome } from "./record-outcome";

/** One value read from a JSON or JSON Lines file, with where it is, or why it could not be read. */
export type JsonRecord = { location: string; value: unknown } | { location: string; error: string };

/** One JSON value per non-blank line, each located as "file:line". */
export function* jsonLines(text: string, fileName: string): Generator<JsonRecord> {
  const lines = withoutBom(text).split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (line.length === 0) continue;
    yield parseJson(line, `${fileName}:${index + 1}`);
  }
}

/**
 * The records of a file that is either one JSON document or JSON Lines. It is JSON Lines when
 * its name ends in `.jsonl` or `.ndjson`, or when its first non-blank line is a complete JSON
 * value on its own and more lines follow (a pretty-printed document's first line never is). A document that is an
 * array gives one record per item, located "file#n" with n counted from 1; any other document
 * is one record located by the file name.
 */
export function* jsonRecords(text: string, fileName: string): Generator<JsonRecord> {
  if (isJsonLines(text, fileName)) {
    yield* jsonLines(text, fileName);
    return;
  }
  const document = parseJson(withoutBom(text), fileName);
  if ("error" in document || !Array.isArray(document.value)) {
    yield document;
    return;
  }
  for (let index = 0; index < document.value.length; index++) {
    yield { location: `${fileName}#${index + 1}`, value: document.value[index] };
  }
}

/** Turns JSON records into stories with `read`, keeping each record's location. */
export function* storiesFromJson(records: Iterable<JsonRecord>, read: (value: unknown) => RecordOutcome): Generator<ParsedRecord> {
  for (const record of records) {
    yield "error" in record ? record : readRecord(record.location, () => read(record.value));
  }
}

/** True when the first line of `head` is a JSON object that has every one of `keys`. */
export function firstLineHasKeys(head: string, keys: readonly string[]): boolean {
  const firstLine = withoutBom(head).trimStart().split("\n", 1)[0];
  if (!firstLine.startsWith("{")) return false;
  // The head may end inside a long first line, so the keys are looked for as text, not parsed.
  return keys.every((key) => new RegExp(`"${key}"\\s*:`).test(firstLine));
}

/** The text without a leading byte order mark, which JSON.parse rejects. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isJsonLines(text: string, fileName: string): boolean {
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return true;
  const body = withoutBom(text).trimStart();
  const end = body.indexOf("\n");
  if (end < 0 || body.slice(end).trim().length === 0) return false;
  const firstLine = body.slice(0, end).trim();
  if (!firstLine.startsWith("{") && !firstLine.startsWith("[")) return false;
  try {
    JSON.parse(firstLine);
    return true;
  } catch {
    return false;
  }
}

function parseJson(text: string, location: string): JsonRecord {
  try {
    return { location, value: JSON.parse(text) };
  } catch (error) {
    return { location, error: `invalid JSON: ${(error as Error).message}` };
  }
}
