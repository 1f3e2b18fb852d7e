import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { cacheScopePlugin } from "./cache-hints/cache-scope-plugin";
import { responseCachePlugin } from "./cache-hints/response-cache-plugin";
import { createRequestContext, type Context } from "./context.type";
import { formatError } from "./format-error";
import { CorsPolicy } from "./limits/cors";
import { ExecutionTimeout } from "./limits/execution-timeout";
import { hideFieldSuggestionsPlugin } from "./limits/field-suggestions";
import { DEFAULT_LIMITS, type LimitsConfig } from "./limits/limits-config";
import { limitsPlugin } from "./limits/limits-plugin";
import { OperationLimits } from "./limits/operation-limits";
import { TimeoutError } from "./limits/timeout-error";
import { ArticleEventHub } from "./services/article-events/article-event-hub";
import { articleEventSourceFor } from "./services/article-events/article-event-source-for";
import { serveWebApp } from "./static-files";
import { attachSubscriptionServer } from "./subscriptions/subscription-server";

/** Largest request body accepted, in bytes; a larger one is refused before it is parsed. */
export const MAX_BODY_BYTES = 1_000_000;

/** Options of {@link startServer}. */
export interface ServerOptions {
  host: string;
  port: number;
  production: boolean;
  /**
   * The connection mutations write through, apart from `dataSource` so that readers never see a
   * write in progress; by default `dataSource` itself (an in-memory database has one connection).
   */
  writer?: DataSource;
  /** Require an API key for reads too (see `REQUIRE_API_KEY`); writes always need one. */
  requireApiKey?: boolean;
  /**
   * How often live updates read the database for new events, in milliseconds: on SQLite the poll
   * (default 250); on PostgreSQL, where a notification wakes the reader as each writer commits,
   * the safety poll (default 5,000). See `EVENT_POLL_INTERVAL_MS`.
   */
  eventPollIntervalMs?: number;
  /** What one operation may ask for and how long a request may run (default {@link DEFAULT_LIMITS}). */
  limits?: LimitsConfig;
  /** Browser origins allowed to call the API from their pages (default none; `*` for any). */
  corsOrigins?: string[];
  /** Whether introspection is answered (default true, so Sandbox and GraphiQL work). */
  introspection?: boolean;
  /** Answer repeated public queries from memory for their max-age (see `RESPONSE_CACHE`); default off. */
  responseCache?: boolean;
}

/** What guards each HTTP request besides Apollo's own checks. */
interface RequestGuards {
  cors: CorsPolicy;
  timeout: ExecutionTimeout;
}

/** A running server. */
export interface RunningServer {
  url: string;
  /** The server's live updates: one database reader, fanned out to this process's subscribers. */
  articleEvents: ArticleEventHub;
  /** Stops taking requests, lets those in flight finish, and closes the server. */
  stop(): Promise<void>;
}

/**
 * Starts the HTTP server: GraphQL at `/graphql` (POST and GET, Apollo Sandbox as the landing page
 * outside production), `GET /health`, which answers 200 only when the database does, and the
 * built web apps at `/dashboard` and `/graphiql` (see {@link serveWebApp}).
 */
export async function startServer(schema: GraphQLSchema, dataSource: DataSource, options: ServerOptions): Promise<RunningServer> {
  const httpServer = http.createServer();
  const articleEvents = new ArticleEventHub(
    articleEventSourceFor(dataSource, {
      pollIntervalMs: options.eventPollIntervalMs,
      onError: (error) => process.stderr.write(`live updates: ${String(error)}; retrying\n`),
    }),
  );
  const limits = new OperationLimits(options.limits ?? DEFAULT_LIMITS);
  const subscriptions = attachSubscriptionServer(httpServer, {
    schema,
    dataSource,
    articleEvents,
    production: options.production,
    requireApiKey: options.requireApiKey ?? false,
    maxMessageBytes: MAX_BODY_BYTES,
    limits,
  });
  const introspection = options.introspection ?? true;
  const guards: RequestGuards = { cors: new CorsPolicy(options.corsOrigins ?? []), timeout: new ExecutionTimeout(limits.config.timeoutMs) };
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError(options.production),
    includeStacktraceInErrorResponses: !options.production,
    // main.ts stops the server on SIGTERM and SIGINT itself. Apollo's own handlers would call
    // stop() a second time, and a second caller of stop() waits for ever (Apollo 5.5 never
    // resolves its stop barrier on success), so `npm start` hung on SIGTERM outside NODE_ENV=test.
    stopOnTerminationSignals: false,
    introspection,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    // Automatic persisted queries (on by default in Apollo, stated here): a client sends a query's
    // SHA-256 alone, by GET so a CDN can cache the answer, and the text only when it is unknown.
    // The texts live in Apollo's default cache, an in-process LRU bounded at 30 MiB.
    cache: "bounded",
    persistedQueries: {},
    plugins: [
      // The `cache-control` header: the shortest `@cacheControl` age of what the answer holds,
      // 0 (`no-store`) for anything not hinted, narrowed by who asks and what the operation is.
      ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: false }),
      cacheScopePlugin({ requireApiKey: options.requireApiKey ?? false }),
      ...(options.responseCache ? [responseCachePlugin({ requireApiKey: options.requireApiKey ?? false })] : []),
      limitsPlugin(limits),
      guards.timeout.plugin(),
      ...(introspection ? [] : [hideFieldSuggestionsPlugin()]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's documented way to stop a WebSocket server with the HTTP one: at drain time.
      { serverWillStart: async () => ({ drainServer: () => subscriptions.dispose() }) },
    ],
  });
  await apollo.start();
  await articleEvents.start();

  httpServer.on("request", (request, response) => {
    handle(request, response, apollo, dataSource, options, guards).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ errors: [{ message: options.production ? "Internal server error" : String(error) }] }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const address = httpServer.address() as AddressInfo;
  return {
    url: `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}/graphql`,
    articleEvents,
    stop: async () => {
      await apollo.stop();
      await articleEvents.stop();
    },
  };
}

