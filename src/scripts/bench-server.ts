import "reflect-metadata";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { GraphQLInterfaceType, GraphQLObjectType, GraphQLUnionType, type GraphQLFieldResolver, type GraphQLSchema, type GraphQLTypeResolver } from "graphql";
import type { DataSource, Logger, QueryRunner } from "typeorm";
import type { DatabaseConfig } from "../config";
import { openDataSource } from "../datasource";
import { buildGraphSchema } from "../schema";
import { startServer } from "../server";

/**
 * The server side of `npm run bench`, run as a child process so the load generator in the parent
 * does not share its event loop. It serves the real server code (`startServer`) on 127.0.0.1, a
 * free port, in one of three modes, and talks to the parent over IPC:
 * - `database`: the schema as built, on the database named (an SQLite file or a PostgreSQL
 *   schema), with Apollo's response cache when `responseCache` is set (`RESPONSE_CACHE=true`).
 *   Between `record` and `recorded` it keeps every statement's result, for the ceiling;
 * - `ceiling`: all of the server code, resolvers, loaders, services and TypeORM included, with
 *   every statement answered from memory by the rows the `database` server's own run of it gave:
 *   the issue's "same server code from an in-memory copy of the data";
 * - `answer`: the same server, limits and plugins, on a schema whose every field returns its part
 *   of an answer given by the parent, so no service code runs either: the most the HTTP and
 *   GraphQL layers can serve.
 * SQL statements are counted by a TypeORM logger, and the parent asks for the count and the
 * process's peak resident memory when it wants them.
 */

/** What the parent sends. */
export type BenchServerRequest =
  | { type: "start"; mode: "database"; database: DatabaseConfig; responseCache: boolean }
  | { type: "start"; mode: "ceiling"; database: DatabaseConfig; results: RecordedResult[] }
  | { type: "start"; mode: "answer"; answers: Array<{ query: string; data: Record<string, unknown> }> }
  | { type: "record" }
  | { type: "recorded" }
  | { type: "stats" };

/** One statement (its text, parameters and result shape, as {@link statementKey} writes them) and what it returned. */
export type RecordedResult = [key: string, result: unknown];

/** What the child answers. */
export type BenchServerReply =
  | { type: "ready"; url: string }
  | { type: "stats"; statements: number; maxRssBytes: number }
  | { type: "recording" }
  | { type: "recorded"; results: RecordedResult[] }
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

/** A statement as the key of its recorded result: the same text, parameters and result shape give the same rows. */
function statementKey(query: string, parameters: unknown[] | undefined, structured: boolean | undefined): string {
  return JSON.stringify([query, parameters ?? [], structured === true]);
}

/**
 * Routes every statement of `dataSource`'s query runners through `intercept`, which may answer it
 * itself or call `run` to send it to the database. A statement answered without `run` never
 * reaches the database or its logger, so it is not counted.
 */
function interceptStatements(dataSource: DataSource, intercept: (key: string, run: () => Promise<unknown>) => Promise<unknown>): void {
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  // SQLite's driver hands out one runner again and again: it is wrapped once.
  const wrapped = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    if (wrapped.has(runner)) return runner;
    wrapped.add(runner);
    const query = runner.query.bind(runner);
    runner.query = (sql: string, parameters?: unknown[], structured?: boolean) =>
      intercept(statementKey(sql, parameters, structured), () => query(sql, parameters, structured as true)) as Promise<never>;
    return runner;
  };
}

/** The results kept between `record` and `recorded`; null when not recording. */
let recording: Map<string, unknown> | null = null;

/** Whether the server has started, so what reaches the database now comes from requests. */
let serving = false;

async function start(request: Extract<BenchServerRequest, { type: "start" }>, tally: StatementTally): Promise<string> {
  // The answer-only server still needs a database for the server's housekeeping (context, live
  // updates): an empty in-memory one, which no request touches. The ceiling opens the database
  // it replays, for its dialect and that housekeeping; its requests send nothing to it.
  const dataSource = await openDataSource(request.mode === "answer" ? { kind: "sqlite", file: ":memory:" } : request.database, { logger: tally });
  if (request.mode === "database") {
    interceptStatements(dataSource, async (key, run) => {
      const result = await run();
      recording?.set(key, result);
      return result;
    });
  } else if (request.mode === "ceiling") {
    const results = new Map(request.results);
    const unrecorded = new Set<string>();
    interceptStatements(dataSource, (key, run) => {
      // Answered in a later turn of the event loop, as a database's reply arrives: resolvers then
      // meet DataLoader's batches at the same points, so the batches hold the same keys as recorded.
      if (results.has(key)) return new Promise((resolve) => setImmediate(() => resolve(results.get(key))));
      // A request's statement whose text or parameters differ from run to run cannot be replayed:
      // say which. (The server's own statements at start-up, before any request, go through too.)
      if (serving && !unrecorded.has(key)) process.stderr.write(`bench ceiling: a statement not recorded goes to the database: ${key.length > 400 ? `${key.slice(0, 150)} … ${key.slice(-250)}` : key}\n`);
      unrecorded.add(key);
      return run();
    });
  }
  const built = await buildGraphSchema();
  const schema = request.mode === "answer" ? answeringFromMemory(built, new Map(request.answers.map(({ query, data }) => [query, data]))) : built;
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
  serving = true;
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
  if (message.type === "record") {
    recording = new Map();
    reply({ type: "recording" });
    return;
  }
  if (message.type === "recorded") {
    reply({ type: "recorded", results: [...(recording ?? new Map<string, unknown>())] });
    recording = null;
    return;
  }
  start(message, tally).then(
    (url) => reply({ type: "ready", url }),
    (error: unknown) => reply({ type: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on("disconnect", () => process.exit(0));
