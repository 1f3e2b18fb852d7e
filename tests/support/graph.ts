import { randomBytes } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { Client } from "pg";
import type { DataSource, Logger } from "typeorm";
import { parseDatabaseUrl, type DatabaseConfig } from "../../src/config";
import { createContext, type Context } from "../../src/context.type";
import { openDataSource } from "../../src/datasource";
import { formatError } from "../../src/format-error";
import { buildGraphSchema } from "../../src/schema";
import { loadSeedData } from "../../src/services/seed-loader";

/** Counts the SQL statements TypeORM sends, so tests can assert how many a query costs. */
export class StatementCounter implements Logger {
  statements: string[] = [];
  logQuery(query: string): void {
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** A graph on a private in-memory database with the shipped data loaded, and a way to query it. */
export interface TestGraph {
  dataSource: DataSource;
  counter: StatementCounter;
  /** Runs an operation as a client would and returns its result; `errors` is undefined on success. */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T | null; errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }> }>;
  close(): Promise<void>;
}

/** A private, empty database for one test, and how to remove it afterwards. */
export interface TestDatabase {
  config: DatabaseConfig;
  /** Removes what the test stored; call after the data sources on it are destroyed. */
  drop(): Promise<void>;
}

/**
 * A private, empty database: in-memory SQLite, or, when `TEST_DATABASE_URL` names a PostgreSQL
 * database (`postgres://user:password@127.0.0.1:5432/db`), a schema of its own in it, so suites
 * running in parallel workers never see each other's rows. The role needs CREATE on the database.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { config: { kind: "sqlite", file: ":memory:" }, drop: async () => {} };
  const server = parseDatabaseUrl(url);
  if (server.kind !== "postgres") throw new Error(`TEST_DATABASE_URL must be a postgres:// URL, got "${url}"`);
  const schema = `test_${process.pid}_${randomBytes(6).toString("hex")}`;
  await withClient(url, (client) => client.query(`CREATE SCHEMA ${schema}`));
  return {
    config: { ...server, schema },
    drop: () => withClient(url, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`)),
  };
}

async function withClient(url: string, use: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}

/** Opens a fresh graph on a private database (see {@link openTestDatabase}) loaded with `data/`. */
export async function openTestGraph(): Promise<TestGraph> {
  const counter = new StatementCounter();
  const database = await openTestDatabase();
  const dataSource = await openDataSource(database.config, { logger: counter }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  await loadSeedData(dataSource);
  const server = new ApolloServer<Context>({ schema: await buildGraphSchema(), formatError: formatError(false) });
  await server.start();
  return {
    dataSource,
    counter,
    async query(query, variables) {
      const response = await server.executeOperation({ query, variables }, { contextValue: createContext(dataSource) });
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return response.body.singleResult as never;
    },
    async close() {
      await server.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
