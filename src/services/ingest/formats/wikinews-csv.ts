import type { ParsedRecord, StoryFormat } from "../story-format";
import { csvRecords } from "./csv";
import { isoDate } from "./dates";
import { splitParagraphs } from "./paragraphs";
import { readRecord, type RecordOutcome } from "./record-outcome";

/** The columns this format reads, by header name; their order in the file does not matter. */
const COLUMNS = ["url", "date", "title", "text"] as const;
type Column = (typeof COLUMNS)[number];

/**
 * Wikinews prints the day of publication as the story's first paragraph ("Friday, January 4,
 * 2019"); the date column already says it, so that paragraph is not body text.
 */
const DATE_LINE = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday), \p{L}+ \d{1,2}, \d{4}$/iu;

/**
 * CSV with a `url,date,title,text` header, as in the Wikinews corpus: one story per record, `date`
 * as YYYY-MM-DD, and `text` with paragraphs separated by blank lines. Each record is located
 * "file:line" by the line it starts on. A record with a missing title, a date that is not a
 * calendar date or the wrong number of fields is reported and the next one is read; an empty text
 * gives a story without body (the corpus has such stub pages), as a headline alone is a story.
 */
export const wikinewsCsvFormat: StoryFormat = {
  name: "wikinews-csv",
  detect: (_fileName, head) => columnIndexes(head.split("\n", 1)[0].split(",")) !== null,
  parse: readCsv,
};

function* readCsv(text: string, fileName: string): Generator<ParsedRecord> {
  let columns: Map<Column, number> | null = null;
  let width = 0;
  for (const record of csvRecords(text)) {
    const location = `${fileName}:${record.line}`;
    if ("error" in record) {
      yield { location, error: record.error };
      return;
    }
    if (columns === null) {
      columns = columnIndexes(record.fields);
      width = record.fields.length;
      if (columns === null) {
        yield { location, error: `the header must name the columns ${COLUMNS.join(", ")}; it is "${record.fields.join(",")}"` };
        return;
      }
      continue;
    }
    const { fields } = record;
    if (fields.length === 1 && fields[0].trim() === "") continue;
    const indexes = columns;
    yield readRecord(location, () =>
      fields.length === width ? readStory((column) => fields[indexes.get(column) as number].trim()) : { error: `expected ${width} fields, found ${fields.length}` },
    );
  }
}

function readStory(field: (column: Column) => string): RecordOutcome {
  const headline = field("title");
  if (headline.length === 0) return { error: "missing title" };
  const paragraphs = splitParagraphs(field("text"));
  const body = paragraphs.length > 0 && DATE_LINE.test(paragraphs[0]) ? paragraphs.slice(1) : paragraphs;
  const date = field("date");
  const publishedAt = isoDate(date);
  if (date.length > 0 && publishedAt === null) return { error: `date "${date}" is not a YYYY-MM-DD calendar date` };
  const url = field("url") || null;
  return { story: { url, headline, body, publishedAt, ...(isWikinews(url) ? { publisher: "Wikinews" } : {}) } };
}

/** Where each column is among the header's names, or null when the header does not name them all. */
function columnIndexes(header: readonly string[]): Map<Column, number> | null {
  const names = header.map((name) => name.replace(/^\ufeff/, "").trim().replace(/^"(.*)"$/, "$1").toLowerCase());
  const columns = new Map<Column, number>();
  for (const column of COLUMNS) {
    const index = names.indexOf(column);
    if (index < 0) return null;
    columns.set(column, index);
  }
  return columns;
}

/** The CSV has no publisher column; a story at a Wikinews address is Wikinews' own. */
function isWikinews(url: string | null): boolean {
  try {
    return url !== null && /(^|\.)wikinews\.org$/.test(new URL(url).hostname);
  } catch {
    return false;
  }
}
