import { decodeHTML, decodeHTMLAttribute } from "entities";
import { collapseSpace } from "./paragraphs";

/** One element found in HTML: its attribute text and its inner HTML. */
export interface HtmlElement {
  attributes: string;
  inner: string;
}

/**
 * The elements `<tag ...>...</tag>` of an HTML text, in document order. Matching is by the
 * nearest closing tag, which is exact for the elements read here (`p`, `figure`, `figcaption`,
 * `script`, `article`) since pages do not nest them in themselves.
 */
export function elements(html: string, tag: string): HtmlElement[] {
  const pattern = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}\\s*>`, "gi");
  return Array.from(html.matchAll(pattern), (match) => ({ attributes: match[1], inner: match[2] }));
}

/** The decoded value of attribute `name` in an element's attribute text, or null when absent. */
export function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, "i").exec(attributes);
  if (match === null) return null;
  return decodeHTMLAttribute(match[1] ?? match[2] ?? match[3]);
}

/**
 * The text an HTML fragment shows: scripts, styles and comments dropped, `<br>` read as a space,
 * other tags removed, entities decoded and white space collapsed.
 */
export function htmlToText(html: string): string {
  const withoutTags = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "");
  return collapseSpace(decodeHTML(withoutTags));
}

/** The text of each non-empty `<p>` of an HTML fragment, in order. */
export function htmlParagraphs(html: string): string[] {
  return elements(html, "p")
    .map((paragraph) => htmlToText(paragraph.inner))
    .filter((text) => text.length > 0);
}
