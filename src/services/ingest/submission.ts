import type { DataSource } from "typeorm";
import type { ArticleInput } from "../article-input";
import { ArticleWriter, type WriteResult } from "../article-writer";
import { DomainError, InvalidInputError } from "../errors";
import { STORY_FORMATS } from "./formats";
import { knownEntities } from "./known-entities";
import { StoryEnricher } from "./story-enricher";

/** A source document as a client sends it: its text and the name of the format it is in. */
export interface SubmittedDocument {
  /** One of {@link STORY_FORMATS}' names ("raw-page", "ninjs", "article-json"...). */
  format: string;
  content: string;
  /** Shown in failure locations; also what formats that look at names see. */
  fileName?: string | null;
}

/** What submitting stories did: each story written, and each record that could not be. */
export interface SubmissionResult {
  written: WriteResult[];
  failures: Array<{ location: string; reason: string }>;
}

/**
 * Ingests stories sent over the API through the same steps as `npm run ingest`: the format's
 * reader, extraction by {@link StoryEnricher} against the entities the graph holds, and the
 * {@link ArticleWriter}, each story in its own transaction. A structured story that fails is an
 * error naming its field under `article`; a document's failed records are reported beside those
 * written, and a document of which nothing could be written is an error.
 */
export class Submission {
  constructor(private readonly dataSource: DataSource) {}

  async story(story: ArticleInput): Promise<WriteResult> {
    const enricher = new StoryEnricher(await knownEntities(this.dataSource.manager));
    try {
      return await new ArticleWriter(this.dataSource).write(story, { enrich: (arrived) => enricher.enrich(arrived) });
    } catch (error) {
      if (error instanceof InvalidInputError) throw new InvalidInputError(error.message, error.field ? `article.${error.field}` : "article");
      throw error;
    }
  }

  async document(document: SubmittedDocument): Promise<SubmissionResult> {
    const format = STORY_FORMATS.find((candidate) => candidate.name === document.format);
    if (!format) {
      throw new InvalidInputError(`unknown format "${document.format}"; use one of ${STORY_FORMATS.map((known) => known.name).join(", ")}`, "document.format");
    }
    if (document.content.trim().length === 0) throw new InvalidInputError("the document is empty", "document.content");
    const records = [...format.parse(document.content, document.fileName ?? `document.${format.name}`)];
    const writer = new ArticleWriter(this.dataSource);
    const enricher = new StoryEnricher(await knownEntities(this.dataSource.manager));
    const result: SubmissionResult = { written: [], failures: [] };
    for (const record of records) {
      if ("error" in record) {
        result.failures.push({ location: record.location, reason: record.error });
        continue;
      }
      try {
        result.written.push(await writer.write(record.story, { enrich: (story) => enricher.enrich(story) }));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.failures.push({ location: record.location, reason: error.message });
      }
    }
    if (result.written.length === 0) {
      const first = result.failures[0];
      throw new InvalidInputError(first ? `no story could be read: ${first.location}: ${first.reason}` : "the document holds no story", "document.content");
    }
    return result;
  }
}
