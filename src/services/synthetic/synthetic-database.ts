import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDataSource } from "../../datasource";
import { ArticleWriter } from "../article-writer";
import { DATA_DIR } from "../extraction/data-files";
import { loadSeedData } from "../seed-loader";
import { SYNTHETIC_CORPUS_VERSION, syntheticStories, type SyntheticCorpusOptions } from "./synthetic-corpus";

/** A database file holding a synthetic corpus, and what making it cost. */
export interface SyntheticDatabase {
  file: string;
  stories: number;
  /** True when the file was made by an earlier run and reused as it was. */
  cached: boolean;
  /** Time spent generating the stories, in milliseconds (when the file was made). */
  generateMs: number;
  /** Time spent storing them through the ArticleWriter, in milliseconds (when the file was made). */
  loadMs: number;
}

/**
 * The SQLite file of the synthetic corpus of this size and seed under `dir`, made on first use and
 * reused afterwards (its name carries size, seed and {@link SYNTHETIC_CORPUS_VERSION}). It holds the
 * shipped data (taxonomy, registry, seed stories) and the generated stories, stored one transaction
 * each through the {@link ArticleWriter} exactly as ingestion stores them, extraction aside (the
 * stories come tagged). The file is written under a temporary name and renamed when complete, so
 * an interrupted run never leaves a half-loaded corpus to be reused.
 */
export async function syntheticDatabase(
  options: SyntheticCorpusOptions,
  dir: string,
  onProgress: (stored: number) => void = () => {},
): Promise<SyntheticDatabase> {
  const file = path.join(dir, `synthetic-${options.size}-seed${options.seed}-v${SYNTHETIC_CORPUS_VERSION}.sqlite`);
  const timesFile = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(timesFile)) {
    const times = JSON.parse(fs.readFileSync(timesFile, "utf8")) as { generateMs: number; loadMs: number };
    return { file, stories: options.size, cached: true, ...times };
  }
  const partial = `${file}.partial`;
  for (const stale of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(stale, { force: true });
  const dataSource = await openDataSource({ kind: "sqlite", file: partial });
  let generateMs = 0;
  let loadMs = 0;
  try {
    await loadSeedData(dataSource);
    const topics = (JSON.parse(fs.readFileSync(path.join(DATA_DIR, "topics.json"), "utf8")) as Array<{ slug: string }>).map((topic) => topic.slug);
    const writer = new ArticleWriter(dataSource);
    const stories = syntheticStories(options, topics);
    for (let stored = 0; ; stored++) {
      let started = performance.now();
      const next = stories.next();
      generateMs += performance.now() - started;
      if (next.done) break;
      started = performance.now();
      await writer.write(next.value);
      loadMs += performance.now() - started;
      if ((stored + 1) % 1000 === 0) onProgress(stored + 1);
    }
  } finally {
    await dataSource.destroy();
  }
  fs.renameSync(partial, file);
  fs.writeFileSync(timesFile, JSON.stringify({ generateMs, loadMs }));
  return { file, stories: options.size, cached: false, generateMs, loadMs };
}
