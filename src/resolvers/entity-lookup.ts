import type { Context } from "../context.type";
import type { NamedEntity } from "../entities/named-entity";
import { CatalogQuery } from "../services/catalog-query";
import { EntityRegistry, type EntityType } from "../services/entity-registry";
import { InvalidInputError, NotFoundError } from "../services/errors";
import { toPageRequest, type PageArgs } from "../services/pagination";
import { loadNode } from "./load-node";
import { toConnection, type ConnectionValue } from "./types/connection";

/**
 * The entity of `type` given by exactly one of a global ID or a name (canonical or alias, compared
 * folded). Neither or both is BAD_USER_INPUT; no such entity is NOT_FOUND.
 */
export async function findEntity(context: Context, type: EntityType, id?: string | null, name?: string | null): Promise<NamedEntity> {
  if ((id == null) === (name == null)) throw new InvalidInputError("pass exactly one of id or name");
  if (id != null) return (await loadNode(context, id, [type])) as NamedEntity;
  const entity = await new EntityRegistry(context.manager).findByName(type, name!);
  if (!entity) throw new NotFoundError(`no ${type.toLowerCase()} is named "${name}"`);
  return entity;
}

/** A connection over all entities of `type`, by name. */
export async function entityConnection(
  context: Context,
  type: EntityType,
  args: PageArgs & { nameStartsWith?: string | null },
): Promise<ConnectionValue<NamedEntity>> {
  const catalog = new CatalogQuery(context.manager);
  const filter = { nameStartsWith: args.nameStartsWith ?? undefined };
  const page = await catalog.entities(type, filter, toPageRequest(args));
  return toConnection(page, () => catalog.countEntities(type, filter));
}
