import type { ValidationRule } from "graphql";
import { foldSelections } from "./fold-selections";
import { graphQLErrorOf } from "./graphql-error-of";
import { QueryTooComplexError } from "./query-too-complex-error";

/**
 * Rejects an operation whose fields nest deeper than `max`, counted through fragments, so a
 * query cannot walk `article { topics { articles { ... } } }` twenty levels down. Introspection
 * counts too: GraphQL's own rule bounds how often `fields`, `interfaces`, `possibleTypes` and
 * `inputFields` nest, and this one bounds `ofType` chains.
 */
export function maxDepthRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = foldSelections(context, operation.selectionSet, { field: (_, inner) => 1 + inner, combine: Math.max });
      if (depth > max) {
        context.reportError(graphQLErrorOf(new QueryTooComplexError(`the query nests ${depth} fields deep; at most ${max} are allowed`, "depth", max, depth), operation));
      }
    },
  });
}
