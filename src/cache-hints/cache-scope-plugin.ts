import type { ApolloServerPlugin, GraphQLRequest } from "@apollo/server";

/** Options of {@link cacheScopePlugin}. */
export interface CacheScopeOptions {
  /** Every read needs an API key (`REQUIRE_API_KEY`): then no answer may be shared. */
  requireApiKey: boolean;
}

/**
 * Whether an answer to this request may be shared with other clients: not when it carries an API
 * key (what a key holder is served is theirs alone), nor when the service requires one for every read.
 */
export function mayShareAnswer(request: GraphQLRequest, requireApiKey: boolean): boolean {
  return !requireApiKey && (request.http?.headers.get("authorization") ?? "").trim() === "";
}

/** What Apollo sends for an answer that no cache may keep. */
const UNCACHEABLE = "no-store";

/**
 * Writes the `cache-control` header from the policy Apollo's cache-control plugin computes out of
 * the schema's `@cacheControl` hints (that plugin runs with `calculateHttpHeaders: false`),
 * narrowed by what the hints cannot see: a request that carries an API key is answered `private`
 * (a shared cache must not hand what a key holder was served to anyone else), as is every request
 * when the service requires a key; a mutation or subscription is never cacheable, even when it
 * returns types that are cacheable when read; nor is an answer with errors. A header Apollo set
 * itself (`PERSISTED_QUERY_NOT_FOUND` answers carry one) is left as it is.
 *
 * The scope is applied once execution is over: restricting the policy earlier would make Apollo's
 * plugin skip the hints of the fields altogether (it treats an already restricted policy as final).
 */
export function cacheScopePlugin(options: CacheScopeOptions): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, request, response, overallCachePolicy }) {
          if (response.http.headers.has("cache-control")) return;
          if (operation?.operation !== "query") overallCachePolicy.restrict({ maxAge: 0 });
          if (!mayShareAnswer(request, options.requireApiKey)) overallCachePolicy.restrict({ scope: "PRIVATE" });
          const policy = overallCachePolicy.policyIfCacheable();
          const cacheable = policy !== null && response.body.kind === "single" && response.body.singleResult.errors === undefined;
          response.http.headers.set("cache-control", cacheable ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : UNCACHEABLE);
        },
      };
    },
  };
}
