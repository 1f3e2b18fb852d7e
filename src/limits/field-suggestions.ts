import type { ApolloServerPlugin } from "@apollo/server";

/**
 * Drops GraphQL's "Did you mean ...?" hints from error messages. With introspection off they would
 * still spell out the schema one typo at a time, so the server uses this plugin whenever
 * introspection is disabled.
 */
export function hideFieldSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(/ Did you mean .+\?$/, "");
        },
      };
    },
  };
}
