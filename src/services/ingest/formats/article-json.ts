import type { ArticleInput } from "../../article-input";
import type { StoryFormat } from "../story-format";
import { jsonRecords, storiesFromJson, withoutBom } from "./json-records";
import { isJsonObject } from "./json-values";
import type { RecordOutcome } from "./record-outcome";

/** Optional fields of the schema that must be a string or null when present. */
const OPTIONAL_STRINGS = ["url", "slug", "summary", "publishedAt", "updatedAt", "section", "language", "publisher", "byline", "dateline"] as const;

/** Optional fields of the schema that must be an array when present. */
const OPTIONAL_ARRAYS = ["authors", "photos", "related"] as const;

/**
 * Stories in the project's own article schema (the shape of `data/articles/*.json`): a `.json`
 * file holding one story or an array of them, or a `.jsonl`/`.ndjson` file with one story per
 * line. Asked last among the JSON formats and recognized by a `headline` key near the start, so
 * JSON that is not stories at all (re3d's entity annotations beside its documents) is not taken
 * for a file of broken stories. The shape is checked minimally: a headline, a body of strings, the type
 * of each optional top-level field, a caption on each photo and a headline on each related link;
 * editorial tags pass through as given.
 */
export const articleJsonFormat: StoryFormat = {
  name: "article-json",
  detect: (fileName, head) => (/\.(json|jsonl|ndjson)$/i.test(fileName) || /^\s*[{[]/.test(withoutBom(head))) && /"headline"\s*:/.test(head),
  parse: (text, fileName) => storiesFromJson(jsonRecords(text, fileName), readArticle),
};

function readArticle(value: unknown): RecordOutcome {
  if (!isJsonObject(value)) return { error: `expected an article object, found ${Array.isArray(value) ? "an array" : typeof value === "object" ? "null" : typeof value}` };
  if (typeof value.headline !== "string" || value.headline.trim().length === 0) return { error: "missing headline" };
  if (!Array.isArray(value.body) || !value.body.every((paragraph) => typeof paragraph === "string")) {
    return { error: "body must be an array of paragraph strings" };
  }
  for (const field of OPTIONAL_STRINGS) {
    const fieldValue = value[field];
    if (fieldValue !== undefined && fieldValue !== null && typeof fieldValue !== "string") return { error: `${field} must be a string or null` };
  }
  for (const field of OPTIONAL_ARRAYS) {
    if (value[field] !== undefined && !Array.isArray(value[field])) return { error: `${field} must be an array` };
  }
  if (Array.isArray(value.authors) && !value.authors.every((author) => typeof author === "string")) return { error: "authors must be an array of names" };
  const photos = Array.isArray(value.photos) ? value.photos : [];
  const badPhoto = photos.findIndex((photo) => !isJsonObject(photo) || typeof photo.caption !== "string");
  if (badPhoto >= 0) return { error: `photos[${badPhoto}] must be an object with a caption string` };
  const related = Array.isArray(value.related) ? value.related : [];
  const badLink = related.findIndex((link) => !isJsonObject(link) || typeof link.headline !== "string");
  if (badLink >= 0) return { error: `related[${badLink}] must be an object with a headline string` };
  if (value.tags !== undefined && value.tags !== null && !isJsonObject(value.tags)) return { error: "tags must be an object" };
  // Deeper fields (photo details, tag lists) are left to the writer, which links them by name.
  return { story: value as unknown as ArticleInput };
}
