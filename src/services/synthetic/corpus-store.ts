import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import type { DatabaseConfig } from "../../config";

/** A database the store holds, as the data source opens it and as a child process's `DATABASE_URL`. */
export interface StoredDatabase {
  config: DatabaseConfig;
  url: string;
}

/** Where a {@link CorpusStore} keeps its databases. */
export type CorpusStoreTarget = { kind: "sqlite"; dir: string } | { kind: "postgres"; url: string };

/**
 * The benchmark's prepared corpora, each made once under a name that says what it holds (size,
 * seed, generator version) and reused by later runs: SQLite files in a folder, or schemas of one
 * PostgreSQL database (`bench_<name>`), the kind being the only difference. A corpus counts as
 * made only once {@link complete} has stored its record, written last (the SQLite file renamed
 * from its `.partial` name and a `.json` beside it; a JSON comment on the schema), so a load that
 * was interrupted is never mistaken for a whole one: {@link begin} throws it away and starts again.
 */
export class CorpusStore {
  constructor(private readonly target: CorpusStoreTarget) {}

  /** What the corpora are stored in, for the benchmark's report ("SQLite", "PostgreSQL 15.18"). */
  async describe(): Promise<string> {
    if (this.target.kind === "sqlite") return "SQLite";
    const [{ server_version: version }] = await this.run<{ server_version: string }>("SHOW server_version");
    return `PostgreSQL ${version.split(" ")[0]}`;
  }

  /** The complete corpus called `name` with the record stored when it was made, or null when there is none. */
  async find<Record>(name: string): Promise<{ database: StoredDatabase; record: Record } | null> {
    if (this.target.kind === "sqlite") {
      const file = this.sqliteFile(name);
      if (!fs.existsSync(file) || !fs.existsSync(`${file}.json`)) return null;
      return { database: sqlite(file), record: JSON.parse(fs.readFileSync(`${file}.json`, "utf8")) as Record };
    }
    const schema = schemaName(name);
    const rows = await this.run<{ record: string | null }>(`SELECT obj_description(oid, 'pg_namespace') AS record FROM pg_namespace WHERE nspname = $1`, [schema]);
    const record = rows[0]?.record;
    return record ? { database: this.postgres(schema), record: JSON.parse(record) as Record } : null;
  }

  /** An empty database to make the corpus `name` in, in place of whatever an interrupted run left. */
  async begin(name: string): Promise<StoredDatabase> {
    if (this.target.kind === "sqlite") {
      const partial = `${this.sqliteFile(name)}.partial`;
      for (const stale of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(stale, { force: true });
      fs.mkdirSync(this.target.dir, { recursive: true });
      return sqlite(partial);
    }
    const schema = schemaName(name);
    await this.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await this.run(`CREATE SCHEMA ${schema}`);
    return this.postgres(schema);
  }

  /**
   * Marks the corpus `name` made, with `record` (what making it cost), once every connection to
   * the database {@link begin} gave is closed; returns where it now is.
   */
  async complete(name: string, record: unknown): Promise<StoredDatabase> {
    const text = JSON.stringify(record);
    if (this.target.kind === "sqlite") {
      const file = this.sqliteFile(name);
      fs.renameSync(`${file}.partial`, file);
      fs.writeFileSync(`${file}.json`, text);
      return sqlite(file);
    }
    const schema = schemaName(name);
    await this.withClient(async (client) => {
      // What an operator runs after a bulk load: fresh planner statistics, and the visibility map
      // that lets index-only scans skip the table. Autovacuum would get there, but not before the
      // bench measures.
      const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = $1`, [schema]);
      for (const { tablename } of rows) await client.query(`VACUUM (ANALYZE) ${schema}.${client.escapeIdentifier(tablename)}`);
      await client.query(`COMMENT ON SCHEMA ${schema} IS ${client.escapeLiteral(text)}`);
    });
    return this.postgres(schema);
  }

  private sqliteFile(name: string): string {
    if (this.target.kind !== "sqlite") throw new Error("not an SQLite store");
    return path.join(this.target.dir, `${name}.sqlite`);
  }

  private get serverUrl(): string {
    if (this.target.kind !== "postgres") throw new Error("not a PostgreSQL store");
    return this.target.url;
  }

  /** The schema as the data source takes it (apart from the URL), and as `DATABASE_URL=...?schema=` says it. */
  private postgres(schema: string): StoredDatabase {
    const url = new URL(this.serverUrl);
    url.searchParams.set("schema", schema);
    return { config: { kind: "postgres", url: this.serverUrl, schema }, url: url.toString() };
  }

  private run<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.withClient(async (client) => (await client.query(sql, params)).rows as Row[]);
  }

  private async withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.serverUrl });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  }
}

function sqlite(file: string): StoredDatabase {
  return { config: { kind: "sqlite", file }, url: `sqlite:${file}` };
}

/** `synthetic-10000-seed1-v1` becomes the schema `bench_synthetic_10000_seed1_v1`. */
function schemaName(name: string): string {
  const schema = `bench_${name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
  if (schema.length > 63) throw new Error(`corpus name "${name}" makes a schema name over PostgreSQL's 63 characters`);
  return schema;
}
