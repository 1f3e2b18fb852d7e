import type http from "node:http";
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { DataSource } from "typeorm";
import { WebSocket, WebSocketServer } from "ws";
import { createRequestContext } from "../context.type";
import { formatError } from "../format-error";
import { graphQLErrorOf } from "../limits/graphql-error-of";
import type { OperationLimits } from "../limits/operation-limits";
import { ApiKeys } from "../services/api-keys";
import type { ArticleEventHub } from "../services/article-events/article-event-hub";
import { DomainError } from "../services/errors";
import { ApiKeyWatch, KEY_RECHECK_MS } from "./api-key-watch";
import { ConnectionKey, KEY_REVOKED_MESSAGE } from "./connection-key";
import type { SubscriptionContext } from "./subscription-context";

/** Subscriptions one connection may hold open at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

/**
 * The close code of a connection refused or ended for its API key (none, unknown, revoked):
 * graphql-ws's Unauthorized. Its clients treat 4401 as final and do not reconnect (4403 Forbidden
 * they retry, which would only knock again with a dead key), and hand the close event, code and
 * reason, to every open subscription's error callback.
 */
export const UNAUTHORIZED_CLOSE_CODE = 4401;

/**
 * How long a connection whose key was revoked stays open for its subscriptions' UNAUTHENTICATED
 * errors to be sent, at most; it closes as soon as they are.
 */
const REVOKED_CLOSE_GRACE_MS = 1_000;

/** What {@link attachSubscriptionServer} needs. */
export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  dataSource: DataSource;
  articleEvents: ArticleEventHub;
  production: boolean;
  requireApiKey: boolean;
  /** Largest message accepted, in bytes; the same bound as an HTTP request body. */
  maxMessageBytes: number;
  /** The limits HTTP requests get: tokens, depth, aliases, directives, repeated fields, cost. */
  limits: OperationLimits;
}

/** A subscription server attached to an HTTP server. */
export interface SubscriptionServer {
  /** Closes every connection (code 1001, "going away") and stops taking new ones. */
  dispose(): Promise<void>;
}

/** What the server keeps on each connection besides graphql-ws's own: the API key it was opened with. */
interface ConnectionExtra extends Record<PropertyKey, unknown> {
  key: ConnectionKey;
}

/**
 * Serves subscriptions over the graphql-ws protocol on the HTTP server's `/graphql`, beside
 * Apollo's HTTP endpoint. Only subscriptions: queries and mutations go over HTTP, where every
 * protection of the service applies. Each operation passes the same limits as over HTTP (parse
 * tokens, validation rules, cost, see OperationLimits) before it is registered, and its API key
 * (the `Authorization` connection parameter, `Bearer <key>`) is checked when the connection opens
 * and again at each subscribe, so a revoked key opens nothing new.
 *
 * A connection outlives any one check, so its key stays under watch (ApiKeyWatch, ConnectionKey):
 * read again from the database every {@link KEY_RECHECK_MS} and before an event goes out on a
 * confirmation older than that. Once revoked, anywhere, each of its subscriptions ends with an
 * UNAUTHENTICATED error and the socket closes with {@link UNAUTHORIZED_CLOSE_CODE}, so a revoked
 * key receives nothing more than KEY_RECHECK_MS (plus one read) after its revocation.
 * Errors reach the client with the same codes and masking as over HTTP.
 */
