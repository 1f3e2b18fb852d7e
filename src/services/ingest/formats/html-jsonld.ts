import { decodeHTML } from "entities";
import type { ArticleInput, PhotoInput } from "../../article-input";
import type { StoryFormat } from "../story-format";
import { isoDate } from "./dates";
import { attribute, elements, htmlParagraphs, htmlToText } from "./html-text";
import { withoutBom } from "./json-records";
import { isJsonObject, stringField, type JsonObject } from "./json-values";
import { namesInByline } from "./names";
import { collapseSpace, splitParagraphs } from "./paragraphs";
import { creditedPhoto, splitCaptionCredit } from "./photo-credit";
import { readRecord, type RecordOutcome } from "./record-outcome";

/** schema.org types of a news story: Article and the NewsArticle family. */
const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  "Article",
  "NewsArticle",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "BackgroundNewsArticle",
  "OpinionNewsArticle",
  "ReviewNewsArticle",
  "AskPublicNewsArticle",
]);

/** An element inside a caption that holds the photo credit: a `<small>`, or any element of class "credit". */
const CREDIT_ELEMENT = /<small\b[^>]*>([\s\S]*?)<\/small\s*>|<(\w+)\b[^>]*\bclass\s*=\s*["'][^"']*\bcredit\b[^"']*["'][^>]*>([\s\S]*?)<\/\2\s*>/i;

/**
 * An HTML page (`.html`, `.htm`) that describes its story in a schema.org JSON-LD block of type
 * NewsArticle, Article or a NewsArticle subtype, found at the top level, in an array or in an
 * `@graph`. The JSON-LD gives headline, description (the summary), dates, authors, publisher, URL,
 * language and section; the body is its `articleBody`, or else the `<p>` elements of the page's
 * `<article>`. Each `<figure>` with an image or caption becomes a photo, its credit taken from a
 * `<small>` or `.credit` element of the caption or from a credit line ending the caption.
 */
export const htmlJsonLdFormat: StoryFormat = {
  name: "html-jsonld",
  detect: (fileName, head) => /\.html?$/i.test(fileName) || /^\s*<(?:!doctype\s+html|html)\b/i.test(withoutBom(head)),
  parse: (text, fileName) => [readRecord(fileName, () => readPage(text))],
};

function readPage(html: string): RecordOutcome {
  const found = findArticleJsonLd(html);
  if ("error" in found) return found;
  const article = found.article;
  const headline = plainText(article, "headline") ?? plainText(article, "name");
  if (headline === null) return { error: "the NewsArticle JSON-LD has no headline" };
  const articleHtml = elements(html, "article")[0]?.inner ?? null;
  const story: ArticleInput = {
    url: stringField(article, "url") ?? pageUrl(article.mainEntityOfPage) ?? canonicalUrl(html),
    headline,
    summary: plainText(article, "description"),
    body: articleBody(article) ?? (articleHtml === null ? [] : textParagraphs(articleHtml)),
    publishedAt: isoDate(stringField(article, "datePublished")),
    updatedAt: isoDate(stringField(article, "dateModified")),
    section: firstText(article.articleSection),
    language: languageOf(article.inLanguage) ?? htmlLanguage(html),
    publisher: organizationName(article.publisher),
    authors: authorNames(article.author),
    photos: elements(articleHtml ?? html, "figure").flatMap(figurePhoto),
  };
  return { story };
}

/** The first JSON-LD object of an article type in the page, or why there is none. */
function findArticleJsonLd(html: string): { article: JsonObject } | { error: string } {
  let invalid: string | null = null;
  for (const script of elements(html, "script")) {
    if (!/^\s*application\/ld\+json\s*$/i.test(attribute(script.attributes, "type") ?? "")) continue;
    let data: unknown;
    try {
      data = JSON.parse(script.inner);
    } catch (error) {
      invalid ??= (error as Error).message;
      continue;
    }
    const article = findArticle(data);
    if (article !== null) return { article };
  }
  if (invalid !== null) return { error: `no schema.org NewsArticle in the page's JSON-LD (a block is invalid JSON: ${invalid})` };
  return { error: "no schema.org NewsArticle JSON-LD block in the page" };
}

/** Depth-first search of JSON-LD data (objects, arrays, `@graph` lists) for a node of an article type. */
function findArticle(data: unknown): JsonObject | null {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isJsonObject(data)) return null;
  if (typeNames(data).some((type) => ARTICLE_TYPES.has(type))) return data;
  return findArticle(data["@graph"]);
}

