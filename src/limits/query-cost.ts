import { GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";
import { getComplexity, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import { InvalidInputError } from "../services/errors";
import { toPageRequest } from "../services/pagination";
import { QueryTooComplexError } from "./query-too-complex-error";

/**
 * What a field costs before its selections, beyond the 1 every field costs: the fields that do
 * more than look rows up (full-text ranking, counting over every matching story, graph search).
 * Keyed `Type.field`; a test checks that each still names a field of the schema.
 */
export const FIELD_BASE_COSTS: Readonly<Record<string, number>> = {
  "Query.search": 10,
  "Query.facets": 50,
  "Query.trending": 25,
  "Query.connection": 25,
  "Query.coverageTimeline": 10,
  "Query.coMentions": 5,
  "Person.coMentions": 5,
  "Place.coMentions": 5,
  "Organization.coMentions": 5,
  "Topic.coMentions": 5,
  "Article.relatedCoverage": 5,
};

/** Evaluating more selections than this (through fragments) is refused outright, whatever they cost. */
const MAX_EVALUATED_SELECTIONS = 10_000;

/** The message graphql-query-complexity throws once it has evaluated more than its maximum of selections. */
const TOO_MANY_SELECTIONS = "Query exceeds the maximum allowed number of nodes.";

/**
 * How many times a field's selections are resolved, read from its arguments: a page's size for
 * Relay connections (`first` or `last`, else the default page size; arguments out of range or
 * malformed cursors are the BAD_USER_INPUT errors the field itself would raise), `first` for
 * other sized lists (`relatedCoverage`, `coMentions`, `facets`, `trending`), one per ID or
 * subject asked for (`nodes`, `coverageTimeline`), one per hop (`connection`), and 1 for
 * anything else: lists without a size argument (an article's people) count their selections once.
 */
function multiplier(args: Record<string, unknown>, argumentNames: ReadonlySet<string>): number {
  if (argumentNames.has("first") && argumentNames.has("last")) {
    return toPageRequest(args).size;
  }
  if (typeof args.first === "number") return Math.max(args.first, 0);
  if (Array.isArray(args.ids)) return args.ids.length;
  // A federation router's `_entities` resolves one object a representation.
  if (Array.isArray(args.representations)) return args.representations.length;
  if (argumentNames.has("entities") || argumentNames.has("topics")) {
    return (Array.isArray(args.entities) ? args.entities.length : 0) + (Array.isArray(args.topics) ? args.topics.length : 0);
  }
  if (typeof args.maxHops === "number") return Math.max(args.maxHops, 0);
  return 1;
}

/**
 * The cost model: every field costs 1 (plus its entry in {@link FIELD_BASE_COSTS}), and its
 * selections cost their own total times the field's {@link multiplier}. So
 * `articles(first: 20) { edges { node { headline people { name } } } }` costs
 * 1 + 20 × (1 + 1 + 1 + 1 + 1) = 101.
 */
export function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const base = 1 + (FIELD_BASE_COSTS[`${type.name}.${field.name}`] ?? 0);
  return base + multiplier(args, new Set(field.args.map((argument) => argument.name))) * childComplexity;
}

/**
 * The cost of the operation of `document` named `operationName` (or its only one) with these
 * variables, by {@link fieldCost}. Throws the field's own BAD_USER_INPUT error for page
 * arguments it would refuse, a BAD_USER_INPUT error for variables the operation cannot take,
 * and a QueryTooComplexError for a document that expands to more than 10,000 selections.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [fieldCost], maxQueryNodes: MAX_EVALUATED_SELECTIONS });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    if (error.message === TOO_MANY_SELECTIONS) {
      throw new QueryTooComplexError(`the query expands to more than ${MAX_EVALUATED_SELECTIONS} selections through its fragments`, "selections", MAX_EVALUATED_SELECTIONS, null);
    }
    throw new InvalidInputError(error.message);
  }
}
