import type { PhotoInput } from "../../article-input";
import { parseCreditLine } from "../../extraction/credit-line";

/**
 * A credit written the way agencies print it after a caption: short name-like parts joined by "/"
 * ("BRYAN R. SMITH/Pool via Reuters/File Photo"), an agency in parentheses ("(Reuters)"), or a
 * "Photo:", "Credit:" or "©" notice. Digits and commas are not allowed in the slash form, so a
 * caption sentence with a date ("September 23, 2024.") is never taken for part of the credit.
 */
const CREDIT = /^(?:[\p{L}][\p{L}.'’ -]*(?:\s*\/\s*[\p{L}][\p{L}.'’ -]*)+|\([\p{L}][\p{L}.'’ /-]*\)|(?:photo|credit|image)s?\s*:.+|©.+)$/iu;

/** The most words one part of a slash credit may have; longer parts are caption prose. */
const MAX_CREDIT_PART_WORDS = 5;

/**
 * Splits a caption paragraph into the caption and its trailing credit line: "... September 23,
 * 2024. BRYAN R. SMITH/Pool via Reuters/File Photo" gives the sentence (with its full stop) and
 * "BRYAN R. SMITH/Pool via Reuters/File Photo". The credit starts after a sentence end; the
 * longest tail that reads as a credit wins, so initials ("R.") inside it stay part of it. Returns
 * null when the text does not end in a credit.
 */
export function splitCaptionCredit(text: string): { caption: string; credit: string } | null {
  const sentenceEnd = /[.!?)"”]\s+/g;
  for (let match = sentenceEnd.exec(text); match !== null; match = sentenceEnd.exec(text)) {
    const credit = text.slice(match.index + match[0].length).trim();
    if (isCredit(credit)) return { caption: text.slice(0, match.index + 1).trim(), credit };
  }
  return null;
}

/** True when the whole text reads as a photo credit line. */
export function isCredit(text: string): boolean {
  if (!CREDIT.test(text)) return false;
  return text.split("/").every((part) => part.trim().split(/\s+/).length <= MAX_CREDIT_PART_WORDS);
}

/**
 * A photo with its credit line parsed into photographer, agency, pool and file-photo flags by
 * the shared credit-line parser; without a credit only the caption and URL are set.
 */
export function creditedPhoto(caption: string, credit: string | null, url: string | null = null): PhotoInput {
  if (credit === null) return { url, caption, credit: null };
  const parsed = parseCreditLine(credit);
  return {
    url,
    caption,
    credit,
    photographer: parsed.photographer,
    agency: parsed.agency,
    isPool: parsed.isPool,
    isFilePhoto: parsed.isFilePhoto,
  };
}
