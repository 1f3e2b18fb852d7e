import type { ArticleInput, ArticleTags, PhotoInput } from "../../article-input";
import type { StoryFormat } from "../story-format";
import { isoDate } from "./dates";
import { htmlParagraphs, htmlToText } from "./html-text";
import { jsonRecords, storiesFromJson, withoutBom } from "./json-records";
import { isJsonObject, objectList, stringField, type JsonObject } from "./json-values";
import { namesInByline } from "./names";
import { splitParagraphs } from "./paragraphs";
import { creditedPhoto } from "./photo-credit";
import type { RecordOutcome } from "./record-outcome";

/** Fields only ninjs has; with `uri` they tell a ninjs item from a story in the project's schema. */
const NINJS_FIELDS = /"(?:headlines|bodies|descriptions|body_text|body_html|versioncreated|firstcreated)"\s*:/;

/** Item types that are stories; pictures and other media arrive only as associations of one. */
const STORY_TYPES: ReadonlySet<string> = new Set(["text", "composite"]);

/** Association types that are photos of the story. */
const PICTURE_TYPES: ReadonlySet<string> = new Set(["picture", "graphic"]);

/** Roles that name the main headline or body among several; otherwise the first is taken. */
const MAIN_ROLES: ReadonlySet<string> = new Set(["main", "headline", "body", "body_text"]);
/** Roles of a description that is the story's summary. */
const SUMMARY_ROLES: ReadonlySet<string> = new Set(["summary", "abstract", "teaser", "lead", "description"]);
/** Rendition names that mean the full-size picture. */
const FULL_SIZE_RENDITIONS: ReadonlySet<string> = new Set(["original", "highres", "hires", "baseimage", "full", "large"]);

/**
 * IPTC ninjs 2.x items (News in JSON): one item per file, an array of items, or one per line.
 * Headline, summary and body come from `headlines`, `descriptions` and `bodies` (the entry whose
 * role is the main one, else the first; HTML content is reduced to its paragraphs), with the 1.x
 * fields `headline`, `description_text` and `body_text`/`body_html` read when the 2.x lists are
 * absent. `firstcreated` is the publication time and `versioncreated` the update; `by` is the
 * byline, `located` the dateline and `copyrightholder` the publisher. The `people`,
 * `organisations` and `places` the provider attached become editorial tags. Associated pictures
 * become photos: caption from their descriptions, credit from their `by` and `copyrightholder`,
 * URL from their largest rendition. `uri` is the story URL only when it is a web address, since
 * ninjs identifiers are often URNs.
 */
