import { In, type DeepPartial, type EntityManager } from "typeorm";
import { EntityAlias } from "../entities/entity-alias";
import { NamedEntity } from "../entities/named-entity";
import { Organization } from "../entities/organization";
import { OrganizationKind } from "../entities/organization-kind";
import { Person } from "../entities/person";
import { Place } from "../entities/place";
import { PlaceKind } from "../entities/place-kind";
import { Topic } from "../entities/topic";
import type { PlaceFacts } from "./article-input";
import { InvalidInputError } from "./errors";
import { nameKey, transliterationKey } from "./names";

/** The entity classes that share the `entity` table, by the name of their type. */
export const ENTITY_CLASSES = { Person, Place, Organization, Topic } as const;

/** The name of one kind of entity. */
export type EntityType = keyof typeof ENTITY_CLASSES;

/** Fields every registry record may set. */
interface RecordBase {
  name: string;
  aliases?: string[];
  description?: string | null;
  wikidataId?: string | null;
}

/** A registry record: the shape of the items in `data/entities.json` and `data/topics.json`. */
export type EntityRecord =
  | ({ type: "Person" } & RecordBase)
  | ({ type: "Organization"; kind?: OrganizationKind } & RecordBase)
  | ({
      type: "Place";
      kind?: PlaceKind;
      latitude?: number | null;
      longitude?: number | null;
      isoCode?: string | null;
      /** Name of the containing place, which must already be registered. */
      containedIn?: string | null;
    } & RecordBase)
  | ({
      type: "Topic";
      slug: string;
      iptcCode?: string | null;
      /** Slug of the broader topic, which must already be registered. */
      parent?: string | null;
    } & RecordBase);

/** What {@link EntityRegistry.upsert} did. */
export type UpsertOutcome = "created" | "updated" | "unchanged";

/**
 * Finds entities by name or alias and registers new ones. Names are compared by their folded
 * `nameKey`, and each type has at most one entity per canonical name, which the database enforces.
 */
export class EntityRegistry {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The entity of `type` whose canonical name or an alias folds to the same key as `name`; for
   * people, failing that, the earliest registered person whose name is a transliteration of it
   * ("Qassem" for "Qasem"; see `transliterationKey`).
   */
  async findByName<T extends EntityType>(type: T, name: string): Promise<InstanceType<(typeof ENTITY_CLASSES)[T]> | null> {
    return ((await this.match(type, name))?.entity ?? null) as InstanceType<(typeof ENTITY_CLASSES)[T]> | null;
  }

  /**
   * The entity of `type` named `name`, created with just that name when none is known. A spelling
   * matched only by transliteration becomes an alias, so the next lookup finds it directly.
   */
  async findOrCreate<T extends EntityType>(type: T, name: string): Promise<InstanceType<(typeof ENTITY_CLASSES)[T]>> {
    const trimmed = name.trim();
    const found = await this.match(type, trimmed);
    if (found) {
      if (found.by === "transliteration") await this.addAliases(found.entity, [trimmed]);
      return found.entity as InstanceType<(typeof ENTITY_CLASSES)[T]>;
    }
    if (nameKey(trimmed).length === 0) throw new InvalidInputError(`"${name}" is not a usable ${type.toLowerCase()} name`);
    const repository = this.manager.getRepository<NamedEntity>(ENTITY_CLASSES[type]);
    return (await repository.save(repository.create({ name: trimmed, ...derivedKeys(type, trimmed) }))) as InstanceType<(typeof ENTITY_CLASSES)[T]>;
  }

  private async match(type: EntityType, name: string): Promise<{ entity: NamedEntity; by: "name" | "alias" | "transliteration" } | null> {
    const key = nameKey(name);
    if (key.length === 0) return null;
    const repository = this.manager.getRepository<NamedEntity>(ENTITY_CLASSES[type]);
    const byName = await repository.findOne({ where: { nameKey: key } });
    if (byName) return { entity: byName, by: "name" };
    const byAlias = await repository
      .createQueryBuilder("entity")
      .innerJoin(EntityAlias, "alias", "alias.entityId = entity.id")
      .where("alias.aliasKey = :key", { key })
      .orderBy("entity.id")
      .getOne();
    if (byAlias) return { entity: byAlias, by: "alias" };
    if (type !== "Person" || !key.includes(" ")) return null;
    const byTransliteration = await this.manager.findOne(Person, { where: { transliterationKey: transliterationKey(name) }, order: { id: "ASC" } });
    return byTransliteration ? { entity: byTransliteration, by: "transliteration" } : null;
  }

  /**
   * The place named `name`, created or completed from a gazetteer's facts: coordinates, kind and
   * ISO code fill only what the graph does not know yet (the registry's own data wins), and a city
   * is placed in its country, which is registered too when it is new.
   */
  async findOrCreatePlace(name: string, facts?: PlaceFacts): Promise<Place> {
    const place = await this.findOrCreate("Place", name);
    if (!facts || place.latitude !== null) return place;
    const country =
      facts.kind === "CITY" && place.containedInId === null
        ? ((await this.manager.findOne(Place, { where: { isoCode: facts.countryCode } })) ?? (await this.findOrCreatePlaceCountry(facts)))
        : null;
    const completed = {
      kind: place.kind === PlaceKind.OTHER ? (facts.kind === "COUNTRY" ? PlaceKind.COUNTRY : PlaceKind.CITY) : place.kind,
      latitude: facts.latitude,
      longitude: facts.longitude,
      isoCode: place.isoCode ?? (facts.kind === "COUNTRY" ? facts.countryCode : null),
      containedInId: place.containedInId ?? country?.id ?? null,
    };
    await this.manager.update(Place, place.id, completed);
    return Object.assign(place, completed);
  }

