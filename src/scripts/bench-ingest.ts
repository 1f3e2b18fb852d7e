import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { corporaDir } from "../corpora-dir";
import { openDataSource } from "../datasource";
import type { ArticleInput } from "../services/article-input";
import { ArticleWriter } from "../services/article-writer";
import { huffpostJsonlFormat } from "../services/ingest/formats/huffpost-jsonl";
import { wikinewsCsvFormat } from "../services/ingest/formats/wikinews-csv";
import type { StoryFormat } from "../services/ingest/story-format";
import { knownEntities } from "../services/ingest/known-entities";
import { StoryEnricher } from "../services/ingest/story-enricher";
import { loadSeedData } from "../services/seed-loader";
import { runSql } from "../services/sql";

/** HuffPost records put through the whole pipeline before anything is timed. */
const WARM_UP_STORIES = 1_000;

/**
 * `npm run bench:ingest`: stories per second on the Wikinews corpus, on one core, for extraction
 * and storage apart and for the whole pipeline, beside a baseline measured in the same run: the
 * same stories inserted as bare article rows, one transaction each, with no extraction and no
 * edges. The ratio to the baseline is the figure to compare across machines.
 *
 * An ingest of a newsroom's archive runs for minutes, so what counts is the steady pace, not the
 * first second of a process: {@link WARM_UP_STORIES} HuffPost records go through extraction and
 * storage first (into a database of their own, so the timed runs start from the shipped data
 * alone), which compiles the hot code without showing it the Wikinews stories.
 */
async function main(): Promise<void> {
  const stories = readStories(wikinewsCsvFormat, path.join(corporaDir(), "wikinews"), ".csv");
  const warmUp = readStories(huffpostJsonlFormat, path.join(corporaDir(), "huffpost"), ".jsonl").slice(0, WARM_UP_STORIES);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  try {
    await measure(scratch, "warm-up", async (dataSource) => {
      const enricher = new StoryEnricher(await knownEntities(dataSource.manager));
      const writer = new ArticleWriter(dataSource);
      for (const story of warmUp) await writer.write(enricher.enrich(story));
      return 0;
    });
    const baseline = await measure(scratch, "baseline", async (dataSource) => {
      const started = performance.now();
      for (const [index, story] of stories.entries()) {
        await dataSource.transaction((manager) =>
          runSql(
            manager,
            `INSERT INTO article ("identityKey", "contentHash", slug, headline, summary, body, "wordCount") VALUES (:key, :key, :key, :headline, :summary, :body, 0)`,
            { key: `bench-${index}`, headline: story.headline, summary: story.summary ?? null, body: story.body.join("\n\n") },
          ),
        );
      }
      return performance.now() - started;
    });

    let enriched: ArticleInput[] = [];
    const extraction = await measure(scratch, "extraction", async (dataSource) => {
      const enricher = new StoryEnricher(await knownEntities(dataSource.manager));
      const started = performance.now();
      enriched = stories.map((story) => enricher.enrich(story));
      return performance.now() - started;
    });

    const storage = await measure(scratch, "storage", async (dataSource) => {
      const writer = new ArticleWriter(dataSource);
      const started = performance.now();
      for (const story of enriched) await writer.write(story);
      return performance.now() - started;
    });

    const rate = (ms: number) => stories.length / (ms / 1000);
    const pipeline = extraction + storage;
    const rows = [
      ["baseline: bare article rows", baseline],
      ["extraction", extraction],
      ["storage (entities, mentions, topics, photos)", storage],
      ["whole pipeline (extraction + storage)", pipeline],
    ] as const;
    process.stdout.write(`Wikinews: ${stories.length} stories, one core, SQLite file with WAL, after ${warmUp.length} HuffPost stories of warm-up\n\n`);
    process.stdout.write(`| step | ms | stories/s | time vs baseline |\n|---|---:|---:|---:|\n`);
    for (const [name, ms] of rows) {
      process.stdout.write(`| ${name} | ${ms.toFixed(0)} | ${rate(ms).toFixed(0)} | ${(ms / baseline).toFixed(1)}x |\n`);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every story the files of `dir` ending in `extension` hold, in file order. */
function readStories(format: StoryFormat, dir: string, extension: string): ArticleInput[] {
  const stories: ArticleInput[] = [];
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(extension)).sort()) {
    for (const record of format.parse(fs.readFileSync(path.join(dir, file), "utf8"), file)) {
      if ("story" in record) stories.push(record.story);
    }
  }
  return stories;
}

/** Runs one timed step against a fresh database with the shipped data loaded. */
async function measure(scratch: string, name: string, step: (dataSource: Awaited<ReturnType<typeof openDataSource>>) => Promise<number>): Promise<number> {
  const dataSource = await openDataSource({ kind: "sqlite", file: path.join(scratch, `${name}.sqlite`) });
  try {
    await loadSeedData(dataSource);
    return await step(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
