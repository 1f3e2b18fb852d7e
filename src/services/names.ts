/**
 * Makes the URL slug of a headline: lower case, ASCII letters and digits only, words joined by
 * `-`. Accents are folded ("Café" → "cafe") and apostrophes join rather than split a word
 * ("Syria's" → "syrias").
 */
export function slugify(headline: string): string {
  return foldToAscii(headline)
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
  return foldToAscii(name)
    .toLowerCase()
    .replace(/[.'’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "");
}

function foldToAscii(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}
