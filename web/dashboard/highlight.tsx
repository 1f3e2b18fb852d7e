/**
 * Search highlights as React elements. The API sends snippets HTML-escaped with matched terms in
 * `<mark>...</mark>`; rather than trusting that and setting innerHTML, only those two tags become
 * elements and everything else is decoded to plain text, so no markup in a story can reach the page.
 */
import { Fragment, type ReactNode } from "react";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the character references an HTML-escaped string can hold; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Renders highlighted text: `<mark>` pairs as `<mark>` elements, the rest as text. */
export function Highlighted({ html }: { html: string }): ReactNode {
  const parts: ReactNode[] = [];
  let marked = false;
  html.split(/(<mark>|<\/mark>)/).forEach((part, index) => {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) parts.push(marked ? <mark key={index}>{decodeEntities(part)}</mark> : <Fragment key={index}>{decodeEntities(part)}</Fragment>);
  });
  return <>{parts}</>;
}
