import { performance } from "node:perf_hooks";
import { openDataSource } from "../../datasource";
import { ArticleWriter } from "../article-writer";
import { readTopicTaxonomy } from "../extraction/data-files";
import { loadSeedData } from "../seed-loader";
import type { CorpusStore, StoredDatabase } from "./corpus-store";
import { SYNTHETIC_CORPUS_VERSION, syntheticStories, type SyntheticCorpusOptions } from "./synthetic-corpus";

/** A database holding a synthetic corpus, and what making it cost. */
export interface SyntheticDatabase {
  database: StoredDatabase;
  stories: number;
  /** True when the database was made by an earlier run and reused as it was. */
  cached: boolean;
  /** Time spent generating the stories, in milliseconds (when the database was made). */
  generateMs: number;
  /** Time spent storing them through the ArticleWriter, in milliseconds (when the database was made). */
  loadMs: number;
}

/** What making a synthetic database cost, kept with it in the store. */
interface MakingTimes {
  generateMs: number;
  loadMs: number;
}

/**
 * The synthetic corpus of this size and seed in `store` (an SQLite file or a PostgreSQL schema),
 * made on first use and reused afterwards (its name carries size, seed and
 * {@link SYNTHETIC_CORPUS_VERSION}). It holds the shipped data (taxonomy, registry, seed stories)
 * and the generated stories, stored one transaction each through the {@link ArticleWriter} exactly
 * as ingestion stores them, extraction aside (the stories come tagged). The store marks it complete
 * only after the last story, so an interrupted run never leaves a half-loaded corpus to be reused.
 */
export async function syntheticDatabase(
  options: SyntheticCorpusOptions,
  store: CorpusStore,
  onProgress: (stored: number) => void = () => {},
): Promise<SyntheticDatabase> {
  const name = `synthetic-${options.size}-seed${options.seed}-v${SYNTHETIC_CORPUS_VERSION}`;
  const made = await store.find<MakingTimes>(name);
  if (made) return { database: made.database, stories: options.size, cached: true, ...made.record };
  const dataSource = await openDataSource((await store.begin(name)).config);
  const times: MakingTimes = { generateMs: 0, loadMs: 0 };
  try {
    await loadSeedData(dataSource);
    const topics = readTopicTaxonomy().map((topic) => topic.slug);
    const writer = new ArticleWriter(dataSource);
    const stories = syntheticStories(options, topics);
    for (let stored = 0; ; stored++) {
      let started = performance.now();
      const next = stories.next();
      times.generateMs += performance.now() - started;
      if (next.done) break;
      started = performance.now();
      await writer.write(next.value);
      times.loadMs += performance.now() - started;
      if ((stored + 1) % 1000 === 0) onProgress(stored + 1);
    }
  } finally {
    await dataSource.destroy();
  }
  return { database: await store.complete(name, times), stories: options.size, cached: false, ...times };
}
