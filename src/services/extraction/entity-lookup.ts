import type { EntityRecord } from "../entity-registry";
import { nameKey } from "../names";

/** The three kinds of named entity extraction finds. */
export type EntityType = "PERSON" | "PLACE" | "ORGANIZATION";

/** An entity that already exists (in the database, or in a registry file). */
export interface KnownEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: readonly string[];
}

/**
 * How extraction links names to entities that already exist. The caller supplies it (the
 * ingestion pipeline from the database, tests from `data/entities.json`); it must answer
 * synchronously because extraction runs many lookups per story.
 */
export interface EntityLookup {
  /** Entities whose name or an alias equals `name`, compared by {@link nameKey}. */
  find(name: string): readonly KnownEntity[];
  /** The most words any name or alias has: bounds the search for known names in a text. */
  readonly longestNameWords: number;
}

/** A lookup that knows nothing: every name extraction finds becomes a new entity. */
export const NO_KNOWN_ENTITIES: EntityLookup = { find: () => [], longestNameWords: 0 };

/** An in-memory {@link EntityLookup} over a list of entities, indexed once. */
export function entityLookupOf(entities: readonly KnownEntity[]): EntityLookup {
  const byKey = new Map<string, KnownEntity[]>();
  let longestNameWords = 0;
  for (const entity of entities) {
    for (const name of new Set([entity.name, ...entity.aliases])) {
      const key = nameKey(name);
      if (key.length === 0) continue;
      const list = byKey.get(key) ?? [];
      if (!list.includes(entity)) list.push(entity);
      byKey.set(key, list);
      longestNameWords = Math.max(longestNameWords, key.split(" ").length);
    }
  }
  return { find: (name) => byKey.get(nameKey(name)) ?? [], longestNameWords };
}

/** The extraction type of each registry type that names people, places or organizations. */
const EXTRACTION_TYPES: Partial<Record<EntityRecord["type"], EntityType>> = { Person: "PERSON", Place: "PLACE", Organization: "ORGANIZATION" };

/**
 * The people, places and organizations of registry records (`readEntityRecords` reads
 * `data/entities.json`) as known entities, in their order, each with the ID `<TYPE>:<name>`.
 */
export function knownEntitiesOf(records: readonly EntityRecord[]): KnownEntity[] {
  return records.flatMap((record) => {
    const type = EXTRACTION_TYPES[record.type];
    return type ? [{ id: `${type}:${record.name}`, type, name: record.name, aliases: record.aliases ?? [] }] : [];
  });
}
