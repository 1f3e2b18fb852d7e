import "reflect-metadata";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { GraphQLInterfaceType, GraphQLObjectType, GraphQLUnionType, type GraphQLFieldResolver, type GraphQLSchema, type GraphQLTypeResolver } from "graphql";
import type { Logger } from "typeorm";
import type { DatabaseConfig } from "../config";
import { openDataSource } from "../datasource";
import { buildGraphSchema } from "../schema";
import { startServer } from "../server";

/**
 * The server side of `npm run bench`, run as a child process so the load generator in the parent
 * does not share its event loop. It serves the real server code (`startServer`) on 127.0.0.1, a
 * free port, in one of two modes, and talks to the parent over IPC:
 * - `database`: the schema as built, on the database named (an SQLite file or a PostgreSQL
 *   schema), with Apollo's response cache when `responseCache` is set (`RESPONSE_CACHE=true`);
 * - `ceiling`: the same server, limits and plugins, on a schema whose every field returns its part
 *   of an answer given by the parent (read from the `database` server beforehand), so nothing
 *   touches a database or service code: the most the HTTP and GraphQL layers can serve.
 * SQL statements are counted by a TypeORM logger, and the parent asks for the count and the
 * process's peak resident memory when it wants them.
 */

/** What the parent sends. */
export type BenchServerRequest =
  | { type: "start"; mode: "database"; database: DatabaseConfig; responseCache: boolean }
  | { type: "start"; mode: "ceiling"; answers: Array<{ query: string; data: Record<string, unknown> }> }
  | { type: "stats" };

/** What the child answers. */
export type BenchServerReply =
  | { type: "ready"; url: string }
  | { type: "stats"; statements: number; maxRssBytes: number }
  | { type: "failed"; error: string };

/** Counts statements only: the cheapest logger that still sees every one. */
class StatementTally implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * The schema with every query field answered from `answers` (keyed by the operation's text), each
 * object's type read from its `__typename`: execution, validation, limits and serialisation run as
 * usual, data access does not. Mutations and subscriptions keep their resolvers (never called).
 */
function answeringFromMemory(schema: GraphQLSchema, answers: Map<string, Record<string, unknown>>): GraphQLSchema {
  const typeOf: GraphQLTypeResolver<unknown, unknown> = (value) => (value as { __typename?: string }).__typename;
  const fromSource: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => (source as Record<string, unknown>)[info.path.key as string];
  const fromAnswer: GraphQLFieldResolver<unknown, unknown> = (_source, _args, _context, info) => answers.get(info.operation.loc?.source.body ?? "")?.[info.path.key as string];
  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => new GraphQLObjectType({ ...type.toConfig(), isTypeOf: undefined }),
    [MapperKind.INTERFACE_TYPE]: (type) => new GraphQLInterfaceType({ ...type.toConfig(), resolveType: typeOf }),
    [MapperKind.UNION_TYPE]: (type) => new GraphQLUnionType({ ...type.toConfig(), resolveType: typeOf }),
    [MapperKind.MUTATION_ROOT_FIELD]: (field) => field,
    [MapperKind.SUBSCRIPTION_ROOT_FIELD]: (field) => field,
    [MapperKind.QUERY_ROOT_FIELD]: (field) => ({ ...field, resolve: fromAnswer }),
    [MapperKind.COMPOSITE_FIELD]: (field) => ({ ...field, resolve: fromSource }),
  });
}

async function start(request: Extract<BenchServerRequest, { type: "start" }>, tally: StatementTally): Promise<string> {
  // The ceiling still needs a database for the server's housekeeping (context, live updates):
  // an empty in-memory one, which no request touches.
  const dataSource = await openDataSource(request.mode === "database" ? request.database : { kind: "sqlite", file: ":memory:" }, { logger: tally });
  const built = await buildGraphSchema();
  const schema = request.mode === "database" ? built : answeringFromMemory(built, new Map(request.answers.map(({ query, data }) => [query, data])));
  // No subscriber is benchmarked: polling for live updates once an hour keeps its statements out of the counts.
  const server = await startServer(schema, dataSource, {
    host: "127.0.0.1",
    port: 0,
    production: true,
    eventPollIntervalMs: 3_600_000,
    responseCache: request.mode === "database" && request.responseCache,
  });
  process.once("SIGTERM", () => {
    void server.stop().then(() => dataSource.destroy()).finally(() => process.exit(0));
  });
  return server.url;
}

function reply(message: BenchServerReply): void {
  process.send?.(message);
}

const tally = new StatementTally();
process.on("message", (message: BenchServerRequest) => {
  if (message.type === "stats") {
    reply({ type: "stats", statements: tally.count, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
    return;
  }
  start(message, tally).then(
    (url) => reply({ type: "ready", url }),
    (error: unknown) => reply({ type: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on("disconnect", () => process.exit(0));
