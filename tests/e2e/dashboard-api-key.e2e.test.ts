import type { Page } from "playwright-core";
import type { DataSource } from "typeorm";
import { openDataSource } from "../../src/datasource";
import { buildGraphSchema } from "../../src/schema";
import { startServer, type RunningServer } from "../../src/server";
import { ApiKeys } from "../../src/services/api-keys";
import { ArticleWriter } from "../../src/services/article-writer";
import { loadSeedData } from "../../src/services/seed-loader";
import { KEY_RECHECK_MS } from "../../src/subscriptions/api-key-watch";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { describeWithBrowser, openBrowser, type BrowserSession } from "./browser";

const SEED_HEADLINE = "Blinken makes unannounced Iraq visit as part of Syria diplomacy push";
/** How long the page may take to show anything that depends on the server, or on a key's re-check. */
const UI_MS = KEY_RECHECK_MS + 9_000;

/** A server run with REQUIRE_API_KEY=true on a fresh database with the shipped data. */
interface KeyedServer {
  origin: string;
  dataSource: DataSource;
  keys: ApiKeys;
  /** Waits until the server holds this many open subscriptions. */
  subscriptions(count: number): Promise<void>;
  stop(): Promise<void>;
}

async function startKeyedServer(): Promise<KeyedServer> {
  const database: TestDatabase = await openTestDatabase({ onDisk: true });
  const dataSource = await openDataSource(database.config);
  await loadSeedData(dataSource);
  const server: RunningServer = await startServer(await buildGraphSchema(), dataSource, {
    host: "127.0.0.1",
    port: 0,
    production: false,
    requireApiKey: true,
    eventPollIntervalMs: 100,
  });
  return {
    origin: server.url.replace(/\/graphql$/, ""),
    dataSource,
    keys: new ApiKeys(dataSource.manager),
    async subscriptions(count) {
      const deadline = Date.now() + UI_MS;
      while (server.articleEvents.subscriberCount !== count) {
        if (Date.now() > deadline) throw new Error(`the server never held ${count} subscriptions (it holds ${server.articleEvents.subscriberCount})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      await server.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** What the page sent: each POST to /graphql's Authorization header, and each live connection's parameters. */
class SentCredentials {
  readonly posts: Array<string | undefined> = [];
  readonly connections: Array<Record<string, unknown> | undefined> = [];

  constructor(page: Page) {
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/graphql") this.posts.push(request.headers().authorization);
    });
    page.on("websocket", (socket) =>
      socket.on("framesent", ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type: string; payload?: Record<string, unknown> };
        if (message.type === "connection_init") this.connections.push(message.payload);
      }),
    );
  }

  clear(): void {
    this.posts.length = 0;
    this.connections.length = 0;
  }
}

/**
 * The newsroom dashboard against a server that requires an API key (REQUIRE_API_KEY=true), in
 * Chromium: the user gives a key in the header, every request and the live connection carry it,
 * and a missing, wrong or revoked key is shown as the server's UNAUTHENTICATED refusal.
 */
describeWithBrowser("the dashboard on a server that requires an API key", () => {
  let graph: KeyedServer;
  let browser: BrowserSession;
  let page: Page;
  let sent: SentCredentials;
  let reader: { key: string; prefix: string };

  const refusal = () => page.getByTestId("key-refusal");
  const useKey = async (key: string) => {
    await page.getByLabel(/^API key/).fill(key);
    await page.getByRole("button", { name: "Use key" }).click();
  };

  beforeAll(async () => {
    graph = await startKeyedServer();
    const created = await graph.keys.create("dashboard end-to-end test", "reader");
    reader = { key: created.key, prefix: created.info.prefix };
    browser = await openBrowser("dashboard-api-key");
    page = browser.page;
    sent = new SentCredentials(page);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it("says the server needs a key when none is given, with the server's reason and code", async () => {
    await page.goto(`${graph.origin}/dashboard`);
    await refusal().filter({ hasText: "This server needs an API key." }).waitFor({ timeout: UI_MS });
    expect(await refusal().innerText()).toContain("this service requires an API key: send Authorization: Bearer <key> (UNAUTHENTICATED)");
    await page.getByTestId("live-status").filter({ hasText: "live updates refused" }).waitFor({ timeout: UI_MS });
    expect(sent.posts.length).toBeGreaterThan(0);
    expect(sent.posts.every((header) => header === undefined)).toBe(true);
    await browser.screenshot("no-key");
  });

  it("shows a wrong key refused", async () => {
    sent.clear();
    await useKey("cg_not-a-real-key");
    await refusal().filter({ hasText: "The server refused this API key." }).waitFor({ timeout: UI_MS });
    expect(await refusal().innerText()).toContain("the API key is unknown or has been revoked (UNAUTHENTICATED)");
    expect(sent.posts).toContain("Bearer cg_not-a-real-key");
    await browser.screenshot("wrong-key");
  });

  it("sends a good key on every request and on the live connection, never in a URL, and keeps it for the tab", async () => {
    sent.clear();
    await useKey(reader.key);
    await page.locator("ul[aria-label='Latest stories']").filter({ hasText: SEED_HEADLINE }).waitFor({ timeout: UI_MS });
    await page.getByTestId("live-status").filter({ hasText: /^live$/ }).waitFor({ timeout: UI_MS });
    expect(await refusal().count()).toBe(0);
    expect(await page.getByText(`(${reader.prefix}… in use)`).count()).toBe(1);
    expect(sent.posts.length).toBeGreaterThan(0);
    expect(sent.posts.every((header) => header === `Bearer ${reader.key}`)).toBe(true);
    expect(sent.connections).toEqual([{ Authorization: `Bearer ${reader.key}` }]);
    expect(browser.requested.filter((url) => url.includes(reader.key))).toEqual([]);
    expect(page.url()).not.toContain(reader.key);
    await browser.screenshot("key-in-use");

    // A reload in the same tab keeps the key (sessionStorage) without asking again.
    sent.clear();
    await page.reload();
    await page.locator("ul[aria-label='Latest stories']").filter({ hasText: SEED_HEADLINE }).waitFor({ timeout: UI_MS });
    expect(sent.posts.every((header) => header === `Bearer ${reader.key}`)).toBe(true);
  });

  it("receives a new story live, then says so when the key is revoked", async () => {
    await page.getByTestId("live-status").filter({ hasText: /^live$/ }).waitFor({ timeout: UI_MS });
    await new ArticleWriter(graph.dataSource).write({
      headline: "Dashboard with a key sees a story arrive",
      body: ["A short story for the keyed dashboard."],
      publishedAt: "2024-12-15T00:00:00Z",
      publisher: "Reuters",
    });
    await page.locator("ul[aria-label='Latest stories'] li").first().filter({ hasText: "Dashboard with a key sees a story arrive" }).waitFor({ timeout: UI_MS });

    await graph.keys.revoke(reader.prefix);
    await page.getByTestId("live-status").filter({ hasText: "live updates refused" }).waitFor({ timeout: UI_MS });
    await refusal().filter({ hasText: "The server refused this API key." }).waitFor({ timeout: UI_MS });
    expect(await refusal().innerText()).toContain("the API key has been revoked (UNAUTHENTICATED)");
    await browser.screenshot("key-revoked");
  });

  it("forgets the key on request and asks for one again", async () => {
    await page.getByRole("button", { name: "Forget" }).click();
    await page.getByText("(none)").waitFor();
    await refusal().filter({ hasText: "This server needs an API key." }).waitFor({ timeout: UI_MS });
  });

  it("threw no errors in the page", () => {
    expect(browser.pageErrors).toEqual([]);
  });
});

/**
 * GraphiQL against the same kind of server: the key goes in the Headers pane, as
 * `{"Authorization": "Bearer <key>"}`, and reaches queries (the HTTP header) and subscriptions
 * (the connection parameters of the graphql-ws connection opened for each).
 */
describeWithBrowser("GraphiQL on a server that requires an API key", () => {
  let graph: KeyedServer;
  let browser: BrowserSession;
  let page: Page;
  let key: string;

  /** Replaces the text of the active tab's query editor, or of its Headers pane. */
  const type = async (editor: "query" | "headers", text: string) => {
    const selector = editor === "query" ? ".graphiql-query-editor .CodeMirror" : "section.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror";
    await page.locator(selector).click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(text);
  };
  const response = () => page.locator(".graphiql-response");

  beforeAll(async () => {
    graph = await startKeyedServer();
    key = (await graph.keys.create("GraphiQL end-to-end test", "reader")).key;
    browser = await openBrowser("graphiql-api-key");
    page = browser.page;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it("answers a query without a key with UNAUTHENTICATED, and with the key in the Headers pane", async () => {
    await page.goto(`${graph.origin}/graphiql`);
    await page.getByRole("button", { name: "Add tab" }).click();
    await type("query", "query Count { articles { totalCount } }");
    await page.locator(".graphiql-tab-active").filter({ hasText: "Count" }).waitFor();
    await page.getByRole("button", { name: /Execute query/ }).click();
    await response().filter({ hasText: "UNAUTHENTICATED" }).waitFor();

    await page.getByRole("button", { name: "Headers" }).click();
    await type("headers", `{"Authorization": "Bearer ${key}"}`);
    await page.getByRole("button", { name: /Execute query/ }).click();
    await response().filter({ hasText: '"totalCount": 2' }).waitFor();
    await browser.screenshot("query-with-key");
  });

  it("reads the schema for its docs once asked to again with the key in place", async () => {
    await page.getByRole("button", { name: /Show Documentation Explorer/ }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    // Read at page load, without the key.
    await docs.filter({ hasText: "Error fetching schema" }).waitFor();
    await page.getByRole("button", { name: "Re-fetch GraphQL schema" }).click();
    await docs.getByRole("link", { name: "Query", exact: true }).click();
    await docs.filter({ hasText: "coverageTimeline" }).waitFor();
    await page.getByRole("button", { name: /Hide Documentation Explorer/ }).click();
  });

  it("runs a subscription with the same header and shows a story as it is stored", async () => {
    await type("query", "subscription Live { articlePublished { headline } }");
    await page.locator(".graphiql-tab-active").filter({ hasText: "Live" }).waitFor();
    await page.getByRole("button", { name: /Execute query/ }).click();
    await page.getByRole("button", { name: /Stop query/ }).waitFor();
    // Registered once the server counts it (the connection authenticates first): only then is a story sure to reach it.
    await graph.subscriptions(1);
    await new ArticleWriter(graph.dataSource).write({
      headline: "GraphiQL with a key sees a story arrive",
      body: ["A short story for the keyed explorer."],
      publishedAt: "2024-12-15T00:00:00Z",
      publisher: "Reuters",
    });
    await response().filter({ hasText: "GraphiQL with a key sees a story arrive" }).waitFor({ timeout: UI_MS });
    await browser.screenshot("subscription-with-key");
  });

  it("threw no errors in the page", () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
