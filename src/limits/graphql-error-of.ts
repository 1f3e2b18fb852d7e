import { GraphQLError, type ASTNode } from "graphql";
import type { DomainError } from "../services/errors";
import { QueryTooComplexError } from "./query-too-complex-error";

/**
 * A domain error raised outside any resolver (while validating or costing an operation) as the
 * GraphQLError that reports it: pointing at `nodes`, carrying a limit's details and any `extra`
 * extensions. `src/format-error.ts` adds the code, as it does for errors of resolvers.
 */
export function graphQLErrorOf(error: DomainError, nodes?: ASTNode | ReadonlyArray<ASTNode>, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(error.message, {
    nodes,
    originalError: error,
    extensions: { ...(error instanceof QueryTooComplexError ? error.details : {}), ...extra },
  });
}
