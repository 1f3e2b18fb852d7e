import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { parseDatabaseUrl } from "../src/config";
import { openDataSource } from "../src/datasource";
import { CorpusStore, type CorpusStoreTarget } from "../src/services/synthetic/corpus-store";

/** A store of each kind this run can reach: SQLite always, PostgreSQL when `TEST_DATABASE_URL` names one. */
const targets: Array<[string, () => { target: CorpusStoreTarget; cleanUp(name: string): Promise<void> }]> = [
  [
    "SQLite files",
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-store-"));
      return { target: { kind: "sqlite", dir }, cleanUp: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  ],
];
const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) {
  targets.push([
    "PostgreSQL schemas",
    () => ({
      target: { kind: "postgres", url: postgresUrl },
      cleanUp: async (name) => {
        const client = new Client({ connectionString: postgresUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS bench_${name.replace(/-/g, "_")} CASCADE`);
        await client.end();
      },
    }),
  ]);
}

describe.each(targets)("the benchmark's corpus store on %s", (_kind, make) => {
  const name = `test-${process.pid}-${randomBytes(4).toString("hex")}`;
  const { target, cleanUp } = make();
  const store = new CorpusStore(target);
  afterAll(() => cleanUp(name));

  it("never hands back a corpus whose making was interrupted, and starts it again from empty", async () => {
    expect(await store.find(name)).toBeNull();

    const interrupted = await openDataSource((await store.begin(name)).config);
    await interrupted.query(`CREATE TABLE leftover (x INTEGER)`);
    await interrupted.destroy();
    expect(await store.find(name)).toBeNull();

    const again = await openDataSource((await store.begin(name)).config);
    const runner = again.createQueryRunner();
    try {
      expect(await runner.hasTable("leftover")).toBe(false);
      expect(await runner.hasTable("article")).toBe(true);
    } finally {
      await runner.release();
      await again.destroy();
    }
  });

  it("finds a completed corpus with the record stored with it, at a DATABASE_URL the ingest command can open", async () => {
    const made = await openDataSource((await store.begin(name)).config);
    await made.query(`CREATE TABLE made_here (x INTEGER)`);
    await made.query(`INSERT INTO made_here (x) VALUES (7)`);
    await made.destroy();
    const completed = await store.complete(name, { generateMs: 12, loadMs: 345 });

    const found = await store.find<{ generateMs: number; loadMs: number }>(name);
    expect(found?.record).toEqual({ generateMs: 12, loadMs: 345 });
    expect(found?.database).toEqual(completed);
    expect(parseDatabaseUrl(found!.database.url)).toEqual(found!.database.config);
    const reopened = await openDataSource(found!.database.config);
    try {
      expect(await reopened.query(`SELECT x FROM made_here`)).toEqual([{ x: 7 }]);
    } finally {
      await reopened.destroy();
    }
  });
});
