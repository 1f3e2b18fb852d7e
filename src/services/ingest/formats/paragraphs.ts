/**
 * Splits plain text into paragraphs. Blank lines separate paragraphs; when a text has no blank
 * line at all, each line is a paragraph, because sources that never leave a blank line (many
 * JSON-LD `articleBody` values) put one paragraph per line. Line breaks inside a paragraph become
 * spaces, runs of white space collapse, and empty paragraphs are dropped.
 */
export function splitParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, "\n");
  const separator = /\n[ \t\u00a0]*\n/.test(normalized) ? /\n[ \t\u00a0]*\n\s*/ : /\n/;
  const paragraphs: string[] = [];
  for (const part of normalized.split(separator)) {
    const paragraph = collapseSpace(part);
    if (paragraph.length > 0) paragraphs.push(paragraph);
  }
  return paragraphs;
}

/** Collapses every run of white space (line breaks and no-break spaces included) to one space and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
