import type { EntityManager } from "typeorm";
import { entityLookupOf, type EntityLookup, type EntityType } from "../extraction/entity-lookup";
import { runSql } from "../sql";

const TYPES: Record<string, EntityType> = { PERSON: "PERSON", PLACE: "PLACE", ORGANIZATION: "ORGANIZATION" };

/**
 * The people, places and organizations the graph already holds, with their aliases, as the
 * in-memory lookup extraction links names against. Read in two statements; extraction then runs
 * its many lookups per story without touching the database.
 */
export async function knownEntities(manager: EntityManager): Promise<EntityLookup> {
  const entities = await runSql<{ id: number; type: string; name: string }>(
    manager,
    `SELECT id, type, name FROM entity WHERE type IN ('PERSON', 'PLACE', 'ORGANIZATION')`,
  );
  const aliases = await runSql<{ entityId: number; alias: string }>(
    manager,
    `SELECT a."entityId", a.alias FROM entity_alias a JOIN entity e ON e.id = a."entityId" WHERE e.type IN ('PERSON', 'PLACE', 'ORGANIZATION')`,
  );
  const aliasesOf = new Map<number, string[]>();
  for (const row of aliases) aliasesOf.set(Number(row.entityId), [...(aliasesOf.get(Number(row.entityId)) ?? []), row.alias]);
  return entityLookupOf(
    entities.map((entity) => ({ id: String(entity.id), type: TYPES[entity.type], name: entity.name, aliases: aliasesOf.get(Number(entity.id)) ?? [] })),
  );
}
