import type { StoryFormat } from "../story-format";
import { isoDate } from "./dates";
import { firstLineHasKeys, jsonLines, storiesFromJson } from "./json-records";
import { isJsonObject, stringField } from "./json-values";
import { isNameSuffix, namesInByline } from "./names";
import type { RecordOutcome } from "./record-outcome";

/**
 * The HuffPost "News Category" JSON lines: `link`, `headline`, `category`, `short_description`,
 * `authors` and `date` (YYYY-MM-DD), one story per line. The records carry no body text: the
 * abstract is the whole story. It goes in `summary`, which is what it is on the site (the dek
 * under the headline), and `body` stays empty so the text is not counted twice; extraction reads
 * the summary as the lead. The category is kept as given ("WORLD NEWS") as the section.
 *
 * `authors` is written "Name, Name and Name, Affiliation", where the affiliation is a wire agency
 * ("AP", "Reuters"), a partner outlet ("Yahoo News") or a role ("Editorial Partner"). The string
 * is kept as written as the byline; a last comma-separated part that is not an "and ..." item is
 * the affiliation and is not an author, and agency or desk names are never taken for people. The
 * publisher stays HuffPost, the outlet at the link, even when the story came from a wire agency.
 */
export const huffpostJsonlFormat: StoryFormat = {
  name: "huffpost-jsonl",
  detect: (_fileName, head) => firstLineHasKeys(head, ["link", "headline", "short_description"]),
  parse: (text, fileName) => storiesFromJson(jsonLines(text, fileName), readStory),
};

function readStory(value: unknown): RecordOutcome {
  if (!isJsonObject(value)) return { error: "expected a story object" };
  const headline = stringField(value, "headline");
  if (headline === null) return { error: "missing headline" };
  const date = stringField(value, "date");
  const publishedAt = isoDate(date);
  if (date !== null && publishedAt === null) return { error: `date "${date}" is not a YYYY-MM-DD calendar date` };
  const byline = stringField(value, "authors");
  return {
    story: {
      url: stringField(value, "link"),
      headline,
      summary: stringField(value, "short_description"),
      body: [],
      publishedAt,
      section: stringField(value, "category"),
      publisher: "HuffPost",
      byline,
      authors: byline === null ? [] : namesInByline(withoutAffiliation(byline)),
    },
  };
}

/** The authors string without its trailing ", Affiliation" part, when it has one. */
function withoutAffiliation(authors: string): string {
  const lastComma = authors.lastIndexOf(",");
  if (lastComma < 0) return authors;
  const last = authors.slice(lastComma + 1);
  if (/^\s*and\s/i.test(last) || isNameSuffix(last)) return authors;
  return authors.slice(0, lastComma);
}
