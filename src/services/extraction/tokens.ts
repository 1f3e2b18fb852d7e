import { isAbbreviation, splitSentences } from "./sentences";

/** One word of a story, with its offsets and what is known about its place in the sentence. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter and is no hyphenated adjective or contraction. */
  capitalised: boolean;
  /**
   * Capitalised for grammar rather than as a name: the first word of a sentence or of a
   * quotation, or any word of a headline set in title case.
   */
  initial: boolean;
  /** Followed by a possessive "'s" or "'" (not part of {@link text}). */
  possessive: boolean;
}

// Dotted acronyms ("U.S."), then words with inner hyphens, apostrophes or ampersands
// ("al-Sudani", "Shi'ite", "AT&T"), then numbers with an optional ordinal suffix.
const WORD = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’&]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:st|nd|rd|th)?/gu;

/**
 * Splits a story into word tokens. A period stays on a word when it closes an abbreviation or an
 * initial ("Gen.", "R."), so names keep their form. `headlineEnd` marks the headline, whose words
 * all count as {@link Token.initial} when it is set in title case.
 */
export function tokenize(text: string, headlineEnd = 0): Token[] {
  const sentenceStarts = new Set(splitSentences(text).map((span) => span.start));
  const titleCaseHeadline = headlineEnd > 0 && isTitleCase(text.slice(0, headlineEnd));
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    const start = match.index;
    let possessive = false;
    const ownerOf = /['’]s$/.exec(word);
    if (ownerOf) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (/['’]/.test(text[start + word.length] ?? "") && !/\p{L}/u.test(text[start + word.length + 1] ?? "")) {
      possessive = word.endsWith("s");
    }
    if (text[start + word.length] === "." && !possessive && (/^\p{Lu}$/u.test(word) || isAbbreviation(word))) word += ".";
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      // "Iran-aligned" and "ISIL-held" describe, and "We've" is a pronoun: none of them names.
      capitalised: /^\p{Lu}/u.test(word) && !/-\p{Ll}+$/u.test(word) && !/['’](?:ve|re|m|ll|d|t)$/i.test(word),
      initial: (titleCaseHeadline && start < headlineEnd) || startsClause(text, start, sentenceStarts),
      possessive,
    });
  }
  return tokens;
}

/** The word begins a sentence, a paragraph, a list item, a quotation or parenthesis, or a clause after a colon. */
function startsClause(text: string, start: number, sentenceStarts: ReadonlySet<number>): boolean {
  if (sentenceStarts.has(start)) return true;
  let i = start - 1;
  if (/["“‘(\[]/.test(text[i] ?? "")) return true;
  // A straight single quote opens a quotation after a space ("stuff like, 'Can you"), not inside a word.
  if (text[i] === "'" && /^\s?$/.test(text[i - 1] ?? "")) return true;
  while (i >= 0 && /[ \t]/.test(text[i])) i--;
  return i < 0 || /[\n:;•·*]/.test(text[i]);
}

/** A headline in title case capitalises most of its longer words ("Blinken Makes Unannounced Visit"). */
function isTitleCase(headline: string): boolean {
  const words = headline.match(/\p{L}{4,}/gu) ?? [];
  return words.length >= 3 && words.filter((word) => /^\p{Lu}/u.test(word)).length / words.length > 0.6;
}
