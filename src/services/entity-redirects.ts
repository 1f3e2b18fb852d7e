import { In, type EntityManager } from "typeorm";
import { EntityRedirect } from "../entities/entity-redirect";

/*
 * What an entity ID means after merges. A merge removes the duplicate and records its ID in
 * `entity_redirect`, pointing at the entity it was merged into, and re-points every earlier
 * redirect to the duplicate at the same time (EntityMerger: A merged into B, then B into C, and A
 * points at C). So one step through the table reaches the live entity however long the chain of
 * merges. Keys are never reused, so an ID is a live entity's, a merged-away one's, or names nothing.
 */

/**
 * The entity each of `ids` means now, in order: the one it was merged into for a merged-away ID,
 * the ID itself otherwise (also when it names nothing).
 */
export type CurrentEntityIds = (ids: number[]) => Promise<number[]>;

/** The entity each merged-away ID among `ids` was merged into; IDs never merged away are absent. */
export async function mergedInto(manager: EntityManager, ids: readonly number[]): Promise<Map<number, number>> {
  const rows = await manager.findBy(EntityRedirect, { fromId: In([...ids]) });
  return new Map(rows.map((row) => [row.fromId, row.intoId]));
}

/**
 * {@link CurrentEntityIds} read from the database, one statement per call: for services that run
 * outside a request (a request reads through its loaders, `Loaders.currentEntityId`, in batches).
 */
export function currentEntityIdsIn(manager: EntityManager): CurrentEntityIds {
  return async (ids) => {
    const into = await mergedInto(manager, ids);
    return ids.map((id) => into.get(id) ?? id);
  };
}
