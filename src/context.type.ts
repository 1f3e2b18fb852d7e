import { GraphQLError } from "graphql";
import type { DataSource, EntityManager } from "typeorm";
import { Loaders } from "./loaders";
import { ApiKeys, type Viewer } from "./services/api-keys";

/** What every resolver of one request shares: the database, that request's loaders, and who is asking. */
export interface Context {
  /** Where reads go. */
  manager: EntityManager;
  /**
   * Where writes go: a connection of their own on a database file, so that a reader never sees a
   * write transaction in progress (SQLite shows one connection's open transaction to every
   * statement run on it). The same as `manager`'s on an in-memory database, which has only one.
   */
  writer: DataSource;
  loaders: Loaders;
  /** The holder of the request's API key; null for an anonymous request. */
  viewer: Viewer | null;
}

/**
 * A fresh context for one request; its loaders cache nothing beyond it. Without a viewer the
 * request is anonymous: it may read (unless the service requires a key) and not write.
 */
export function createContext(dataSource: DataSource, viewer: Viewer | null = null, writer: DataSource = dataSource): Context {
  return { manager: dataSource.manager, writer, loaders: new Loaders(dataSource.manager), viewer };
}

/**
 * The context of an HTTP request, its `Authorization: Bearer <key>` header checked against the
 * stored keys on every request (nothing is cached, so a revoked key fails at once). A header that
 * is malformed or names no live key, or no header when `requireApiKey` is set, fails the whole
 * request with UNAUTHENTICATED and HTTP 401: a client sending a bad key is told so rather than
 * quietly served as anonymous.
 */
export async function createRequestContext(
  dataSource: DataSource,
  authorization: string | undefined,
  options: { requireApiKey: boolean; writer?: DataSource },
): Promise<Context> {
  if (authorization === undefined || authorization.trim() === "") {
    if (options.requireApiKey) throw unauthenticated("this service requires an API key: send Authorization: Bearer <key>");
    return createContext(dataSource, null, options.writer);
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  if (!bearer) throw unauthenticated("the Authorization header must be `Bearer <API key>`");
  const viewer = await new ApiKeys(dataSource.manager).authenticate(bearer[1]);
  if (!viewer) throw unauthenticated("the API key is unknown or has been revoked");
  return createContext(dataSource, viewer, options.writer);
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: new Map([["www-authenticate", 'Bearer realm="content-graph"']]) } },
  });
}
