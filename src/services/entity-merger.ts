import type { EntityManager } from "typeorm";
import { EntityAlias } from "../entities/entity-alias";
import { EntityRedirect } from "../entities/entity-redirect";
import { NamedEntity } from "../entities/named-entity";
import { EntityRegistry } from "./entity-registry";
import { InvalidInputError, NotFoundError } from "./errors";
import { runSql } from "./sql";
import { greatestSql } from "./sql-dialect";

/**
 * The edge tables that point at an entity and hold at most one row per (owner, entity): moving
 * `from`'s rows to `into` first drops those of owners `into` already has.
 */
const KEYED_EDGES = [
  { table: "article_author", owner: "articleId", entity: "personId" },
  { table: "photo_depiction", owner: "photoId", entity: "personId" },
  { table: "article_topic", owner: "articleId", entity: "topicId" },
  { table: "editorial_tag", owner: "articleId", entity: "entityId" },
] as const;

/** Columns that point at one entity each: moved as they are. */
const REFERENCES = [
  { table: "article", column: "publisherId" },
  { table: "article", column: "datelineId" },
  { table: "photo", column: "photographerId" },
  { table: "photo", column: "agencyId" },
  { table: "photo", column: "takenInId" },
  { table: "entity", column: "containedInId" },
  { table: "entity", column: "parentId" },
] as const;

/**
 * Merges duplicate entities: one transaction moves every edge of `from` to `into`, keeps `from`'s
 * name and aliases as aliases of `into`, fills what `into` lacks (description, Wikidata ID,
 * containing place, parent topic) from `from`, removes `from`, and records a redirect so `from`'s
 * old ID resolves to `into` from then on (earlier redirects to `from` follow it).
 */
export class EntityMerger {
  constructor(private readonly manager: EntityManager) {}

  async merge(intoId: number, fromId: number): Promise<NamedEntity> {
    if (intoId === fromId) throw new InvalidInputError("an entity cannot be merged into itself", "from");
    return this.manager.transaction(async (manager) => {
      const into = await manager.findOne(NamedEntity, { where: { id: intoId } });
      const from = await manager.findOne(NamedEntity, { where: { id: fromId } });
      if (!into) throw new NotFoundError("the entity to merge into does not exist");
      if (!from) throw new NotFoundError("the entity to merge from does not exist");
      if (into.nodeType !== from.nodeType) {
        throw new InvalidInputError(`both entities must be of one type: into is a ${into.nodeType}, from a ${from.nodeType}`, "from");
      }
      const ids = { into: intoId, from: fromId };

      // Mentions of both in one story become one, keeping the higher salience, the stronger
      // role, the counts added (the text locator credits each stretch of text to one of them).
      const shared = `"articleId" IN (SELECT "articleId" FROM article_mention WHERE "entityId" = :from)`;
      const other = (column: string) => `(SELECT f.${column} FROM article_mention f WHERE f."entityId" = :from AND f."articleId" = article_mention."articleId")`;
      await runSql(
        manager,
        `UPDATE article_mention SET
           salience = ${greatestSql(manager, "salience", other("salience"))},
           count = count + ${other("count")},
           role = CASE WHEN 'QUOTED' IN (role, ${other("role")}) THEN 'QUOTED' WHEN 'DEPICTED' IN (role, ${other("role")}) THEN 'DEPICTED' ELSE role END,
           evidence = coalesce(evidence, ${other("evidence")})
         WHERE "entityId" = :into AND ${shared}`,
        ids,
      );
      await runSql(manager, `DELETE FROM article_mention WHERE "entityId" = :from AND "articleId" IN (SELECT "articleId" FROM article_mention WHERE "entityId" = :into)`, ids);
      await runSql(manager, `UPDATE article_mention SET "entityId" = :into WHERE "entityId" = :from`, ids);
      for (const { table, owner, entity } of KEYED_EDGES) {
        await runSql(manager, `DELETE FROM ${table} WHERE "${entity}" = :from AND "${owner}" IN (SELECT "${owner}" FROM ${table} WHERE "${entity}" = :into)`, ids);
        await runSql(manager, `UPDATE ${table} SET "${entity}" = :into WHERE "${entity}" = :from`, ids);
      }
      for (const { table, column } of REFERENCES) await runSql(manager, `UPDATE ${table} SET "${column}" = :into WHERE "${column}" = :from`, ids);
      await runSql(
        manager,
        `UPDATE entity SET
           description = coalesce(description, :description), "wikidataId" = coalesce("wikidataId", :wikidataId),
           "containedInId" = CASE WHEN "containedInId" = id THEN NULL ELSE coalesce("containedInId", :containedInId) END,
           "parentId" = CASE WHEN "parentId" = id THEN NULL ELSE coalesce("parentId", :parentId) END
         WHERE id = :into`,
        {
          ...ids,
          description: from.description,
          wikidataId: from.wikidataId,
          containedInId: nullUnlessOther((from as { containedInId?: number | null }).containedInId, intoId),
          parentId: nullUnlessOther((from as { parentId?: number | null }).parentId, intoId),
        },
      );

      const aliases = (await manager.find(EntityAlias, { where: { entityId: fromId } })).map((row) => row.alias);
      await new EntityRegistry(manager).addAliases(into, [from.name, ...aliases]);
      await runSql(manager, `UPDATE entity_redirect SET "intoId" = :into WHERE "intoId" = :from`, ids);
      await manager.insert(EntityRedirect, { fromId, intoId, mergedAt: new Date() });
      await manager.delete(NamedEntity, fromId);
      return (await manager.findOne(NamedEntity, { where: { id: intoId } }))!;
    });
  }
}

function nullUnlessOther(value: number | null | undefined, self: number): number | null {
  return value == null || value === self ? null : value;
}
