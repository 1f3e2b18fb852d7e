import { Not, type EntityManager } from "typeorm";
import { EntityAlias } from "../entities/entity-alias";
import { NamedEntity } from "../entities/named-entity";
import { Organization } from "../entities/organization";
import type { OrganizationKind } from "../entities/organization-kind";
import { Person } from "../entities/person";
import { Place } from "../entities/place";
import type { PlaceKind } from "../entities/place-kind";
import { Topic } from "../entities/topic";
import { EntityRegistry } from "./entity-registry";
import { InvalidInputError } from "./errors";
import { nameKey, transliterationKey } from "./names";

/**
 * Changes to an entity; absent fields are kept, null clears an optional one. Type-specific
 * fields apply to their type only. `containedInId` and `parentId` are database keys the caller
 * resolved from global IDs.
 */
export interface EntityPatch {
  name?: string;
  description?: string | null;
  wikidataId?: string | null;
  /** The full list of aliases, replacing the current one. */
  aliases?: string[];
  placeKind?: PlaceKind;
  latitude?: number | null;
  longitude?: number | null;
  isoCode?: string | null;
  containedInId?: number | null;
  organizationKind?: OrganizationKind;
  iptcCode?: string | null;
  parentId?: number | null;
}

/** Which entity type each type-specific field belongs to. */
const FIELD_TYPES: Partial<Record<keyof EntityPatch, typeof Place | typeof Organization | typeof Topic>> = {
  placeKind: Place,
  latitude: Place,
  longitude: Place,
  isoCode: Place,
  containedInId: Place,
  organizationKind: Organization,
  iptcCode: Topic,
  parentId: Topic,
};

/**
 * Edits an entity's own facts. A new name keeps the old one as an alias, so lookups and text
 * matching by it go on working; two entities of one type cannot share a name (merge them
 * instead). A bad field is BAD_USER_INPUT naming it ("latitude").
 */
export class EntityEditor {
  constructor(private readonly manager: EntityManager) {}

  async update(entity: NamedEntity, patch: EntityPatch): Promise<NamedEntity> {
    for (const [key, type] of Object.entries(FIELD_TYPES)) {
      const name = key.replace(/Id$/, ""); // as the API names it: containedIn, parent
      if (patch[key as keyof EntityPatch] !== undefined && !(entity instanceof type!)) {
        throw new InvalidInputError(`${name} applies to ${type!.name.toLowerCase()}s only; this entity is a ${entity.nodeType}`, name);
      }
    }
    const changes: Record<string, unknown> = {};
    let oldName: string | null = null;
    if (patch.name !== undefined) {
      const name = patch.name?.trim() ?? "";
      if (nameKey(name).length === 0 || name.length > 300) throw new InvalidInputError("name must have letters or digits and at most 300 characters", "name");
      const key = nameKey(name);
      const clash = await this.manager.findOne(entity.constructor as typeof NamedEntity, { where: { nameKey: key, id: Not(entity.id) } });
      if (clash) throw new InvalidInputError(`another ${entity.nodeType.toLowerCase()} is already named "${clash.name}"; merge the two with mergeEntities`, "name");
      if (name !== entity.name) {
        oldName = entity.name;
        Object.assign(changes, { name, nameKey: key, ...(entity instanceof Person ? { transliterationKey: transliterationKey(name) } : {}) });
      }
    }
    if (patch.description !== undefined) changes.description = patch.description?.trim() || null;
    if (patch.wikidataId !== undefined) {
      if (patch.wikidataId !== null && !/^Q[1-9][0-9]*$/.test(patch.wikidataId)) {
        throw new InvalidInputError(`wikidataId must be a Wikidata item ID such as "Q30", got "${patch.wikidataId}"`, "wikidataId");
      }
      changes.wikidataId = patch.wikidataId;
    }
    if (patch.placeKind !== undefined) changes.placeKind = patch.placeKind;
    if (patch.organizationKind !== undefined) changes.organizationKind = patch.organizationKind;
    for (const [coordinate, limit] of [["latitude", 90], ["longitude", 180]] as const) {
      const value = patch[coordinate];
      if (value === undefined) continue;
      if (value !== null && !(Math.abs(value) <= limit)) throw new InvalidInputError(`${coordinate} must be from -${limit} to ${limit}, got ${value}`, coordinate);
      changes[coordinate] = value;
    }
    if (patch.isoCode !== undefined) {
      if (patch.isoCode !== null && !/^[A-Z]{2}$/.test(patch.isoCode)) throw new InvalidInputError(`isoCode must be two capital letters (ISO 3166-1 alpha-2), got "${patch.isoCode}"`, "isoCode");
      changes.isoCode = patch.isoCode;
    }
    if (patch.iptcCode !== undefined) changes.iptcCode = patch.iptcCode?.trim() || null;
    if (patch.containedInId !== undefined) changes.containedInId = await this.checkedParent(entity, patch.containedInId, "containedInId", "containedIn");
    if (patch.parentId !== undefined) changes.parentId = await this.checkedParent(entity, patch.parentId, "parentId", "parent");

    await this.manager.transaction(async (manager) => {
      if (Object.keys(changes).length > 0) await manager.update(entity.constructor as typeof NamedEntity, entity.id, changes);
      const registry = new EntityRegistry(manager);
      if (patch.aliases !== undefined) {
        if (patch.aliases === null) throw new InvalidInputError("aliases must be a list (empty for none), not null", "aliases");
        await manager.delete(EntityAlias, { entityId: entity.id });
      }
      const updated = (await manager.findOne(NamedEntity, { where: { id: entity.id } }))!;
      await registry.addAliases(updated, [...(patch.aliases ?? []), ...(oldName ? [oldName] : [])]);
    });
    return (await this.manager.findOne(NamedEntity, { where: { id: entity.id } }))!;
  }

  /** A containing place or parent topic that exists, is of the entity's type, and makes no cycle. */
  private async checkedParent(entity: NamedEntity, parentId: number | null, column: "containedInId" | "parentId", field: string): Promise<number | null> {
    if (parentId === null) return null;
    for (let id: number | null = parentId, steps = 0; id !== null && steps < 100; steps++) {
      if (id === entity.id) throw new InvalidInputError(`that would make ${entity.name} contain itself`, field);
      const parent: NamedEntity | null = await this.manager.findOne(NamedEntity, { where: { id } });
      if (!parent || parent.nodeType !== entity.nodeType) throw new InvalidInputError(`the ${column === "parentId" ? "parent" : "containing place"} must be an existing ${entity.nodeType}`, field);
      id = (parent as unknown as Record<string, number | null>)[column] ?? null;
    }
    return parentId;
  }
}
