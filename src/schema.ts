import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { ArticleResolver } from "./resolvers/article.resolver";
import { CoMentionEdgeResolver } from "./resolvers/co-mention-edge.resolver";
import { DashboardResolver } from "./resolvers/dashboard.resolver";
import { EntityResolver } from "./resolvers/entity.resolver";
import { NodeResolver } from "./resolvers/node.resolver";
import { OrganizationResolver } from "./resolvers/organization.resolver";
import { PersonResolver } from "./resolvers/person.resolver";
import { PhotoResolver } from "./resolvers/photo.resolver";
import { PlaceResolver } from "./resolvers/place.resolver";
import { RelatedCoverageEdgeResolver } from "./resolvers/related-coverage-edge.resolver";
import { SearchResolver } from "./resolvers/search.resolver";
import { TopicResolver } from "./resolvers/topic.resolver";

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
    ],
    validate: false,
  });
  // type-graphql has no option to describe the root type, and Sandbox shows it first.
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    query: new GraphQLObjectType({
      ...config.query!.toConfig(),
      description: "The content graph: stories and the people, places, organizations, topics and photos they touch. Start from `article`, `topic`, `person` or `place`, or list with `articles`.",
    }),
    types: config.types.filter((type) => type !== config.query),
  });
}

/** The schema as SDL, types sorted by name so the committed `schema.graphql` diffs cleanly. */
export async function printGraphSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphSchema()))}\n`;
}
