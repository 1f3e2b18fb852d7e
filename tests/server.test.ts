import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildGraphSchema } from "../src/schema";
import { startServer, type RunningServer } from "../src/server";
import { openTestDatabase, openTestDataSource, type TestDataSource } from "./support/database";

describe("the HTTP server", () => {
  let database: TestDataSource;
  let server: RunningServer;
  let origin: string;
  beforeAll(async () => {
    database = await openTestDataSource();
    server = await startServer(await buildGraphSchema(), database.dataSource, { host: "127.0.0.1", port: 0, production: false });
    origin = server.url.replace(/\/graphql$/, "");
  });
  afterAll(async () => {
    await server.stop();
    await database.close();
  });

  const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
    fetch(`${origin}/graphql`, { method: "POST", headers, body });

  it("listens on loopback only by default", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  });

  it("answers GET /health with the database's state", async () => {
    const response = await fetch(`${origin}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers queries by POST", async () => {
    const response = await post(JSON.stringify({ query: `{ topic(slug: "syria") { name } }` }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { topic: { name: "Syria" } }, extensions: { cost: { requested: 2, limit: 5000 } } });
  });

  it("answers queries by GET from clients that send a preflight header", async () => {
    const query = encodeURIComponent(`{ place(name: "Baghdad") { containedIn { name } } }`);
    const response = await fetch(`${origin}/graphql?query=${query}`, { headers: { "apollo-require-preflight": "true" } });
    expect(await response.json()).toEqual({ data: { place: { containedIn: { name: "Iraq" } } }, extensions: { cost: { requested: 3, limit: 5000 } } });
  });

  it("refuses a GET without it, as a cross-site request could be", async () => {
    const response = await fetch(`${origin}/graphql?query=${encodeURIComponent("{ topics { totalCount } }")}`);
    expect(response.status).toBe(400);
  });

  it("refuses a body over 1 MB without parsing it, and malformed JSON, with clear errors", async () => {
    const huge = await post(JSON.stringify({ query: `{ person(name: "${"x".repeat(1_100_000)}") { id } }` }));
    expect(huge.status).toBe(413);
    const broken = await post("{ not json");
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe("the request body is not valid JSON");
  });

  it("answers 404 away from /graphql and /health", async () => {
    expect((await fetch(`${origin}/elsewhere`)).status).toBe(404);
  });
});

describe("npm start", () => {
  const main = path.join(__dirname, "..", "dist", "src", "main.js");

  it("starts on an empty database, serves, and stops cleanly on SIGTERM", async () => {
    expect(fs.existsSync(main)).toBe(true); // built by `npm test`'s pretest step
    const database = await openTestDatabase({ onDisk: true });
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, DATABASE_URL: database.url, PORT: "0", HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready in 20 s:\n${output}`)), 20_000);
        child.stdout.on("data", () => {
          const match = /ready at (http:\/\/\S+\/graphql)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ articles { totalCount } }" }) });
      expect(await response.json()).toEqual({ data: { articles: { totalCount: 2 } }, extensions: { cost: { requested: 21, limit: 5000 } } });
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toMatch(/SIGTERM: finishing requests in flight, then stopping[\s\S]*stopped/);
    } finally {
      child.kill("SIGKILL");
      await database.drop();
    }
  });
});