export function attachSubscriptionServer(httpServer: http.Server, options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, dataSource, articleEvents, limits } = options;
  const rules = [...specifiedRules, ...limits.validationRules];
  const shape = formatError(options.production);
  // An error with no code is a fault of the service, as Apollo marks it, so production masks it.
  const format = (error: GraphQLError) => {
    const formatted = error.toJSON();
    return shape(formatted.extensions?.code ? formatted : { ...formatted, extensions: { ...formatted.extensions, code: "INTERNAL_SERVER_ERROR" } }, error);
  };
  const authenticate = (socket: { connectionParams?: Readonly<Record<string, unknown>> }) =>
    createRequestContext(dataSource, authorizationOf(socket.connectionParams), { requireApiKey: options.requireApiKey });
  const keyWatch = new ApiKeyWatch(new ApiKeys(dataSource.manager), {
    recheckMs: KEY_RECHECK_MS,
    onError: (error) => process.stderr.write(`API key re-check: ${String(error)}; retrying\n`),
  });

  const webSocketServer = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: options.maxMessageBytes });
  const server = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema,
      isProd: options.production,
      async onConnect(socket) {
        try {
          const authenticatedAt = Date.now();
          const { viewer } = await authenticate(socket);
          // A socket that closed while its key was read has had its onClose: nothing to watch.
          if (viewer && socket.extra.socket.readyState === WebSocket.OPEN) {
            socket.extra.key = new ConnectionKey(viewer.keyId, keyWatch, authenticatedAt, () => closeRevoked(socket));
          }
          return true;
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          // 4401 with the reason, so the client learns why (graphql-ws's own refusal says only "Forbidden").
          socket.extra.socket.close(UNAUTHORIZED_CLOSE_CODE, error.message.slice(0, 120));
          return false;
        }
      },
      async onSubscribe(socket, _id, payload) {
        if (Object.keys(socket.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [coded(`a connection may hold at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions; complete one first`, "BAD_REQUEST")];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, limits.parseOptions);
        } catch (error) {
          return [coded(error instanceof Error ? error.message : String(error), "GRAPHQL_PARSE_FAILED")];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid.map((error) => coded(error.message, "GRAPHQL_VALIDATION_FAILED", error));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [coded("name the operation to run: the document has several, or none", "BAD_REQUEST")];
        if (operation.operation !== "subscription") {
          return [coded(`this WebSocket serves subscriptions; send a ${operation.operation} by HTTP POST to /graphql`, "BAD_REQUEST")];
        }
        try {
          limits.checkCost(schema, document, payload.variables ?? undefined, payload.operationName ?? undefined);
        } catch (error) {
          if (error instanceof DomainError) return [graphQLErrorOf(error, operation)];
          throw error;
        }
        const revoked = socket.extra.key?.revokedError;
        if (revoked) return [coded(revoked.message, revoked.code)];
        let context;
        try {
          context = await authenticate(socket);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          // The key failed here first (revoked since the last read): it ends the whole connection.
          socket.extra.key?.revoke();
          return [coded(error.message, String(error.extensions.code))];
        }
        const contextValue: SubscriptionContext = { ...context, articleEvents };
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onOperation: (socket, _id, _payload, _args, result) => (socket.extra.key && isAsyncIterable(result) ? socket.extra.key.checked(result) : undefined),
      onNext: (_socket, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(format) } : undefined),
      onError: (_socket, _id, _payload, errors) => errors.map(format),
      // Called once an operation's last message is sent, an UNAUTHENTICATED error included.
      onComplete: (socket) => {
        if (socket.extra.key?.revokedError && Object.keys(socket.subscriptions).length === 0) closeUnauthorized(socket.extra.socket);
      },
      onClose: (socket) => socket.extra.key?.release(),
    },
    webSocketServer,
  );
  return {
    dispose: async () => {
      keyWatch.stop();
      await server.dispose();
    },
  };
}

/**
 * Closes a connection whose key was revoked, once its subscriptions have sent their
 * UNAUTHENTICATED errors (see `onComplete`), or after {@link REVOKED_CLOSE_GRACE_MS} at most.
 */
function closeRevoked(connection: { subscriptions: Record<string, unknown>; extra: { socket: WebSocket } }): void {
  if (Object.keys(connection.subscriptions).length === 0) {
    closeUnauthorized(connection.extra.socket);
    return;
  }
  setTimeout(() => closeUnauthorized(connection.extra.socket), REVOKED_CLOSE_GRACE_MS).unref();
}

function closeUnauthorized(socket: WebSocket): void {
  if (socket.readyState === WebSocket.OPEN) socket.close(UNAUTHORIZED_CLOSE_CODE, KEY_REVOKED_MESSAGE);
}

function isAsyncIterable<T>(value: T | AsyncIterable<T>): value is AsyncIterable<T> {
  return typeof Object(value)[Symbol.asyncIterator] === "function";
}

/** The connection's `Authorization` parameter (any capitalisation), as the HTTP header would carry it. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const entry = Object.entries(params ?? {}).find(([name]) => name.toLowerCase() === "authorization");
  // Anything but a string cannot be a key; as text it fails the `Bearer <key>` check with a clear message.
  return entry === undefined ? undefined : String(entry[1]);
}

/**
 * The error with the code Apollo gives the same failure over HTTP; a limit's error keeps the
 * domain error behind it, whose own code (QUERY_TOO_COMPLEX) `formatError` then puts in place.
 */
function coded(message: string, code: string, source?: GraphQLError): GraphQLError {
  return new GraphQLError(message, { nodes: source?.nodes, originalError: source?.originalError, extensions: { ...source?.extensions, code } });
}