export const ninjsFormat: StoryFormat = {
  name: "ninjs",
  detect: (_fileName, head) => /^\s*[{[]/.test(withoutBom(head)) && /"uri"\s*:/.test(head) && NINJS_FIELDS.test(head),
  parse: (text, fileName) => storiesFromJson(jsonRecords(text, fileName), readItem),
};

function readItem(value: unknown): RecordOutcome {
  if (!isJsonObject(value)) return { error: "expected a ninjs item object" };
  const type = stringField(value, "type");
  if (type !== null && !STORY_TYPES.has(type)) return { error: `a ninjs item of type "${type}" is not a story` };
  const headline = entryText(pick(objectList(value, "headlines"), MAIN_ROLES)) ?? stringField(value, "headline");
  if (headline === null) return { error: "missing headline (no headlines entry)" };
  const firstCreated = isoDate(stringField(value, "firstcreated"));
  const versionCreated = isoDate(stringField(value, "versioncreated"));
  const uri = stringField(value, "uri");
  const byline = stringField(value, "by");
  const story: ArticleInput = {
    url: uri !== null && /^https?:\/\//i.test(uri) ? uri : null,
    headline,
    summary: entryText(pick(objectList(value, "descriptions"), SUMMARY_ROLES)) ?? stringField(value, "description_text"),
    body: bodyParagraphs(value),
    publishedAt: firstCreated ?? versionCreated,
    updatedAt: firstCreated === null ? null : versionCreated,
    language: stringField(value, "language"),
    publisher: stringField(value, "copyrightholder") ?? objectList(value, "infosources").map((source) => stringField(source, "name")).find((name) => name !== null) ?? null,
    byline,
    authors: byline === null ? [] : namesInByline(byline),
    dateline: stringField(value, "located"),
    photos: associations(value).filter((item) => PICTURE_TYPES.has(stringField(item, "type") ?? "")).map(picturePhoto),
    tags: subjectTags(value),
  };
  return { story };
}

/** The entry whose role is one of `roles`, else the first entry, else null. */
function pick(entries: JsonObject[], roles: ReadonlySet<string>): JsonObject | null {
  return entries.find((entry) => roles.has((stringField(entry, "role") ?? "").toLowerCase())) ?? entries[0] ?? null;
}

/** The text of a headline or description entry, with markup removed when its content type is HTML. */
function entryText(entry: JsonObject | null): string | null {
  if (entry === null) return null;
  const value = stringField(entry, "value");
  if (value === null) return null;
  return isHtml(entry) ? htmlToText(value) || null : value;
}

function bodyParagraphs(item: JsonObject): string[] {
  const body = pick(objectList(item, "bodies"), MAIN_ROLES);
  const value = body === null ? null : stringField(body, "value");
  if (body !== null && value !== null) return isHtml(body) ? htmlParagraphs(value) : splitParagraphs(value);
  const html = stringField(item, "body_html");
  if (html !== null) return htmlParagraphs(html);
  return splitParagraphs(stringField(item, "body_text") ?? "");
}

function isHtml(entry: JsonObject): boolean {
  return /html/i.test(stringField(entry, "contenttype") ?? "");
}

/** Associated items: a list in ninjs 2.x, an object keyed by association name in 1.x. */
function associations(item: JsonObject): JsonObject[] {
  const value = item.associations;
  if (Array.isArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? Object.values(value).filter(isJsonObject) : [];
}

function picturePhoto(picture: JsonObject): PhotoInput {
  const caption = entryText(pick(objectList(picture, "descriptions"), new Set(["caption"]))) ?? entryText(pick(objectList(picture, "headlines"), MAIN_ROLES)) ?? "";
  const by = stringField(picture, "by");
  const holder = stringField(picture, "copyrightholder");
  // Written the way agencies print credits ("Jane Doe/Reuters"), so the credit-line parser can split it.
  const credit = by !== null && holder !== null && !by.toLowerCase().includes(holder.toLowerCase()) ? `${by}/${holder}` : by ?? holder;
  return {
    ...creditedPhoto(caption, credit, renditionUrl(picture)),
    takenAt: isoDate(stringField(picture, "contentcreated")),
    takenIn: stringField(picture, "located"),
    depicts: names(picture, "people"),
  };
}

/** The URL of the full-size rendition, else of the widest one. */
function renditionUrl(picture: JsonObject): string | null {
  const renditions = objectList(picture, "renditions").filter((rendition) => stringField(rendition, "href") !== null);
  const fullSize = renditions.find((rendition) => FULL_SIZE_RENDITIONS.has((stringField(rendition, "name") ?? "").toLowerCase()));
  const widest = renditions.reduce<JsonObject | undefined>((best, rendition) => (best === undefined || width(rendition) > width(best) ? rendition : best), undefined);
  const chosen = fullSize ?? widest;
  return chosen === undefined ? null : stringField(chosen, "href");
}

function width(rendition: JsonObject): number {
  return typeof rendition.width === "number" ? rendition.width : 0;
}

/** The entities the provider tagged the item with, or undefined when it tagged none. */
function subjectTags(item: JsonObject): ArticleTags | undefined {
  const tags: ArticleTags = {};
  const people = names(item, "people");
  const organizations = names(item, "organisations");
  const places = names(item, "places");
  if (people.length > 0) tags.people = people.map((name) => ({ name }));
  if (organizations.length > 0) tags.organizations = organizations.map((name) => ({ name }));
  if (places.length > 0) tags.places = places.map((name) => ({ name }));
  return Object.keys(tags).length > 0 ? tags : undefined;
}

function names(item: JsonObject, key: string): string[] {
  return objectList(item, key).flatMap((entry) => stringField(entry, "name") ?? []);
}
