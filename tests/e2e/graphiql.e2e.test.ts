import type { Page } from "playwright-core";
import { describeWithBrowser, openBrowser, type BrowserSession } from "./browser";
import { startGraphServer, type GraphServer } from "./graph-server";

/** The offline explorer at /graphiql, in Chromium: the README's examples are there and run. */
describeWithBrowser("GraphiQL at /graphiql", () => {
  let graph: GraphServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    graph = await startGraphServer();
    browser = await openBrowser("graphiql");
    page = browser.page;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it("opens with the README's example operations as tabs", async () => {
    await page.goto(`${graph.origin}/graphiql`);
    await page.locator(".graphiql-tab").first().waitFor();
    const tabs = await page.locator(".graphiql-tab").allInnerTexts();
    for (const title of ["Article", "Person", "Place", "Topic", "Articles", "Node", "Search", "CoverageTimeline", "Trending", "CoMentions", "Connection", "Facets"]) {
      expect(tabs.map((tab) => tab.trim())).toContain(title);
    }
    await page.locator(".graphiql-query-editor").filter({ hasText: "Example: from a story to everything it touches" }).waitFor();
    await browser.screenshot("opened");
  });

  it("runs the open example against this server and shows the answer", async () => {
    await page.getByRole("button", { name: /Execute query/ }).click();
    const response = page.locator(".graphiql-response");
    await response.filter({ hasText: "Blinken makes unannounced Iraq visit as part of Syria diplomacy push" }).waitFor();
    // The editor draws only the lines in view: the top of the answer.
    const text = await response.innerText();
    expect(text).toContain('"id": "QXJ0aWNsZTox"');
    expect(text).toContain('"name": "Simon Lewis"');
    expect(text).toContain('"name": "Baghdad"');
    await browser.screenshot("ran-article");
  });

  it("runs a subscription over graphql-ws and shows a story as it is ingested", async () => {
    await page.getByRole("button", { name: "Add tab" }).click();
    await page.locator(".graphiql-query-editor .CodeMirror").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("subscription Live { articlePublished { headline } }");
    // GraphiQL names the tab once it has parsed the operation; run it only then.
    await page.locator(".graphiql-tab-active").filter({ hasText: "Live" }).waitFor();
    await page.getByRole("button", { name: /Execute query/ }).click();
    // The subscription is open once GraphiQL shows its stop button.
    await page.getByRole("button", { name: /Stop query/ }).waitFor();
    await graph.asEditor(`mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { results { outcome } } }`, {
      input: { article: { headline: "GraphiQL sees a story arrive live", body: ["A short story for the explorer."], publishedAt: "2024-12-15", publisher: "Reuters" } },
    });
    await page.locator(".graphiql-response").filter({ hasText: "GraphiQL sees a story arrive live" }).waitFor();
    await browser.screenshot("subscription");
  });

  it("knows the schema (introspection), so the docs list the query fields", async () => {
    await page.getByRole("button", { name: /Show Documentation Explorer/ }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs.getByRole("link", { name: "Query", exact: true }).click();
    await docs.filter({ hasText: "coverageTimeline" }).waitFor();
    await browser.screenshot("docs");
  });

  it("loaded everything from its own server, and threw no errors", () => {
    expect(browser.pageErrors).toEqual([]);
    const elsewhere = browser.requested.filter((url) => !url.startsWith(graph.origin) && !url.startsWith("data:") && !url.startsWith("blob:"));
    expect(elsewhere).toEqual([]);
  });
});