async function handle(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  apollo: ApolloServer<Context>,
  dataSource: DataSource,
  options: ServerOptions,
  guards: RequestGuards,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/health" && request.method === "GET") {
    const healthy = await dataSource.query("SELECT 1").then(() => true, () => false);
    response.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
    response.end(JSON.stringify({ status: healthy ? "ok" : "unavailable", database: healthy ? "ok" : "unreachable" }));
    return;
  }
  if (await serveWebApp(request, response, url.pathname)) return;
  if (url.pathname !== "/graphql") {
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: `nothing at ${url.pathname}; the API is at /graphql` }));
    return;
  }

  const origin = request.headers.origin;
  for (const [name, value] of Object.entries(guards.cors.headersFor(origin))) response.setHeader(name, value);
  if (request.method === "OPTIONS") {
    answerOptions(request, response, guards.cors);
    return;
  }

  const body = await readBody(request);
  if (body === null) {
    // Closing the connection spares reading the rest of an oversized body a client may still send.
    refuse(response, 413, "PAYLOAD_TOO_LARGE", `request body over ${MAX_BODY_BYTES} bytes`, { connection: "close" });
    return;
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  let parsedBody: unknown = body;
  if (body.length > 0 && (headers.get("content-type") ?? "").startsWith("application/json")) {
    try {
      parsedBody = JSON.parse(body);
    } catch {
      refuse(response, 400, "BAD_REQUEST", "the request body is not valid JSON");
      return;
    }
  }
  if (Array.isArray(parsedBody)) {
    // One operation per request keeps every limit per request; a batch would multiply them.
    refuse(response, 400, "BATCHING_NOT_SUPPORTED", `send one operation per request; a batch of ${parsedBody.length} is refused`);
    return;
  }
  let result;
  try {
    result = await guards.timeout.run((track) =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body: parsedBody },
        context: async () => track(await createRequestContext(dataSource, request.headers.authorization, { requireApiKey: options.requireApiKey ?? false, writer: options.writer })),
      }),
    );
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    refuse(response, 503, error.code, error.message);
    return;
  }
  response.statusCode = result.status ?? 200;
  for (const [name, value] of result.headers) response.setHeader(name, value);
  if (result.body.kind === "complete") {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/**
 * Answers `OPTIONS /graphql`: a CORS preflight from an allowed origin gets the methods and headers
 * the API takes; one from any other origin is refused, so the browser never sends the request;
 * a plain OPTIONS learns the methods.
 */
function answerOptions(request: http.IncomingMessage, response: http.ServerResponse, cors: CorsPolicy): void {
  const origin = request.headers.origin;
  if (origin === undefined || request.headers["access-control-request-method"] === undefined) {
    response.writeHead(204, { allow: "GET, POST, OPTIONS" });
    response.end();
    return;
  }
  if (!cors.allows(origin)) {
    refuse(response, 403, "ORIGIN_NOT_ALLOWED", `pages from ${origin} may not call this API (see CORS_ORIGINS)`);
    return;
  }
  response.writeHead(204, cors.preflightHeadersFor(origin));
  response.end();
}

/** Answers with a GraphQL-shaped error that Apollo never saw: a status, a code and a message. */
function refuse(response: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The request body as text, or null when it exceeds {@link MAX_BODY_BYTES}. */
async function readBody(request: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
