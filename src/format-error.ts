import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { QueryFailedError } from "typeorm";
import { DomainError, InvalidInputError } from "./services/errors";

/**
 * Shapes every error a client sees. Domain errors, whether a resolver threw them or a check before
 * execution reported them (query limits, page arguments), keep their message and gain their code
 * (and the argument at fault); in production any other error thrown while resolving is masked, so no
 * internal detail or stack trace leaves the server.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof DomainError ? unwrapped.originalError : unwrapped;
    if (original instanceof DomainError) {
      return {
        ...formatted,
        message: original.message,
        extensions: {
          ...formatted.extensions,
          code: original.code,
          ...(original instanceof InvalidInputError && original.field ? { argument: original.field } : {}),
        },
      };
    }
    if (isNulInText(original)) {
      return { ...formatted, message: "text may not contain the NUL character (U+0000)", extensions: { ...formatted.extensions, code: "BAD_USER_INPUT" } };
    }
    if (production && formatted.extensions?.code === "INTERNAL_SERVER_ERROR") {
      return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    return formatted;
  };
}

/**
 * PostgreSQL refuses U+0000 in any text it is sent (SQLSTATE 22021), so a lookup by a slug or a
 * search with one fails there, where SQLite finds nothing: either way the client sent text no story
 * can hold (writes refuse it), and is told so.
 */
function isNulInText(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === "22021";
}
