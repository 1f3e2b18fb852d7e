import type { EntityManager } from "typeorm";
import { Photo } from "../entities/photo";
import { ENTITY_CLASSES, type EntityType } from "./entity-registry";
import { countKeysetList, fetchKeysetPage, hydratePages, type KeysetList } from "./keyset";
import { nameKey } from "./names";
import type { Page, PageRequest } from "./pagination";
import type { NamedEntity } from "../entities/named-entity";

/** Narrows a list of entities. */
export interface EntityListFilter {
  /** Entities whose name or an alias starts with this, compared folded ("sud" finds "al-Sudani" by its alias "Sudani"). */
  nameStartsWith?: string;
}

/**
 * Lists the graph's catalogue: people, places, organizations and topics in name order, photos
 * newest first, paged by keyset.
 */
export class CatalogQuery {
  constructor(private readonly manager: EntityManager) {}

  /** One page of entities of a type, by name. */
  async entities<T extends EntityType>(type: T, filter: EntityListFilter, request: PageRequest): Promise<Page<NamedEntity>> {
    const page = await fetchKeysetPage(this.manager, this.entityList(type, filter), request);
    return (await hydratePages<NamedEntity>(this.manager, ENTITY_CLASSES[type], [page]))[0];
  }

  /** How many entities of a type match the filter. */
  async countEntities(type: EntityType, filter: EntityListFilter): Promise<number> {
    return countKeysetList(this.manager, this.entityList(type, filter));
  }

  /** One page of photos, latest taken first (photos of unknown date last). */
  async photos(request: PageRequest): Promise<Page<Photo>> {
    const page = await fetchKeysetPage(this.manager, PHOTO_LIST, request);
    return (await hydratePages(this.manager, Photo, [page]))[0];
  }

  /** How many photos the graph holds. */
  async countPhotos(): Promise<number> {
    return countKeysetList(this.manager, PHOTO_LIST);
  }

  private entityList(type: EntityType, filter: EntityListFilter): KeysetList {
    const conditions = [`e.type = :type`];
    const params: Record<string, unknown> = { type: type.toUpperCase() };
    if (filter.nameStartsWith != null) {
      conditions.push(`(e."nameKey" LIKE :prefix OR e.id IN (SELECT "entityId" FROM entity_alias WHERE "aliasKey" LIKE :prefix))`);
      // nameKey leaves only letters, digits and spaces, so the prefix holds no LIKE wildcards of its own.
      params.prefix = `${nameKey(filter.nameStartsWith)}%`;
    }
    return { from: "entity e", column: "e.name", id: "e.id", direction: "ASC", conditions, params };
  }
}

const PHOTO_LIST: KeysetList = { from: "photo p", column: `p."takenAt"`, id: "p.id", direction: "DESC", conditions: [], params: {} };
