import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import ApolloServerPluginResponseCache from "@apollo/server-plugin-response-cache";
import type { Context } from "../context.type";
import { mayShareAnswer } from "./cache-scope-plugin";

/** Options of {@link responseCachePlugin}. */
export interface ResponseCacheOptions {
  /** Every read needs an API key (`REQUIRE_API_KEY`): then every answer is private and none is kept. */
  requireApiKey: boolean;
}

/**
 * Apollo's full response cache (`@apollo/server-plugin-response-cache`), on with
 * `RESPONSE_CACHE=true`: a second identical query (same text, operation name and variables, by
 * POST or by a hashed GET) is answered from memory without executing, for as long as the answer's
 * `@cacheControl` max-age, which becomes the entry's TTL, so no process serves an answer older than
 * the age its `cache-control` header promised (a hit carries an `age` header, so a CDN behind it
 * counts the time already spent).
 *
 * Only what any cache may share is kept, the rule `cacheScopePlugin` writes into the header: a
 * request with an `Authorization` header (or any request when the service requires a key) neither
 * reads nor writes the cache, so a key holder is never served, and never leaves behind, a shared
 * answer; the plugin itself keeps only queries (never a mutation), only answers without errors,
 * and only those whose policy is cacheable and public.
 *
 * Entries live in the server's own cache (`cache: "bounded"`: an in-process LRU of 30 MiB that the
 * persisted query texts share, under another key prefix). Each process keeps its own, so stateless
 * replicas need nothing in common; a story edited within its max-age shows once that age has run
 * out, as it does behind a CDN.
 */
export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin<Context> {
  const shared = async ({ request }: GraphQLRequestContext<Context>): Promise<boolean> => mayShareAnswer(request, options.requireApiKey);
  return ApolloServerPluginResponseCache<Context>({ shouldReadFromCache: shared, shouldWriteToCache: shared });
}
