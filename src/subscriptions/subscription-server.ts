import type http from "node:http";
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { DataSource } from "typeorm";
import { WebSocketServer } from "ws";
import { createRequestContext } from "../context.type";
import { formatError } from "../format-error";
import { graphQLErrorOf } from "../limits/graphql-error-of";
import type { OperationLimits } from "../limits/operation-limits";
import type { ArticleEventHub } from "../services/article-events/article-event-hub";
import { DomainError } from "../services/errors";
import type { SubscriptionContext } from "./subscription-context";

/** Subscriptions one connection may hold open at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

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

/**
 * Serves subscriptions over the graphql-ws protocol on the HTTP server's `/graphql`, beside
 * Apollo's HTTP endpoint. Only subscriptions: queries and mutations go over HTTP, where every
 * protection of the service applies. Each operation passes the same limits as over HTTP (parse
 * tokens, validation rules, cost, see OperationLimits) before it is registered, and its API key
 * (the `Authorization` connection parameter, `Bearer <key>`) is checked when the connection opens
 * and again at each subscribe, so a revoked key opens nothing new.
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

  const webSocketServer = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: options.maxMessageBytes });
  const server = useServer<Record<string, unknown>>(
    {
      schema,
      isProd: options.production,
      async onConnect(socket) {
        try {
          await authenticate(socket);
          return true;
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          // 4401 with the reason, so the client learns why (graphql-ws's own refusal says only "Forbidden").
          socket.extra.socket.close(4401, error.message.slice(0, 120));
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
        let context;
        try {
          context = await authenticate(socket);
        } catch (error) {
          if (error instanceof GraphQLError) return [coded(error.message, String(error.extensions.code))];
          throw error;
        }
        const contextValue: SubscriptionContext = { ...context, articleEvents };
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext: (_socket, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(format) } : undefined),
      onError: (_socket, _id, _payload, errors) => errors.map(format),
    },
    webSocketServer,
  );
  return { dispose: async () => server.dispose() };
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
