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
import { runSql, type SqlParams } from "./sql";

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
    const [found] = await this.matchAll([{ type, name }]);
    return (found?.entity ?? null) as InstanceType<(typeof ENTITY_CLASSES)[T]> | null;
  }

  /** The entity of `type` named `name`, registered with just that name when none is known. */
  async findOrCreate<T extends EntityType>(type: T, name: string): Promise<InstanceType<(typeof ENTITY_CLASSES)[T]>> {
    const [entity] = await this.findOrCreateAll([{ type, name }]);
    return entity as InstanceType<(typeof ENTITY_CLASSES)[T]>;
  }

  /**
   * The entity for each requested name, in request order, registering those not known yet. A story
   * names dozens of entities, so they are looked up together: one statement per way of matching,
   * whatever their number. A spelling matched only by transliteration becomes an alias, so the
   * next lookup finds it directly.
   */
  async findOrCreateAll(requests: Array<{ type: EntityType; name: string }>): Promise<NamedEntity[]> {
    const trimmed = requests.map(({ type, name }) => ({ type, name: name.trim() }));
    for (const { type, name } of trimmed) {
      if (nameKey(name).length === 0) throw new InvalidInputError(`"${name}" is not a usable ${type.toLowerCase()} name`);
    }
    const matches = await this.matchAll(trimmed);
    const missing = new Map<string, { type: EntityType; name: string }>();
    for (const [index, request] of trimmed.entries()) {
      const match = matches[index];
      if (match?.by === "transliteration") await this.addAliases(match.entity, [request.name]);
      if (!match) missing.set(`${request.type}:${nameKey(request.name)}`, request);
    }
    // One multi-row INSERT, then one SELECT for every new row: saving them one by one would cost
    // two statements each, and a story can bring dozens of new names.
    const created = new Map<string, NamedEntity>();
    if (missing.size > 0) await this.insertNamed([...missing.values()]);
    if (missing.size > 0) {
      const stored = await this.manager.find(NamedEntity, { where: { nameKey: In([...missing.values()].map(({ name }) => nameKey(name))) } });
      for (const entity of stored) created.set(`${entity.nodeType}:${entity.nameKey}`, entity);
    }
    return trimmed.map((request, index) => matches[index]?.entity ?? created.get(`${request.type}:${nameKey(request.name)}`)!);
  }

  /**
   * Registers entities of any types by name alone, in one statement. The kinds of places and
   * organizations start as OTHER, as their classes' defaults say; what a gazetteer or the
   * registry knows completes them later.
   */
  private async insertNamed(requests: Array<{ type: EntityType; name: string }>): Promise<void> {
    const params: SqlParams = {};
    const rows = requests.map(({ type, name }, row) => {
      const keys = derivedKeys(type, name);
      Object.assign(params, {
        [`type${row}`]: this.manager.connection.getMetadata(ENTITY_CLASSES[type]).discriminatorValue,
        [`name${row}`]: name,
        [`nameKey${row}`]: keys.nameKey,
        [`transliterationKey${row}`]: keys.transliterationKey ?? null,
        [`placeKind${row}`]: type === "Place" ? PlaceKind.OTHER : null,
        [`organizationKind${row}`]: type === "Organization" ? OrganizationKind.OTHER : null,
      });
      return `(:type${row}, :name${row}, :nameKey${row}, :transliterationKey${row}, :placeKind${row}, :organizationKind${row})`;
    });
    await runSql(
      this.manager,
      `INSERT INTO entity (type, name, "nameKey", "transliterationKey", "placeKind", "organizationKind") VALUES ${rows.join(", ")}`,
      params,
    );
  }

  /**
   * How each name matches a known entity, if it does: by name, then alias, then (people)
   * transliteration. Each later way is asked only for the names the earlier ones left unmatched.
   */
  private async matchAll(
    requests: Array<{ type: EntityType; name: string }>,
  ): Promise<Array<{ entity: NamedEntity; by: "name" | "alias" | "transliteration" } | null>> {
    const keyed = requests.map(({ type, name }) => ({ type, name, key: nameKey(name) }));
    const matches: Array<{ entity: NamedEntity; by: "name" | "alias" | "transliteration" } | null> = keyed.map(() => null);
    const unmatched = () => keyed.flatMap((request, index) => (matches[index] === null && request.key.length > 0 ? [{ ...request, index }] : []));
    // The earliest registered entity wins where several share a key of one type.
    const firstByTypeAndKey = (entities: NamedEntity[], keysOf: (entity: NamedEntity) => string[]) => {
      const found = new Map<string, NamedEntity>();
      for (const entity of [...entities].sort((a, b) => a.id - b.id)) {
        for (const key of keysOf(entity)) if (!found.has(`${entity.nodeType}:${key}`)) found.set(`${entity.nodeType}:${key}`, entity);
      }
      return found;
    };
    const assign = (by: "name" | "alias" | "transliteration", found: Map<string, NamedEntity>, keyOf: (request: { name: string; key: string }) => string) => {
      for (const request of unmatched()) {
        const entity = found.get(`${request.type}:${keyOf(request)}`);
        if (entity) matches[request.index] = { entity, by };
      }
    };

    const keys = [...new Set(unmatched().map((request) => request.key))];
    if (keys.length === 0) return matches;
    const transliterations = [
      ...new Set(unmatched().flatMap((request) => (request.type === "Person" && request.key.includes(" ") ? [transliterationKey(request.name)] : []))),
    ];
    const candidates = await this.candidatesFor(keys, transliterations);
    assign("name", firstByTypeAndKey(candidates.entities, (entity) => [entity.nameKey]), (request) => request.key);
    assign("alias", firstByTypeAndKey(candidates.entities, (entity) => candidates.aliasKeys.get(entity.id) ?? []), (request) => request.key);
    const people = candidates.entities.filter((entity): entity is Person => entity instanceof Person);
    const variants = firstByTypeAndKey(people, (person) => ((person as Person).transliterationKey ? [(person as Person).transliterationKey!] : []));
    assign("transliteration", variants, (request) => (request.key.includes(" ") ? transliterationKey(request.name) : ""));
    return matches;
  }

  /**
   * Every entity a story's names could mean, in one statement: those whose name or an alias folds
   * to one of `keys`, and people whose transliteration key is one of `transliterations`, with the
   * requested alias keys each entity has. Asking the three ways apart cost a statement each for
   * every story ingested.
   */
  private async candidatesFor(keys: string[], transliterations: string[]): Promise<{ entities: NamedEntity[]; aliasKeys: Map<number, string[]> }> {
    const person = this.manager.connection.getMetadata(Person).discriminatorValue;
    const ids = [
      `SELECT id FROM entity WHERE "nameKey" IN (:...keys)`,
      `SELECT "entityId" FROM entity_alias WHERE "aliasKey" IN (:...keys)`,
      ...(transliterations.length > 0 ? [`SELECT id FROM entity WHERE type = :person AND "transliterationKey" IN (:...transliterations)`] : []),
    ];
    const { entities, raw } = await this.manager
      .createQueryBuilder(NamedEntity, "entity")
      .leftJoin(EntityAlias, "alias", `alias."entityId" = entity.id AND alias."aliasKey" IN (:...keys)`)
      .addSelect(`alias."aliasKey"`, "matchedAliasKey")
      .where(`entity.id IN (${ids.join(" UNION ")})`, { keys, transliterations, person })
      .getRawAndEntities<{ entity_id: number; matchedAliasKey: string | null }>();
    const aliasKeys = new Map<number, string[]>();
    for (const row of raw) {
      if (row.matchedAliasKey !== null) aliasKeys.set(row.entity_id, [...(aliasKeys.get(row.entity_id) ?? []), row.matchedAliasKey]);
    }
    return { entities, aliasKeys };
  }

  /**
   * Completes places from a gazetteer's facts where the graph has no coordinates for them yet (the
   * registry's own data wins): coordinates, kind and ISO code, and for a city its country, which
   * is registered too when it is new. The countries of a story's cities are looked up together.
   */
  async completePlaces(places: Array<{ place: Place; facts: PlaceFacts }>): Promise<void> {
    const pending = places.filter(({ place }) => place.latitude === null);
    const needCountry = pending.filter(({ place, facts }) => facts.kind === "CITY" && place.containedInId === null);
    const countries = await this.countriesOf(needCountry.map(({ facts }) => facts));
    for (const { place, facts } of pending) {
      const country = facts.kind === "CITY" && place.containedInId === null ? countries.get(facts.countryCode)! : null;
      const completed = {
        placeKind: place.placeKind === PlaceKind.OTHER ? (facts.kind === "COUNTRY" ? PlaceKind.COUNTRY : PlaceKind.CITY) : place.placeKind,
        latitude: facts.latitude,
        longitude: facts.longitude,
        isoCode: place.isoCode ?? (facts.kind === "COUNTRY" ? facts.countryCode : null),
        containedInId: place.containedInId ?? (country && country.id !== place.id ? country.id : null),
      };
      await this.manager.update(Place, place.id, completed);
      Object.assign(place, completed);
    }
  }

  /**
   * The country of each ISO code the facts name: the place holding that code, else the place of
   * that country's name (registered when new), which then gets the code.
   */
  private async countriesOf(facts: PlaceFacts[]): Promise<Map<string, Place>> {
    const codes = [...new Set(facts.map((fact) => fact.countryCode))];
    const countries = new Map<string, Place>();
    if (codes.length === 0) return countries;
    for (const place of await this.manager.find(Place, { where: { isoCode: In(codes) } })) countries.set(place.isoCode!, place);
    const unknown = codes.map((code) => facts.find((fact) => fact.countryCode === code)!).filter((fact) => !countries.has(fact.countryCode));
    const named = await this.findOrCreateAll(unknown.map((fact) => ({ type: "Place" as const, name: fact.countryName })));
    for (const [index, fact] of unknown.entries()) {
      const country = named[index] as Place;
      if (country.isoCode === null) {
        await this.manager.update(Place, country.id, { placeKind: PlaceKind.COUNTRY, isoCode: fact.countryCode });
        Object.assign(country, { placeKind: PlaceKind.COUNTRY, isoCode: fact.countryCode });
      }
      countries.set(fact.countryCode, country);
    }
    return countries;
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
        return { ...common, organizationKind: record.kind };
      case "Place":
        return {
          ...common,
          placeKind: record.kind,
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
