import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { createContext, type Context } from "./context.type";
import { formatError } from "./format-error";

/** Largest request body accepted, in bytes; a larger one is refused before it is parsed. */
export const MAX_BODY_BYTES = 1_000_000;

/** Options of {@link startServer}. */
export interface ServerOptions {
  host: string;
  port: number;
  production: boolean;
}

/** A running server. */
export interface RunningServer {
  url: string;
  /** Stops taking requests, lets those in flight finish, and closes the server. */
  stop(): Promise<void>;
}

/**
 * Starts the HTTP server: GraphQL at `/graphql` (POST and GET, Apollo Sandbox as the landing page
 * outside production) and `GET /health`, which answers 200 only when the database does.
 */
export async function startServer(schema: GraphQLSchema, dataSource: DataSource, options: ServerOptions): Promise<RunningServer> {
  const httpServer = http.createServer();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError(options.production),
    includeStacktraceInErrorResponses: !options.production,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  httpServer.on("request", (request, response) => {
    handle(request, response, apollo, dataSource).catch((error: unknown) => {
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
    stop: () => apollo.stop(),
  };
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse, apollo: ApolloServer<Context>, dataSource: DataSource): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/health" && request.method === "GET") {
    const healthy = await dataSource.query("SELECT 1").then(() => true, () => false);
    response.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
    response.end(JSON.stringify({ status: healthy ? "ok" : "unavailable", database: healthy ? "ok" : "unreachable" }));
    return;
  }
  if (url.pathname !== "/graphql") {
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: `nothing at ${url.pathname}; the API is at /graphql` }));
    return;
  }

  const body = await readBody(request);
  if (body === null) {
    // Closing the connection spares reading the rest of an oversized body a client may still send.
    response.writeHead(413, { "content-type": "application/json", connection: "close" });
    response.end(JSON.stringify({ errors: [{ message: `request body over ${MAX_BODY_BYTES} bytes`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] }));
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
      response.writeHead(400, { "content-type": "application/json" });
      response.end(JSON.stringify({ errors: [{ message: "the request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] }));
      return;
    }
  }
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body: parsedBody },
    context: async () => createContext(dataSource),
  });
  response.statusCode = result.status ?? 200;
  for (const [name, value] of result.headers) response.setHeader(name, value);
  if (result.body.kind === "complete") {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
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
