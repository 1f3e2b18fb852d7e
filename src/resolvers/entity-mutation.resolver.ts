import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context.type";
import { ApiRole } from "../entities/api-role";
import { NamedEntity } from "../entities/named-entity";
import { EntityEditor } from "../services/entity-editor";
import { EntityMerger } from "../services/entity-merger";
import { decodeIdAt, underArgument } from "./input-path";
import { loadNode } from "./load-node";
import { EntityPatchInput } from "./types/entity-patch.input";

const ENTITY_TYPES = ["Person", "Place", "Organization", "Topic"] as const;

/** Curating the entity registry: merging duplicates and editing facts. Needs an editor key. */
@Resolver()
export class EntityMutationResolver {
  @Authorized(ApiRole.EDITOR)
  @Mutation(() => NamedEntity, {
    description:
      "Merges a duplicate entity into another of the same type: every mention, byline, photo credit and depiction, dateline, topic filing, alias and containment of `from` moves to `into`, `from`'s name becomes an alias, `from` is removed, and its old ID resolves to `into` from then on. Needs an editor key.",
  })
  async mergeEntities(
    @Arg("into", () => ID, { description: "The entity that stays." }) into: string,
    @Arg("from", () => ID, { description: "The duplicate, merged into `into` and removed." }) from: string,
    @Ctx() context: Context,
  ): Promise<NamedEntity> {
    const [kept, merged] = await Promise.all([
      underArgument("into", async () => (await loadNode(context, into, ENTITY_TYPES)) as NamedEntity),
      underArgument("from", async () => (await loadNode(context, from, ENTITY_TYPES)) as NamedEntity),
    ]);
    return new EntityMerger(context.writer.manager).merge(kept.id, merged.id);
  }

  @Authorized(ApiRole.EDITOR)
  @Mutation(() => NamedEntity, {
    description: "Changes an entity's name, description, aliases, Wikidata ID or the fields of its type. A new name keeps the old one as an alias. Needs an editor key.",
  })
  async updateEntity(
    @Arg("id", () => ID, { description: "The entity's global ID." }) id: string,
    @Arg("patch", () => EntityPatchInput, { description: "The fields to change." }) patch: EntityPatchInput,
    @Ctx() context: Context,
  ): Promise<NamedEntity> {
    const entity = (await underArgument("id", () => loadNode(context, id, ENTITY_TYPES))) as NamedEntity;
    const { containedIn, parent, ...fields } = patch;
    return underArgument("patch", async () =>
      new EntityEditor(context.writer.manager).update(entity, {
        ...fields,
        ...(containedIn !== undefined ? { containedInId: await currentKey(context, containedIn, "Place", "containedIn") } : {}),
        ...(parent !== undefined ? { parentId: await currentKey(context, parent, "Topic", "parent") } : {}),
      }),
    );
  }
}

/**
 * The key of the entity a global ID in the patch names now (the entity a merged-away one was merged
 * into, as `node(id:)` answers), null for null. A bad ID is BAD_USER_INPUT at `field`.
 */
async function currentKey(context: Context, globalId: string | null, type: "Place" | "Topic", field: string): Promise<number | null> {
  return globalId === null ? null : context.loaders.currentEntityId(decodeIdAt(globalId, [type], field).id);
}
