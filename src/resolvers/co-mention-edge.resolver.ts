import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import { NamedEntity } from "../entities/named-entity";
import { CoMentionEdge } from "./types/co-mention-edge";

/** Resolves the entity of a co-mention, batched across all co-mentions of a request. */
@Resolver(() => CoMentionEdge)
export class CoMentionEdgeResolver {
  @FieldResolver(() => NamedEntity, { description: "The entity named alongside." })
  async entity(@Root() edge: CoMentionEdge, @Ctx() context: Context): Promise<NamedEntity> {
    return (await context.loaders.entity.load(edge.entityId))!;
  }
}
