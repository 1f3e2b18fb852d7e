import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema, specifiedDirectives } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "./auth-checker";
import { cacheControlDirective } from "./cache-hints/cache-control";
import { ArticleMutationResolver } from "./resolvers/article-mutation.resolver";
import { ArticleResolver } from "./resolvers/article.resolver";
import { ArticleSubscriptionResolver } from "./resolvers/article-subscription.resolver";
import { CoMentionEdgeResolver } from "./resolvers/co-mention-edge.resolver";
import { DashboardResolver } from "./resolvers/dashboard.resolver";
import { EntityMutationResolver } from "./resolvers/entity-mutation.resolver";
import { EntityResolver } from "./resolvers/entity.resolver";
import { NodeResolver } from "./resolvers/node.resolver";
import { OrganizationResolver } from "./resolvers/organization.resolver";
import { PersonResolver } from "./resolvers/person.resolver";
import { PhotoResolver } from "./resolvers/photo.resolver";
import { PlaceResolver } from "./resolvers/place.resolver";
import { RelatedCoverageEdgeResolver } from "./resolvers/related-coverage-edge.resolver";
import { SearchResolver } from "./resolvers/search.resolver";
import { TopicResolver } from "./resolvers/topic.resolver";
import { feedOnlyPubSub } from "./subscriptions/feed-only-pub-sub";

/** Builds the executable schema from the type-graphql classes. */
export async function buildGraphSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      NodeResolver,
      EntityResolver,
      ArticleResolver,
      PersonResolver,
      PlaceResolver,
      OrganizationResolver,
      TopicResolver,
      PhotoResolver,
      SearchResolver,
      RelatedCoverageEdgeResolver,
      CoMentionEdgeResolver,
      DashboardResolver,
      ArticleSubscriptionResolver,
      ArticleMutationResolver,
      EntityMutationResolver,
    ],
    authChecker,
    // Declared so the `@cacheControl` hints on the classes are valid SDL (Apollo reads them for `cache-control`).
    directives: [...specifiedDirectives, cacheControlDirective],
    validate: false,
    pubSub: feedOnlyPubSub,
  });
  // type-graphql has no option to describe the root types, and Sandbox shows them first.
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    query: new GraphQLObjectType({
      ...config.query!.toConfig(),
      description: "The content graph: stories and the people, places, organizations, topics and photos they touch. Start from `article`, `topic`, `person` or `place`, or list with `articles`.",
    }),
    subscription: new GraphQLObjectType({
      ...config.subscription!.toConfig(),
      description: "Live updates over the graphql-ws protocol (WebSocket) at `/graphql`: stories as they are stored or changed, by any writer of the database.",
    }),
    mutation: new GraphQLObjectType({
      ...config.mutation!.toConfig(),
      description: "Writes, for newsroom tools. Every mutation needs an API key with the editor role or above, sent as `Authorization: Bearer <key>`.",
    }),
    types: config.types.filter((type) => type !== config.query && type !== config.subscription && type !== config.mutation),
  });
}

/** The schema as SDL, types sorted by name so the committed `schema.graphql` diffs cleanly. */
export async function printGraphSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphSchema()))}\n`;
}
