import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import { NamedEntity } from "../entities/named-entity";
import { Topic } from "../entities/topic";
import { RelatedCoverageEdge } from "./types/related-coverage-edge";

/** Resolves what two related stories share, batched across all edges of a request. */
@Resolver(() => RelatedCoverageEdge)
export class RelatedCoverageEdgeResolver {
  @FieldResolver(() => [NamedEntity], { description: "People, places and organizations both stories name; the rarest and most central first." })
  sharedEntities(@Root() edge: RelatedCoverageEdge, @Ctx() context: Context): Promise<NamedEntity[]> {
    return loadAll(context, edge.sharedEntityIds) as Promise<NamedEntity[]>;
  }

  @FieldResolver(() => [Topic], { description: "Topics both stories are filed under; the most telling first." })
  sharedTopics(@Root() edge: RelatedCoverageEdge, @Ctx() context: Context): Promise<Topic[]> {
    return loadAll(context, edge.sharedTopicIds) as Promise<Topic[]>;
  }
}

async function loadAll(context: Context, ids: number[]): Promise<NamedEntity[]> {
  const entities = await context.loaders.entity.loadMany(ids);
  return entities.filter((entity): entity is NamedEntity => entity !== null && !(entity instanceof Error));
}
