import fs from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";
import type { OrganizationKind } from "../entities/organization-kind";
import type { PlaceKind } from "../entities/place-kind";
import type { ArticleInput } from "./article-input";
import { ArticleWriter, type WriteResult } from "./article-writer";
import { EntityRegistry, type EntityRecord, type UpsertOutcome } from "./entity-registry";
import { DATA_DIR, readJsonFile, readTopicTaxonomy } from "./extraction/data-files";

/** The shape of `data/entities.json`. */
interface EntitiesFile {
  people: Array<Omit<Extract<EntityRecord, { type: "Person" }>, "type">>;
  organizations: Array<Omit<Extract<EntityRecord, { type: "Organization" }>, "type"> & { kind: OrganizationKind }>;
  places: Array<Omit<Extract<EntityRecord, { type: "Place" }>, "type"> & { kind: PlaceKind }>;
}

/** Counts of what a load did, by outcome. */
export type LoadSummary = Record<UpsertOutcome, number>;


/**
 * Loads the shipped data into the graph: the topic taxonomy, then the entity registry, then the
 * stories in `articles/`. Every step is an upsert, so loading into a database that already has
 * the data changes nothing, and loading a newer version of the data updates it in place.
 */
export async function loadSeedData(dataSource: DataSource, dataDir = DATA_DIR): Promise<{ entities: LoadSummary; articles: LoadSummary }> {
  const topics = readTopicTaxonomy(dataDir);
  const records: EntityRecord[] = [...topics.map((topic) => ({ ...topic, type: "Topic" as const })), ...readEntityRecords(dataDir)];
  const entities = emptySummary();
  await dataSource.transaction(async (manager) => {
    const entityRegistry = new EntityRegistry(manager);
    for (const record of records) entities[(await entityRegistry.upsert(record)).outcome]++;
  });

  const articles = emptySummary();
  const writer = new ArticleWriter(dataSource);
  const articleDir = path.join(dataDir, "articles");
  for (const file of fs.readdirSync(articleDir).filter((name) => name.endsWith(".json")).sort()) {
    const result: WriteResult = await writer.write(readJsonFile<ArticleInput>(path.join(articleDir, file)));
    articles[result.outcome]++;
  }
  return { entities, articles };
}

/**
 * The entity registry, `data/entities.json`, as registry records: people, then organizations,
 * then places, each in file order. Loading and the `extract` command read it through here.
 */
export function readEntityRecords(dataDir = DATA_DIR): EntityRecord[] {
  const registry = readJsonFile<EntitiesFile>(path.join(dataDir, "entities.json"));
  return [
    ...registry.people.map((person) => ({ ...person, type: "Person" as const })),
    ...registry.organizations.map((organization) => ({ ...organization, type: "Organization" as const })),
    ...registry.places.map((place) => ({ ...place, type: "Place" as const })),
  ];
}

function emptySummary(): LoadSummary {
  return { created: 0, updated: 0, unchanged: 0 };
}
