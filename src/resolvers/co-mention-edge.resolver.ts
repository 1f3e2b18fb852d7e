import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import { Article } from "../entities/article";
import { NamedEntity } from "../entities/named-entity";
import { CoMentionEdge } from "./types/co-mention-edge";

/** Resolves the entity and example stories of a co-mention, batched across all co-mentions of a request. */
@Resolver(() => CoMentionEdge)
export class CoMentionEdgeResolver {
  @FieldResolver(() => NamedEntity, { description: "The entity named alongside." })
  async entity(@Root() edge: CoMentionEdge, @Ctx() context: Context): Promise<NamedEntity> {
    return (await context.loaders.entity.load(edge.entityId))!;
  }

  @FieldResolver(() => [Article], { description: "The newest of the stories the two share, at most 3, undated ones last." })
  async articles(@Root() edge: CoMentionEdge, @Ctx() context: Context): Promise<Article[]> {
    const shared = await context.loaders.sharedStories(edge.period).load({ source: edge.sourceId, other: edge.entityId });
    const articles = await context.loaders.article.loadMany(shared.articleIds);
    return articles.filter((article): article is Article => article !== null && !(article instanceof Error));
  }
}
