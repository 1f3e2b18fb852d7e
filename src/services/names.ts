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
  return stripAccents(name)
    .toLowerCase()
    .replace(/[.'’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
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

function stripAccents(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}
