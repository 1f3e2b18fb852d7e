import type { ArticleInput } from "../article-input";

/** One record read from a source file: a story, or why the record could not become one. */
export type ParsedRecord =
  | { /** Where the record is: "file:line" or "file#record". */ location: string; story: ArticleInput }
  | { location: string; error: string };

/** A file format that stories arrive in. */
export interface StoryFormat {
  /** Short name shown in reports ("wikinews-csv", "ninjs"). */
  readonly name: string;
  /**
   * True when this format reads the file, judged from its name and its first few kilobytes.
   * Formats are asked in a fixed order and the first that answers true reads the file.
   */
  detect(fileName: string, head: string): boolean;
  /** The records of the file, in file order. A malformed record yields an error, not an exception. */
  parse(text: string, fileName: string): Iterable<ParsedRecord>;
}
