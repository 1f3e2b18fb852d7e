import type { ApolloServerPlugin } from "@apollo/server";
import { DomainError } from "../services/errors";
import { graphQLErrorOf } from "./graphql-error-of";
import type { OperationLimits } from "./operation-limits";
import { QueryTooComplexError } from "./query-too-complex-error";

/**
 * Prices each operation once Apollo has parsed and validated it and before anything of it runs:
 * over `maxCost` (or with a page argument the field would refuse) it is answered with that error
 * and HTTP 400, having executed nothing. Every response whose operation was priced carries
 * `extensions.cost: { requested, limit }`, so clients see how much of their budget a query uses.
 */
export function limitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let requested: number | undefined;
      return {
        async didResolveOperation({ schema, document, request }) {
          try {
            requested = limits.checkCost(schema, document, request.variables, request.operationName ?? undefined);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            if (error instanceof QueryTooComplexError && error.limit === "cost") requested = error.found ?? undefined;
            throw graphQLErrorOf(error, undefined, { http: { status: 400 } });
          }
        },
        async willSendResponse({ response }) {
          if (requested === undefined || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { requested, limit: limits.config.maxCost } };
        },
      };
    },
  };
}
