import type { ArticleInput, PhotoInput, RelatedLinkInput } from "../../article-input";
import type { StoryFormat } from "../story-format";
import { namesInByline } from "./names";
import { splitParagraphs } from "./paragraphs";
import { creditedPhoto, splitCaptionCredit } from "./photo-credit";
import { readRecord, type RecordOutcome } from "./record-outcome";

/**
 * Paragraphs that news sites print around every story and that are never part of one: skip
 * links, reading times ("1 min"), bullet lists (cookie choices, menus), cookie notices,
 * newsletter prompts, advertising slots and banners ("Mena banner 4").
 */
const BOILERPLATE: readonly RegExp[] = [
  /^skip to\b/i,
  /^\d+\s*min(?:ute)?s?(?:\s+read)?$/i,
  /^[•·▪◦●*–-]\s/,
  /\bwe use cookies\b|\bcookie (?:policy|settings|preferences)\b|\baccept (?:all )?cookies\b/i,
  /^(?:subscribe|sign up)\b.{0,60}\bnewsletters?\b/i,
  /^[\p{L}\d ]{0,40}\bbanner(?:\s+\d+)?$/iu,
  /^(?:advertisement|sponsored|share(?: this (?:article|story))?|print)$/i,
];

const MAX_BYLINE_WORDS = 12;

/** Lower-case words that bylines hold besides capitalized names ("By Ana Ruiz and Ben de Vries"). */
const BYLINE_CONNECTORS: ReadonlySet<string> = new Set(["and", "&", "de", "van", "von", "der", "den", "da", "di", "du", "dos", "la", "le", "al", "bin", "ibn"]);

/** Headings that open the publisher's list of related stories under the article. */
const RELATED_HEADING = /^(?:related(?: (?:articles|stories|coverage|content))?|read more|more on this(?: story)?)$/i;

/** Related headlines and their kicker labels are short; longer paragraphs are teasers. */
const MAX_LABEL_WORDS = 3;
const MAX_RELATED_HEADLINE_WORDS = 25;

/**
 * A scraped web page as plain text (`.txt`), one paragraph per block: the site's boilerplate is
 * dropped, the first paragraph left is the headline, a lead printed twice (once as the dek, once
 * atop the body) becomes the summary, caption paragraphs ending in a credit line become photos,
 * the "By ..." paragraph gives byline and authors, and a "Related" block after it gives the
 * editorial related links. The page has no publisher, date or dateline, so none is set.
 */
export const rawPageFormat: StoryFormat = {
  name: "raw-page",
  detect: (fileName) => /\.txt$/i.test(fileName),
  parse: (text, fileName) => [readRecord(fileName, () => readPage(text))],
};

function readPage(text: string): RecordOutcome {
  const paragraphs = splitParagraphs(text).filter((paragraph) => !BOILERPLATE.some((pattern) => pattern.test(paragraph)));
  if (paragraphs.length === 0) return { error: "no text left once the site boilerplate is removed" };
  const [headline, ...rest] = paragraphs;
  const bylineAt = rest.findIndex(isByline);
  const relatedAt = rest.findIndex((paragraph) => RELATED_HEADING.test(paragraph));
  const storyEnd = [bylineAt, relatedAt].filter((index) => index >= 0).reduce((a, b) => Math.min(a, b), rest.length);

  const photos: PhotoInput[] = [];
  const prose: string[] = [];
  for (const paragraph of rest.slice(0, storyEnd)) {
    const captioned = splitCaptionCredit(paragraph);
    if (captioned === null) prose.push(paragraph);
    else photos.push(creditedPhoto(captioned.caption, captioned.credit));
  }
  // Sites print the lead as a dek under the headline and again atop the body; printed twice, it is the summary.
  const repeatedLead = prose.length > 1 && prose.indexOf(prose[0], 1) > 0 ? prose[0] : null;
  const body = repeatedLead === null ? prose : prose.slice(1).filter((paragraph) => paragraph !== repeatedLead);
  const byline = bylineAt >= 0 ? rest[bylineAt] : null;

  const story: ArticleInput = {
    headline,
    summary: repeatedLead,
    body,
    byline,
    authors: byline === null ? [] : namesInByline(byline),
    photos,
    related: relatedAt >= 0 ? relatedLinks(rest.slice(relatedAt + 1)) : [],
  };
  return { story };
}

/**
 * True for a "By ..." paragraph of names: short, and every word after "By" capitalized or a
 * connector, so that a sentence opening "By then, the rebels ..." is not taken for a byline.
 */
function isByline(paragraph: string): boolean {
  const [by, ...words] = paragraph.split(/\s+/);
  if (!/^by$/i.test(by) || words.length === 0 || words.length >= MAX_BYLINE_WORDS) return false;
  return words.every((word) => /^\p{Lu}/u.test(word) || /^al-/.test(word) || BYLINE_CONNECTORS.has(word.toLowerCase()));
}

/**
 * Reads the items of a related block: each is an optional kicker label ("Syria"), a headline,
 * and an optional teaser. A teaser is told from a headline by ending like a sentence or being
 * long; a label is a short line followed by a headline.
 */
function relatedLinks(block: string[]): RelatedLinkInput[] {
  const links: RelatedLinkInput[] = [];
  for (let index = 0; index < block.length; index++) {
    const paragraph = block[index];
    if (isTeaser(paragraph)) continue;
    const next = block[index + 1];
    if (next !== undefined && wordCount(paragraph) <= MAX_LABEL_WORDS && !isTeaser(next)) {
      links.push({ headline: next, label: paragraph });
      index++;
    } else links.push({ headline: paragraph, label: null });
  }
  return links;
}

function isTeaser(paragraph: string): boolean {
  return /[.!]["”’]?$/.test(paragraph) || wordCount(paragraph) > MAX_RELATED_HEADLINE_WORDS;
}

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}
