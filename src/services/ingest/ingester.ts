import fs from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";
import { ArticleWriter, type WriteResult } from "../article-writer";
import { DomainError } from "../errors";
import { detectFormat } from "./formats";
import { knownEntities } from "./known-entities";
import { StoryEnricher } from "./story-enricher";

/** What happened to one record. */
export type RecordOutcome = WriteResult["outcome"] | "failed";

/** Reported after each record, for progress displays. */
export interface RecordEvent {
  file: string;
  location: string;
  outcome: RecordOutcome;
  /** Why the record failed. */
  reason?: string;
  /** Records done so far in this run, and in all. */
  done: number;
  total: number;
}

/** What a run did. */
export interface IngestSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: Array<{ location: string; reason: string }>;
  /** Files skipped while walking a directory because no format reads them. */
  skipped: string[];
}

/** Options of {@link Ingester.ingest}. */
export interface IngestOptions {
  /** Stop at the first failed record instead of reporting it and going on. */
  strict?: boolean;
  onRecord?: (event: RecordEvent) => void;
}

/** A record that fails under `--strict`, ending the run. */
export class StrictModeError extends Error {}

/**
 * Reads story files of any supported format, completes each story by extraction and writes it.
 * Each story is written in its own transaction: a bad record is reported with its location and
 * reason, and the others go on (or, in strict mode, the run stops there with the earlier stories
 * kept). The command line and any other caller use this same path.
 */
export class Ingester {
  constructor(private readonly dataSource: DataSource) {}

  async ingest(inputs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
    const summary: IngestSummary = { created: 0, updated: 0, unchanged: 0, failed: 0, failures: [], skipped: [] };
    const files = inputs.flatMap((input) => listFiles(input));
    const writer = new ArticleWriter(this.dataSource);
    let done = 0;
    let total = 0;
    const report = (file: string, location: string, outcome: RecordOutcome, reason?: string) => {
      done++;
      if (outcome === "failed") {
        summary.failed++;
        summary.failures.push({ location, reason: reason! });
      } else {
        summary[outcome]++;
      }
      options.onRecord?.({ file, location, outcome, reason, done, total });
      if (outcome === "failed" && options.strict) throw new StrictModeError(`${location}: ${reason}`);
    };

    // Every file is read and parsed first (a small share of the work), so progress knows the total.
    const batches = files.map(({ file, explicit }) => {
      const text = fs.readFileSync(file, "utf8");
      const format = detectFormat(path.basename(file), text.slice(0, 4096));
      return { file, explicit, records: format ? [...format.parse(text, file)] : null };
    });
    total = batches.reduce((sum, batch) => sum + (batch.records?.length ?? (batch.explicit ? 1 : 0)), 0);

    for (const { file, explicit, records } of batches) {
      if (!records) {
        if (explicit) report(file, file, "failed", "unknown format: not a raw page, article JSON/JSON Lines, HTML with NewsArticle JSON-LD, ninjs, Wikinews CSV, re3d or HuffPost file");
        else summary.skipped.push(file);
        continue;
      }
      // Entities written by earlier files link by name from here on.
      const enricher = new StoryEnricher(await knownEntities(this.dataSource.manager));
      for (const record of records) {
        if ("error" in record) {
          report(file, record.location, "failed", record.error);
          continue;
        }
        try {
          const result = await writer.write(record.story, { enrich: (story) => enricher.enrich(story) });
          report(file, record.location, result.outcome);
        } catch (error) {
          if (error instanceof StrictModeError || !(error instanceof DomainError || isDataError(error))) throw error;
          report(file, record.location, "failed", error.message);
        }
      }
    }
    return summary;
  }
}

/**
 * The files to read: a file as given, or every file under a directory in name order. Hidden files
 * are left out; `explicit` tells which were named by the caller (an unknown format is then an
 * error rather than a skip).
 */
function listFiles(input: string): Array<{ file: string; explicit: boolean }> {
  const stat = fs.statSync(input);
  if (!stat.isDirectory()) return [{ file: input, explicit: true }];
  return fs
    .readdirSync(input, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const child = path.join(input, entry.name);
      return entry.isDirectory() ? listFiles(child) : [{ file: child, explicit: false }];
    });
}

/** Database refusals caused by a record's data (a value too long, a constraint), not by the service. */
function isDataError(error: unknown): error is Error {
  return error instanceof Error && /SQLITE_CONSTRAINT|SQLITE_TOOBIG|value too long|violates/.test(error.message);
}
