import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { Kind, parse, visit, type ConstDirectiveNode, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { createResolversMap } from "type-graphql";
import type { Context } from "../context.type";
import { loadNode } from "../resolvers/load-node";
import { buildGraphSchema } from "../schema";
import { InvalidInputError, NotFoundError } from "../services/errors";
import { NODE_TYPES, type NodeType } from "../services/global-id";
import { MAX_PAGE_SIZE } from "../services/pagination";

/** The Apollo Federation version the subgraph declares; 2.3 is understood by every Federation 2 router in use. */
export const FEDERATION_SPEC_URL = "https://specs.apollo.dev/federation/v2.3";

/** The resolver map `buildSubgraphSchema` takes (its type is not exported by @apollo/subgraph). */
type SubgraphResolvers = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>["resolvers"];

/** `@key(fields: "id")`: a router asks for any object with a global ID by that ID alone. */
const KEY_DIRECTIVE: ConstDirectiveNode = {
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: "key" },
  arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "fields" }, value: { kind: Kind.STRING, value: "id" } }],
};

/** What a router sends to `_entities` for each object it wants from this subgraph. */
interface EntityRepresentation {
  __typename: string;
  id?: unknown;
}

/**
 * The graph as an Apollo Federation 2 subgraph (`FEDERATION=true`): the same types, fields and
 * resolvers as {@link buildGraphSchema}, with `@key(fields: "id")` on every type that has a
 * global ID (Article, Person, Place, Organization, Topic, Photo), `_service { sdl }` and
 * `_entities(representations:)`. A representation's `id` is the global ID the type's `id` field
 * gives, so a router joins on it unchanged. The default schema stays free of federation.
 */
export async function buildSubgraphGraphSchema(): Promise<GraphQLSchema> {
  const schema = await buildGraphSchema();
  // type-graphql's resolvers as a plain map (the shape buildSubgraphSchema takes), plus the
  // `__resolveReference` of each keyed type, which `_entities` calls per representation.
  const resolvers: Record<string, object> = { ...createResolversMap(schema) };
  for (const type of NODE_TYPES) {
    resolvers[type] = { ...resolvers[type], __resolveReference: (reference: EntityRepresentation, context: Context) => resolveReference(type, reference, context) };
  }
  const subgraph = buildSubgraphSchema({ typeDefs: subgraphTypeDefs(schema), resolvers: resolvers as SubgraphResolvers });
  boundRepresentations(subgraph);
  return subgraph;
}

/** The SDL of `schema` with the federation `@link` and a `@key` on each type with a global ID. */
function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  const keyed = new Set<string>(NODE_TYPES);
  const document = visit(parse(printSchemaWithDirectives(schema)), {
    ObjectTypeDefinition(node) {
      if (!keyed.has(node.name.value)) return undefined;
      return { ...node, directives: [...(node.directives ?? []), KEY_DIRECTIVE] };
    },
  });
  const link = parse(`extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ["@key"])`);
  return { kind: Kind.DOCUMENT, definitions: [...link.definitions, ...document.definitions] };
}

/**
 * Resolves one representation through the request's loaders, so the representations of one
 * `_entities` call cost one statement per table (stories, entities, photos) whatever their
 * number. An ID that names nothing, or a deleted story, gives null, as a router expects of an
 * entity this subgraph does not have; a merged entity's old ID gives the entity it was merged
 * into. A malformed ID, or the ID of another type than the representation's, is BAD_USER_INPUT
 * (and null at its position): the router sent something this subgraph never issued.
 */
async function resolveReference(type: NodeType, reference: EntityRepresentation, context: Context) {
  if (typeof reference.id !== "string") throw new InvalidInputError(`a ${type} representation needs its global ID as a string in "id"`, "representations");
  try {
    const node = await loadNode(context, reference.id, [type]);
    return node.nodeType === type ? node : null;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * Refuses more than {@link MAX_PAGE_SIZE} representations in one `_entities` call, as `nodes`
 * refuses more IDs: the cost limit counts an `_entities` selection once, not once per representation.
 */
function boundRepresentations(subgraph: GraphQLSchema): void {
  const entities = subgraph.getQueryType()!.getFields()._entities;
  const resolve = entities.resolve as GraphQLFieldResolver<unknown, Context, { representations: EntityRepresentation[] }>;
  entities.resolve = (source, args, context, info) => {
    if (args.representations.length > MAX_PAGE_SIZE) {
      throw new InvalidInputError(`representations may hold at most ${MAX_PAGE_SIZE} objects, got ${args.representations.length}`, "representations");
    }
    return resolve(source, args, context, info);
  };
}
