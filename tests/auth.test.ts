import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";
import { openDataSource } from "../src/datasource";
import { buildGraphSchema } from "../src/schema";
import { startServer, type RunningServer } from "../src/server";
import { ApiKeys } from "../src/services/api-keys";
import { openTestDatabase, openTestDataSource, sqliteOnly, type TestDatabase, type TestDataSource } from "./support/database";

const SEED_SLUG = "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push";
const DELETE = `mutation($id: ID!) { deleteArticle(id: $id) { id } }`;
const UPDATE = `mutation($id: ID!) { updateArticle(id: $id, patch: { section: "World" }) { section } }`;

/** Posts an operation as a client would, with an API key when given. */
async function post(url: string, query: string, variables: Record<string, unknown> = {}, key?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

describe("who may do what, over HTTP", () => {
  let database: TestDataSource;
  let dataSource: DataSource;
  let server: RunningServer;
  let keys: { reader: string; editor: string; admin: string };
  let storyId: string;

  beforeAll(async () => {
    database = await openTestDataSource();
    dataSource = database.dataSource;
    const apiKeys = new ApiKeys(dataSource.manager);
    keys = {
      reader: (await apiKeys.create("dashboard", "reader")).key,
      editor: (await apiKeys.create("newsroom CMS", "editor")).key,
      admin: (await apiKeys.create("operations", "admin")).key,
    };
    server = await startServer(await buildGraphSchema(), dataSource, { host: "127.0.0.1", port: 0, production: false });
    storyId = (await post(server.url, `{ article(slug: "${SEED_SLUG}") { id } }`)).body.data.article.id;
  });
  afterAll(async () => {
    await server.stop();
    await database.close();
  });

  it("serves reads without a key", async () => {
    const { status, body } = await post(server.url, `{ articles { totalCount } }`);
    expect(status).toBe(200);
    expect(body.data.articles.totalCount).toBe(2);
  });

  it("refuses every mutation without a key, with UNAUTHENTICATED, and changes nothing", async () => {
    const mutations = [
      [DELETE, { id: storyId }],
      [UPDATE, { id: storyId }],
      [`mutation { ingestArticle(input: { article: { headline: "Sneaky", body: ["x"] } }) { failures { reason } } }`, {}],
      [`mutation($id: ID!) { tagArticle(id: $id, tag: { person: "Nobody" }) { id } }`, { id: storyId }],
      [`mutation($id: ID!) { untagArticle(id: $id, tag: { topic: "syria" }) { id } }`, { id: storyId }],
      [`mutation($id: ID!) { mergeEntities(into: $id, from: $id) { id } }`, { id: "UGVyc29uOjE" }],
      [`mutation { updateEntity(id: "UGVyc29uOjE", patch: { description: "x" }) { id } }`, {}],
    ] as const;
    for (const [query, variables] of mutations) {
      const { body } = await post(server.url, query, variables);
      expect(body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      expect(body.errors?.[0].message).toContain("needs an API key with the editor role");
    }
    const after = await post(server.url, `{ articles { totalCount } person(id: "UGVyc29uOjE") { description } article(slug: "${SEED_SLUG}") { section } }`);
    expect(after.body.data).toMatchObject({ articles: { totalCount: 2 }, article: { section: null } });
  });

  it("gives a reader key FORBIDDEN on mutations, and lets editor and admin keys write", async () => {
    const reader = await post(server.url, UPDATE, { id: storyId }, keys.reader);
    expect(reader.body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringContaining("the API key \"dashboard\" has the reader role") });
    const editor = await post(server.url, UPDATE, { id: storyId }, keys.editor);
    expect(editor.body.errors).toBeUndefined();
    expect(editor.body.data).toEqual({ updateArticle: { section: "World" } });
    const admin = await post(server.url, UPDATE, { id: storyId }, keys.admin);
    expect(admin.body.errors).toBeUndefined();
  });

  it("refuses an unknown or malformed key with UNAUTHENTICATED and HTTP 401, even for reads", async () => {
    const unknown = await post(server.url, `{ articles { totalCount } }`, {}, "cg_not-a-real-key");
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", authorization: "Basic dXNlcjpwYXNz" }, body: JSON.stringify({ query: "{ articles { totalCount } }" }) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0].message).toContain("Bearer");
  });

  it("stops honouring a revoked key at once", async () => {
    const apiKeys = new ApiKeys(dataSource.manager);
    const { key, info } = await apiKeys.create("temporary", "editor");
    expect((await post(server.url, UPDATE, { id: storyId }, key)).body.errors).toBeUndefined();
    await apiKeys.revoke(info.prefix);
    const after = await post(server.url, UPDATE, { id: storyId }, key);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]).toMatchObject({ extensions: { code: "UNAUTHENTICATED" }, message: "the API key is unknown or has been revoked" });
  });

  it("with REQUIRE_API_KEY, needs a key for reads too, any role", async () => {
    const strict = await startServer(await buildGraphSchema(), dataSource, { host: "127.0.0.1", port: 0, production: false, requireApiKey: true });
    try {
      const anonymous = await post(strict.url, `{ articles { totalCount } }`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      const reader = await post(strict.url, `{ articles { totalCount } }`, {}, keys.reader);
      expect(reader.body.errors).toBeUndefined();
      expect(reader.body.data).toEqual({ articles: { totalCount: 2 } });
    } finally {
      await strict.stop();
    }
  });
});

describe("npm run keys", () => {
  const script = path.join(__dirname, "..", "dist", "src", "scripts", "keys.js");
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase({ onDisk: true });
  });
  afterEach(() => database.drop());

  const run = (args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: database.url }, timeout: 60_000 });

  it("creates a key shown once, lists keys without their secrets, and revokes by prefix", async () => {
    const created = run(["create", "--role", "editor", "--name", "Newsroom CMS"]);
    expect(created.status).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain("shown only this once");

    const listed = run(["list"]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^1\\t${key.slice(0, 11)}…\\teditor\\tNewsroom CMS\\tcreated \\S+\\tactive$`, "m"));
    expect(listed.stdout).not.toContain(key);

    const revoked = run(["revoke", key.slice(0, 11)]);
    expect(revoked.status).toBe(0);
    expect(run(["list"]).stdout).toMatch(/\trevoked \S+$/m);

    const dataSource = await openDataSource(database.config);
    try {
      // Only the prefix, which `list` shows, may be stored; the secret after it never is.
      expect(JSON.stringify(await dataSource.query(`SELECT * FROM api_key`))).not.toContain(key.slice(11));
      if (sqliteOnly("the API key secret is looked for in the stored rows, not in the server's data files") && database.config.kind === "sqlite") {
        expect(fs.readFileSync(database.config.file).includes(Buffer.from(key))).toBe(false);
      }
      expect(await new ApiKeys(dataSource.manager).authenticate(key)).toBeNull();
    } finally {
      await dataSource.destroy();
    }
  });

  it("says what is wrong with its arguments", () => {
    expect(run([]).status).toBe(2);
    expect(run(["create", "--role", "editor"]).status).toBe(2);
    const role = run(["create", "--role", "owner", "--name", "x"]);
    expect(role.status).toBe(1);
    expect(role.stderr).toContain("role must be one of reader, editor, admin");
    const missing = run(["revoke", "42"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no API key has the ID or prefix "42"');
  });
});
