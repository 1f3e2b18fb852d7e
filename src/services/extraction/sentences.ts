/** A span of text given by character offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Words that end in a period without ending a sentence. News copy is full of them ("U.S.",
 * "Oct. 7", "Gen. Votel"), and a split after each would cut evidence sentences in half.
 */
const ABBREVIATIONS = new Set(
  [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr",
    "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "Brig", "Spc", "Pvt", "Cpl", "St", "Mt", "Ft", "Jr", "Sr", "Inc", "Corp", "Ltd",
    "Co", "No", "vs", "etc", "approx", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
  ].map((word) => word.toLowerCase()),
);

/** True for a word that takes a period without ending a sentence ("Gen", "Oct", "Inc"). */
export function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits text into sentences. A blank line always ends one (headlines and captions carry no final
 * period). Within a paragraph a sentence ends at `.`, `!` or `?` (and any closing quote) followed
 * by white space and an upper-case letter, digit or opening quote, unless the period closes an
 * abbreviation, an initial ("R.") or a dotted acronym ("U.S.") that is followed by a name.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?]["'”’)]*(?=\s+["'“‘(]?[A-Z0-9])|\n\s*\n/g;
  let start = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (text[match.index] === "." && closesAbbreviation(text, match.index)) continue;
    const end = match.index + match[0].length;
    pushTrimmed(text, spans, start, end);
    start = end;
  }
  pushTrimmed(text, spans, start, text.length);
  return spans;
}

function closesAbbreviation(text: string, periodIndex: number): boolean {
  const word = /[^\s"'“‘(]*$/.exec(text.slice(Math.max(0, periodIndex - 40), periodIndex))![0];
  if (isAbbreviation(word)) return true;
  // Single initials ("Bryan R. Smith") and dotted acronyms ("U.S.", "U.N.") rarely end a
  // sentence when a capitalised word follows; a digit after "U.S." ("U.S. 2024") still splits.
  if (/^[A-Z]$/.test(word) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) {
    return /^\s+["'“‘(]?[A-Z]/.test(text.slice(periodIndex + 1));
  }
  return false;
}

function pushTrimmed(text: string, spans: Span[], start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ start, end });
}