/** A node's `@type` values without a vocabulary prefix ("schema:NewsArticle", "https://schema.org/NewsArticle"). */
function typeNames(node: JsonObject): string[] {
  const types = Array.isArray(node["@type"]) ? node["@type"] : [node["@type"]];
  return types.filter((type): type is string => typeof type === "string").map((type) => type.replace(/^.*[/:#]/, ""));
}

/** A JSON-LD text value with entities decoded: publishers often HTML-escape the strings they embed. */
function plainText(object: JsonObject, key: string): string | null {
  const value = stringField(object, key);
  if (value === null) return null;
  const text = collapseSpace(decodeHTML(value));
  return text.length > 0 ? text : null;
}

/** The paragraphs of `articleBody`, which some publishers fill with HTML and others with plain text. */
function articleBody(article: JsonObject): string[] | null {
  const body = stringField(article, "articleBody");
  if (body === null) return null;
  return /<p[\s>]/i.test(body) ? htmlParagraphs(body) : splitParagraphs(decodeHTML(body));
}

/** The `<p>` paragraphs of an `<article>` element, leaving out those of its figures and asides, which are not story text. */
function textParagraphs(articleHtml: string): string[] {
  return htmlParagraphs(articleHtml.replace(/<(figure|aside)\b[\s\S]*?<\/\1\s*>/gi, ""));
}

/** Author names from a JSON-LD `author`: strings, Person objects or a list of them; organizations are not authors. */
function authorNames(author: unknown): string[] {
  const items = Array.isArray(author) ? author : author === undefined || author === null ? [] : [author];
  return items.flatMap((item): string[] => {
    if (typeof item === "string") return namesInByline(decodeHTML(item));
    if (!isJsonObject(item) || typeNames(item).some((type) => type !== "Person")) return [];
    const name = plainText(item, "name");
    return name === null ? [] : [name];
  });
}

function organizationName(value: unknown): string | null {
  if (typeof value === "string") return collapseSpace(decodeHTML(value)) || null;
  return isJsonObject(value) ? plainText(value, "name") : null;
}

/** `mainEntityOfPage` is a URL or a WebPage node naming its URL in `@id` or `url`. */
function pageUrl(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  return isJsonObject(value) ? stringField(value, "url") ?? stringField(value, "@id") : null;
}

function canonicalUrl(html: string): string | null {
  for (const link of html.matchAll(/<link\b([^>]*)>/gi)) {
    if ((attribute(link[1], "rel") ?? "").toLowerCase().split(/\s+/).includes("canonical")) return attribute(link[1], "href");
  }
  return null;
}

/** `inLanguage` is a BCP 47 tag or a Language node carrying it as `alternateName`. */
function languageOf(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  return isJsonObject(value) ? stringField(value, "alternateName") : null;
}

function htmlLanguage(html: string): string | null {
  const tag = /<html\b([^>]*)>/i.exec(html);
  return tag === null ? null : attribute(tag[1], "lang");
}

function firstText(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? collapseSpace(decodeHTML(first)) || null : null;
}

/** The photo a `<figure>` shows, or none when it has neither image nor caption. */
function figurePhoto(figure: { inner: string }): PhotoInput[] {
  const image = /<img\b([^>]*)>/i.exec(figure.inner);
  const url = image === null ? null : attribute(image[1], "src") ?? attribute(image[1], "data-src");
  const captionHtml = elements(figure.inner, "figcaption")[0]?.inner ?? null;
  if (captionHtml === null) {
    // Without a caption the image's alt text is the best description the page gives.
    return image === null ? [] : [creditedPhoto(collapseSpace(attribute(image[1], "alt") ?? ""), null, url)];
  }
  const creditElement = CREDIT_ELEMENT.exec(captionHtml);
  if (creditElement !== null) {
    const caption = htmlToText(captionHtml.replace(creditElement[0], " "));
    return [creditedPhoto(caption, htmlToText(creditElement[1] ?? creditElement[3]) || null, url)];
  }
  const text = htmlToText(captionHtml);
  const split = splitCaptionCredit(text);
  return [split === null ? creditedPhoto(text, null, url) : creditedPhoto(split.caption, split.credit, url)];
}
