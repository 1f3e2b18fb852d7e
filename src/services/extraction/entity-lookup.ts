import fs from "node:fs";
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

const SECTION_TYPES: Record<string, EntityType> = {
  people: "PERSON",
  persons: "PERSON",
  places: "PLACE",
  organizations: "ORGANIZATION",
  organisations: "ORGANIZATION",
};

/**
 * Reads a registry file such as `data/entities.json`: either an array of entities with `type`
 * (PERSON, PLACE or ORGANIZATION, any case), or an object with `people`, `places` and
 * `organizations` arrays. Each entity has a `name` and optional `aliases` and `id`/`slug`; the
 * id defaults to the type and name.
 */
export function readEntityRegistry(file: string): KnownEntity[] {
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  const entries: Array<{ type: EntityType; raw: Record<string, unknown> }> = [];
  if (Array.isArray(data)) {
    for (const raw of data as Array<Record<string, unknown>>) entries.push({ type: typeOf(raw.type), raw });
  } else if (data && typeof data === "object") {
    for (const [section, list] of Object.entries(data as Record<string, unknown>)) {
      const type = SECTION_TYPES[section.toLowerCase()];
      if (type && Array.isArray(list)) for (const raw of list as Array<Record<string, unknown>>) entries.push({ type, raw });
    }
  }
  return entries.map(({ type, raw }) => ({
    id: String(raw.id ?? raw.slug ?? `${type}:${String(raw.name)}`),
    type,
    name: String(raw.name),
    aliases: Array.isArray(raw.aliases) ? raw.aliases.map(String) : [],
  }));
}

function typeOf(value: unknown): EntityType {
  const type = String(value).toUpperCase();
  if (type === "PERSON" || type === "PLACE" || type === "ORGANIZATION") return type;
  if (type === "ORGANISATION") return "ORGANIZATION";
  throw new Error(`unknown entity type ${String(value)}`);
}
