/**
 * Makes the URL slug of a headline: lower case, ASCII letters and digits only, words joined by
 * `-`. Accents are folded ("Café" → "cafe") and apostrophes join rather than split a word
 * ("Syria's" → "syrias").
 */
export function slugify(headline: string): string {
  return stripAccents(headline)
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 300)
    .replace(/-+$/, "");
}

/**
 * Folds a name for lookup, so spellings a reader takes for the same name meet: accents, case,
 * periods ("U.S." = "US"), hyphens and other punctuation ("al-Sudani" = "al Sudani"), and a
 * leading "the" ("the Pentagon" = "Pentagon").
 */
export function nameKey(name: string): string {
  let key = foldedNames.get(name);
  if (key === undefined) {
    key = foldName(name);
    if (foldedNames.size >= FOLDED_NAMES_KEPT) foldedNames.clear();
    foldedNames.set(name, key);
  }
  return key;
}

/**
 * Keys already folded, by name. Extraction folds every candidate span of every story, and the
 * same few thousand words and names recur from story to story; the bound keeps a long ingest
 * from growing the map without limit.
 */
const foldedNames = new Map<string, string>();
const FOLDED_NAMES_KEPT = 50_000;

function foldName(name: string): string {
  const folded = stripAccents(name).toLowerCase().replace(/[.'’]/g, "");
  // ASCII text, by far the most common, takes a cheaper pattern than the Unicode property
  // classes other scripts need.
  const spaced = NON_ASCII.test(folded) ? folded.replace(/[^\p{L}\p{N}]+/gu, " ") : folded.replace(/[^a-z0-9]+/g, " ");
  return spaced.trim().replace(/^the /, "");
}

/**
 * Folds a person's name further, so transliterations of one name meet: every word but the last
 * is reduced to its first letter and its consonants, doubled letters once ("Qasem", "Qassem" and
 * "Qassim" Soleimani all give "qsm soleimani"; "Mohammed" and "Muhammad" give "mhmd"). The last
 * word, the family name, must match exactly, which keeps unrelated people apart. Names of one
 * word fold to their {@link nameKey}.
 */
export function transliterationKey(name: string): string {
  const words = nameKey(name).split(" ");
  if (words.length < 2) return words.join(" ");
  const family = words.pop()!;
  const skeleton = (word: string) => (word[0] + word.slice(1).replace(/[aeiouy]/g, "")).replace(/(.)\1+/g, "$1");
  return [...words.map(skeleton), family].join(" ");
}

/** Any character outside ASCII: text without one has no accents to fold. */
const NON_ASCII = /[^\x00-\x7f]/;

function stripAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : text;
}
