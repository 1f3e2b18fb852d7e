import type { StoryFormat } from "../story-format";
import { firstLineHasKeys, jsonLines, storiesFromJson } from "./json-records";
import { isJsonObject, stringField } from "./json-values";
import { splitParagraphs } from "./paragraphs";
import type { RecordOutcome } from "./record-outcome";

/**
 * The organizations behind the re3d sources, by the `sourceName` the data set gives them (the
 * values found in its files), named as the graph names organizations. A source not listed keeps
 * the name the data gives.
 */
const PUBLISHERS: ReadonlyMap<string, string> = new Map([
  ["CENTCOM", "United States Central Command"],
  ["US State Department", "United States Department of State"],
]);

/**
 * The re3d `documents.json` files: one JSON object per line with `_id`, `title`, `text`,
 * `sourceName` and `sourceUrl`. The text's blank lines separate paragraphs; the source URL is the
 * story's identity; the data carries no date, so `publishedAt` is null. The annotation files
 * beside it (entities, relations) are not stories and are not read here.
 */
export const re3dDocumentsFormat: StoryFormat = {
  name: "re3d-documents",
  detect: (_fileName, head) => firstLineHasKeys(head, ["_id", "text", "sourceName"]),
  parse: (text, fileName) => storiesFromJson(jsonLines(text, fileName), readDocument),
};

function readDocument(value: unknown): RecordOutcome {
  if (!isJsonObject(value)) return { error: "expected a document object" };
  const headline = stringField(value, "title");
  if (headline === null) return { error: "missing title" };
  const body = splitParagraphs(stringField(value, "text") ?? "");
  const source = stringField(value, "sourceName");
  return {
    story: {
      url: stringField(value, "sourceUrl"),
      headline,
      body,
      publishedAt: null,
      publisher: source === null ? null : PUBLISHERS.get(source) ?? source,
    },
  };
}
