import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { DataSource, Logger } from "typeorm";
import { parseDatabaseUrl, type DatabaseConfig } from "../../src/config";
import { openDataSource } from "../../src/datasource";
import { loadSeedData } from "../../src/services/seed-loader";

/**
 * The PostgreSQL database the suites run on when `TEST_DATABASE_URL` names one
 * (`postgres://user:password@127.0.0.1:5432/db`, as `npm run test:postgres` requires); SQLite otherwise.
 */
const POSTGRES_URL = process.env.TEST_DATABASE_URL || undefined;

/** True when the suites run on PostgreSQL (`TEST_DATABASE_URL` is set), false on SQLite. */
export const ON_POSTGRES = POSTGRES_URL !== undefined;

/** A private, empty database for one test or suite, and how to remove it afterwards. */
export interface TestDatabase {
  config: DatabaseConfig;
  /**
   * The same database as a `DATABASE_URL`, for child processes (the ingest and keys commands, `npm
   * start`): `postgres://…?schema=<its schema>`, or `sqlite:<file>` when opened `onDisk`. Without
   * `onDisk` on SQLite it is `sqlite::memory:`, which a child opens as a new, empty database.
   */
  url: string;
  /** Removes what the test stored (a second call does nothing); call after the data sources on it are destroyed. */
  drop(): Promise<void>;
}

/**
 * A private, empty database. On SQLite an in-memory one, or with `onDisk` a file in a new temporary
 * folder, which other connections and processes can open too (and which keeps a large corpus out
 * of memory). When `TEST_DATABASE_URL` names a PostgreSQL database, a schema of its own in it
 * whatever `onDisk` says, so suites running in parallel workers, and the SQLite and PostgreSQL
 * passes of CI, never see each other's rows. The role needs CREATE on the database.
 */
export async function openTestDatabase(options: { onDisk?: boolean } = {}): Promise<TestDatabase> {
  if (POSTGRES_URL) {
    const server = parseDatabaseUrl(POSTGRES_URL);
    if (server.kind !== "postgres") throw new Error(`TEST_DATABASE_URL must be a postgres:// URL, got "${POSTGRES_URL}"`);
    const schema = `test_${process.pid}_${randomBytes(6).toString("hex")}`;
    await withClient(POSTGRES_URL, (client) => client.query(`CREATE SCHEMA ${schema}`));
    const url = new URL(server.url);
    url.searchParams.set("schema", schema);
    return {
      config: { ...server, schema },
      url: url.toString(),
      drop: () => withClient(POSTGRES_URL, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)),
    };
  }
  if (!options.onDisk) return { config: { kind: "sqlite", file: ":memory:" }, url: "sqlite::memory:", drop: async () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-graph-db-"));
  const file = path.join(dir, "graph.sqlite");
  return { config: { kind: "sqlite", file }, url: `sqlite:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
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

/** A migrated data source on a private database of its own (see {@link openTestDatabase}). */
export interface TestDataSource {
  dataSource: DataSource;
  database: TestDatabase;
  /** Destroys the data source, then drops its database. */
  close(): Promise<void>;
}

/**
 * Opens a data source on a new private database, with the shipped `data/` loaded unless `seed` is
 * false; `logger` sees every statement (see StatementCounter), `onDisk` as in {@link openTestDatabase}.
 */
export async function openTestDataSource(options: { logger?: Logger; seed?: boolean; onDisk?: boolean } = {}): Promise<TestDataSource> {
  const database = await openTestDatabase({ onDisk: options.onDisk });
  let dataSource: DataSource | undefined;
  try {
    dataSource = await openDataSource(database.config, { logger: options.logger });
    if (options.seed !== false) await loadSeedData(dataSource);
  } catch (error) {
    await dataSource?.destroy();
    await database.drop();
    throw error;
  }
  const opened = dataSource;
  return {
    dataSource: opened,
    database,
    async close() {
      await opened.destroy();
      await database.drop();
    },
  };
}

/**
 * For a check only SQLite can make (its WAL journal, its integrity check, its file): true on
 * SQLite; on PostgreSQL false, after printing `SKIPPED on PostgreSQL: <why>` on stderr, so a run
 * shows what it did not check.
 */
export function sqliteOnly(why: string): boolean {
  if (!ON_POSTGRES) return true;
  process.stderr.write(`\nSKIPPED on PostgreSQL: ${why}\n`);
  return false;
}

/** `it` for a test only SQLite can run; skipped on PostgreSQL with a notice saying why (see {@link sqliteOnly}). */
export function itOnSqlite(name: string, why: string, test: jest.ProvidesCallback, timeout?: number): void {
  if (sqliteOnly(`"${name}": ${why}`)) it(name, test, timeout);
  else it.skip(name, test);
}

/** `it` for a test only PostgreSQL can run; skipped on SQLite with a notice saying why. */
export function itOnPostgres(name: string, why: string, test: jest.ProvidesCallback, timeout?: number): void {
  if (ON_POSTGRES) {
    it(name, test, timeout);
  } else {
    process.stderr.write(`\nSKIPPED on SQLite: "${name}": ${why}\n`);
    it.skip(name, test);
  }
}