  private async findOrCreatePlaceCountry(facts: PlaceFacts): Promise<Place> {
    const country = await this.findOrCreate("Place", facts.countryName);
    if (country.isoCode === null) {
      await this.manager.update(Place, country.id, { kind: PlaceKind.COUNTRY, isoCode: facts.countryCode });
      Object.assign(country, { kind: PlaceKind.COUNTRY, isoCode: facts.countryCode });
    }
    return country;
  }

  /** Aliases of each entity, in the order they were registered. */
  async aliasesOf(entityIds: number[]): Promise<Map<number, string[]>> {
    const rows = entityIds.length === 0 ? [] : await this.manager.find(EntityAlias, { where: { entityId: In(entityIds) } });
    const aliases = new Map<number, string[]>(entityIds.map((id) => [id, []]));
    for (const row of rows) aliases.get(row.entityId)?.push(row.alias);
    return aliases;
  }

  /**
   * Creates or updates an entity from a registry record, matched by canonical name (or by slug for
   * topics). Fields the record leaves out are kept; aliases are added, never removed, so names
   * learnt from stories survive a reload of the registry.
   */
  async upsert(record: EntityRecord): Promise<{ entity: NamedEntity; outcome: UpsertOutcome }> {
    const repository = this.manager.getRepository<NamedEntity>(ENTITY_CLASSES[record.type]);
    const existing =
      record.type === "Topic"
        ? await this.manager.findOne(Topic, { where: { slug: record.slug } })
        : await repository.findOne({ where: { nameKey: nameKey(record.name) } });
    const fields = await this.fieldsOf(record);
    let outcome: UpsertOutcome = "unchanged";
    let entity: NamedEntity;
    if (!existing) {
      entity = await repository.save(repository.create(fields));
      outcome = "created";
    } else {
      const changed = Object.entries(fields).filter(([field, value]) => value !== undefined && (existing as never)[field] !== value);
      if (changed.length > 0) {
        await repository.update(existing.id, Object.fromEntries(changed));
        outcome = "updated";
      }
      entity = existing;
    }
    const added = await this.addAliases(entity, record.aliases ?? []);
    return { entity, outcome: outcome === "unchanged" && added > 0 ? "updated" : outcome };
  }

  /**
   * Registers aliases an entity does not have yet; returns how many were new. Spellings that fold to
   * the same key ("U.S." and "US") are each kept, since finding mentions in text needs them all.
   */
  async addAliases(entity: NamedEntity, aliases: string[]): Promise<number> {
    const known = new Set((await this.manager.find(EntityAlias, { where: { entityId: entity.id } })).map((row) => row.alias));
    known.add(entity.name);
    const rows: EntityAlias[] = [];
    for (const alias of aliases.map((value) => value.trim())) {
      const aliasKey = nameKey(alias);
      if (aliasKey.length === 0 || known.has(alias)) continue;
      known.add(alias);
      rows.push({ entityId: entity.id, aliasKey, alias });
    }
    if (rows.length > 0) await this.manager.insert(EntityAlias, rows);
    return rows.length;
  }

  private async fieldsOf(record: EntityRecord): Promise<DeepPartial<NamedEntity> & Record<string, unknown>> {
    const common = {
      name: record.name.trim(),
      ...derivedKeys(record.type, record.name.trim()),
      description: record.description,
      wikidataId: record.wikidataId,
    };
    switch (record.type) {
      case "Person":
        return common;
      case "Organization":
        return { ...common, kind: record.kind };
      case "Place":
        return {
          ...common,
          kind: record.kind,
          latitude: record.latitude,
          longitude: record.longitude,
          isoCode: record.isoCode,
          containedInId: record.containedIn ? (await this.required("Place", record.containedIn, record.name)).id : record.containedIn === undefined ? undefined : null,
        };
      case "Topic":
        return {
          ...common,
          slug: record.slug,
          iptcCode: record.iptcCode,
          parentId: record.parent ? (await this.requiredTopic(record.parent, record.slug)).id : record.parent === undefined ? undefined : null,
        };
    }
  }

  private async required(type: EntityType, name: string, referrer: string): Promise<NamedEntity> {
    const entity = await this.findByName(type, name);
    if (!entity) throw new InvalidInputError(`${referrer} refers to ${type.toLowerCase()} "${name}", which is not registered before it`);
    return entity;
  }

  private async requiredTopic(slug: string, referrer: string): Promise<Topic> {
    const topic = await this.manager.findOne(Topic, { where: { slug } });
    if (!topic) throw new InvalidInputError(`topic "${referrer}" has parent "${slug}", which is not registered before it`);
    return topic;
  }
}

/** The lookup keys stored with an entity, derived from its name. */
function derivedKeys(type: EntityType, name: string): { nameKey: string; transliterationKey?: string } {
  return type === "Person" ? { nameKey: nameKey(name), transliterationKey: transliterationKey(name) } : { nameKey: nameKey(name) };
}
