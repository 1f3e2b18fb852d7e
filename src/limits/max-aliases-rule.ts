import type { ValidationRule } from "graphql";
import { foldSelections } from "./fold-selections";
import { graphQLErrorOf } from "./graphql-error-of";
import { QueryTooComplexError } from "./query-too-complex-error";

/**
 * Rejects an operation with more than `max` aliases, counted through fragments (a fragment spread
 * twice counts its aliases twice). Aliases are how one request asks for the same expensive field
 * a hundred times over, or batches guesses (a login or ID per alias).
 */
export function maxAliasesRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const aliases = foldSelections(context, operation.selectionSet, { field: (node, inner) => (node.alias ? 1 : 0) + inner, combine: (a, b) => a + b });
      if (aliases > max) {
        context.reportError(graphQLErrorOf(new QueryTooComplexError(`the query uses ${aliases} aliases; at most ${max} are allowed`, "aliases", max, aliases), operation));
      }
    },
  });
}
