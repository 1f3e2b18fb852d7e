import type { StoryFormat } from "../story-format";
import { articleJsonFormat } from "./article-json";
import { htmlJsonLdFormat } from "./html-jsonld";
import { huffpostJsonlFormat } from "./huffpost-jsonl";
import { ninjsFormat } from "./ninjs";
import { rawPageFormat } from "./raw-page";
import { re3dDocumentsFormat } from "./re3d-documents";
import { wikinewsCsvFormat } from "./wikinews-csv";

/**
 * Every format stories are read from, in the order they are asked to detect a file. Formats
 * recognized by a signature in the content (a CSV header, the keys of a JSON line, ninjs fields)
 * come before those recognized by extension, because `.json` alone says nothing about which JSON:
 * re3d's `documents.json` is JSON Lines and a ninjs item is a `.json` too. The project's own
 * article schema comes last and takes the JSON files nothing else recognized.
 */
export const STORY_FORMATS: readonly StoryFormat[] = [
  wikinewsCsvFormat,
  huffpostJsonlFormat,
  re3dDocumentsFormat,
  ninjsFormat,
  htmlJsonLdFormat,
  rawPageFormat,
  articleJsonFormat,
];

/**
 * The format that reads a file, judged from its name and its first few kilobytes (`head`), or
 * null when no format does; the caller then reports the file as of unknown format.
 */
export function detectFormat(fileName: string, head: string): StoryFormat | null {
  return STORY_FORMATS.find((format) => format.detect(fileName, head)) ?? null;
}
