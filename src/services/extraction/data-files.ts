import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../project-root";
import type { EntityRecord } from "../entity-registry";

/** The directory of the data the project ships: taxonomy, entity registry, seed stories. */
export const DATA_DIR = path.join(projectRoot(), "data");

/** Path of a file in the project's `data/` folder, the same from `src/` and from `dist/src/`. */
export function dataFile(name: string): string {
  return path.join(DATA_DIR, name);
}

/** A topic of the taxonomy in `data/topics.json`. */
export type TopicRecord = Omit<Extract<EntityRecord, { type: "Topic" }>, "type">;

/**
 * The topic taxonomy in `topics.json` of `dataDir`, in the file's order, which the seed loader
 * stores in and the synthetic corpus draws from (a seeded draw depends on it).
 */
export function readTopicTaxonomy(dataDir = DATA_DIR): TopicRecord[] {
  return readJsonFile<TopicRecord[]>(path.join(dataDir, "topics.json"));
}

/** A JSON file's content as `T` (not checked), or an error naming the file that cannot be read or parsed. */
export function readJsonFile<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
}
