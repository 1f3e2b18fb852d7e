import type { Page } from "playwright-core";
import { describeWithBrowser, openBrowser, waitForTimeline, type BrowserSession } from "./browser";
import { startGraphServer, type GraphServer } from "./graph-server";

const SEED_HEADLINE = "Blinken makes unannounced Iraq visit as part of Syria diplomacy push";
const RELATED_HEADLINE = "Syria’s turning point: Transition or turmoil?";
/** How long the page may take to show anything that depends on the server. */
const UI_MS = 10_000;

/** Waits until the page holds an element matching `selector` whose text includes `text`. */
async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).filter({ hasText: text }).first().waitFor({ timeout: UI_MS });
}

/**
 * A newsroom editor's walk through the dashboard on the shipped data, in Chromium at 1280 × 800:
 * each step builds on the one before, as a person using it would, and leaves a screenshot in
 * artifacts/e2e/dashboard-seed/.
 */
describeWithBrowser("the newsroom dashboard on the shipped data", () => {
  let graph: GraphServer;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    graph = await startGraphServer();
    browser = await openBrowser("dashboard-seed");
    page = browser.page;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it("opens on the latest stories, with a live connection for new ones", async () => {
    await page.goto(`${graph.origin}/dashboard`);
    await waitForText(page, "ul[aria-label='Latest stories']", SEED_HEADLINE);
    await page.getByTestId("live-status").filter({ hasText: /^live$/ }).waitFor();
    await browser.screenshot("opened");
    expect(await page.title()).toBe("Newsroom dashboard");
  });

  it("follows Syria picked by type-ahead with the keyboard, and charts its coverage", async () => {
    const picker = page.getByRole("combobox", { name: /Follow a topic/ });
    await picker.focus();
    await page.keyboard.type("Syr");
    await page.getByRole("option", { name: "Syria topic" }).waitFor({ timeout: UI_MS });
    await browser.screenshot("type-ahead");
    await page.keyboard.press("Enter");

    await waitForText(page, "ul[aria-label='Followed']", "Syria");
    const chart = page.getByTestId("timeline-chart");
    await waitForTimeline(page, ({ points }) => points > 0);
    // Twelve months to the newest story, by month: 13 buckets, and the seed story in December 2024.
    expect(Number(await chart.getAttribute("data-points"))).toBe(13);
    expect(Number(await chart.getAttribute("data-total"))).toBe(1);
    expect(await chart.locator("canvas").count()).toBeGreaterThan(0);
    await waitForText(page, ".series-summary", "Syria: 1 story in 13 months, most from 2024-12-01 (1)");
    await browser.screenshot("syria-followed");

    await page.getByRole("radio", { name: "Week" }).check();
    await waitForTimeline(page, ({ points }) => points > 13);
    expect(Number(await chart.getAttribute("data-total"))).toBe(1);
    await browser.screenshot("by-week");
  });

  it("draws who is named with Syria; an edge lists the shared stories and a node re-centres", async () => {
    const edge = page.getByRole("button", { name: /both Syria and Antony Blinken: list them/ });
    await edge.waitFor({ timeout: UI_MS });
    expect(await page.getByTestId("network-node").count()).toBeGreaterThanOrEqual(5);
    await edge.focus();
    await page.keyboard.press("Enter");
    await waitForText(page, ".edge-stories", SEED_HEADLINE);
    await browser.screenshot("network-edge-stories");

    await page.getByRole("button", { name: /^Antony Blinken, person/ }).click();
    await waitForText(page, "#network-heading", "Named together with Antony Blinken");
    await page.getByRole("button", { name: /both Antony Blinken and Mohammed Shia al-Sudani: list them/ }).waitFor({ timeout: UI_MS });
    await browser.screenshot("network-recentred");
    // Re-centring follows the entity too; centre back on Syria for what comes next.
    await page.locator("ul[aria-label='Followed']").getByRole("button", { name: "Syria topic" }).click();
    await waitForText(page, "#network-heading", "Named together with Syria");
  });

  it("opens the seed story from the list: caption and credit, entity chips, related coverage with reasons", async () => {
    const link = page.locator("ul[aria-label='Latest stories']").getByRole("button", { name: SEED_HEADLINE });
    await link.focus();
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("story-panel");
    await waitForText(page, "#story-headline", SEED_HEADLINE);
    // Focus moves into the panel, so a keyboard user reads on from the headline.
    expect(await page.evaluate("document.activeElement?.id")).toBe("story-headline");
    await waitForText(page, "[data-testid=story-panel] figcaption", "meets with Iraqi Prime Minister Mohammed Shia al-Sudani");
    expect(await panel.getByTestId("photo-credit").innerText()).toContain("BRYAN R. SMITH/Pool via Reuters/File Photo");
    for (const name of ["Antony Blinken", "Baghdad", "Hezbollah", "diplomacy"]) {
      expect(await panel.getByRole("button", { name, exact: true }).count()).toBe(1);
    }
    const related = panel.getByTestId("related-coverage").locator("li");
    expect(await related.count()).toBeGreaterThanOrEqual(1);
    const first = await related.first().innerText();
    expect(first).toContain(RELATED_HEADLINE);
    expect(first).toContain("linked by the editors (Syria)");
    expect(first).toMatch(/Shares: .*Syria.*Damascus|Shares: .*Damascus.*Syria/);
    await browser.screenshot("seed-story");

    // Escape closes the panel and gives focus back to the story's link.
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached", timeout: UI_MS });
    expect(await page.evaluate("document.activeElement?.textContent")).toContain(SEED_HEADLINE);
  });

  it("shows a story ingested through the API at the top of the latest stories, live, markup and all as text", async () => {
    const headline = "Syria ceasefire talks resume in Geneva <img src=x onerror=\"window.__injected=true\">";
    const ingested = await graph.asEditor<{ ingestArticle: { results: Array<{ outcome: string; article: { id: string } }> } }>(
      `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { results { outcome article { id } } } }`,
      {
        input: {
          article: {
            headline,
            body: ["Delegations from Damascus and the opposition met again in Geneva on Saturday, a ceasefire on the table."],
            publishedAt: "2024-12-14",
            publisher: "Reuters",
            tags: { topics: [{ slug: "syria" }] },
          },
        },
      },
    );
    expect(ingested.ingestArticle.results[0].outcome).toBe("CREATED");

    const latest = page.locator("ul[aria-label='Latest stories'] li").first();
    await latest.filter({ hasText: "Syria ceasefire talks resume in Geneva" }).waitFor({ timeout: UI_MS });
    expect(await latest.locator(".badge").innerText()).toBe("new");
    expect(await latest.innerText()).toContain('<img src=x onerror="window.__injected=true">');
    expect(await page.locator("ul[aria-label='Latest stories'] img").count()).toBe(0);
    await browser.screenshot("live-story");
  });

  it("searches with the matched words marked, and narrows the results by a facet", async () => {
    await page.getByRole("searchbox", { name: "Search query" }).fill("ceasefire OR Blinken");
    await page.keyboard.press("Enter");
    const results = page.getByTestId("search-results");
    await waitForText(page, "[data-testid=search-results]", SEED_HEADLINE);
    expect(await results.locator("mark").filter({ hasText: /^Blinken$/ }).count()).toBeGreaterThanOrEqual(1);
    expect(await results.locator("mark").filter({ hasText: /^ceasefire$/i }).count()).toBeGreaterThanOrEqual(1);
    // The injected markup of the new story is shown as text, never run.
    expect(await results.innerText()).toContain("<img src=x");
    expect(await results.locator("img").count()).toBe(0);
    expect(await page.evaluate("window.__injected")).toBeUndefined();
    await waitForText(page, "[role=status]", "2 stories match");
    await browser.screenshot("search");

    await page.locator(".facet").filter({ hasText: "People" }).getByRole("button", { name: /Antony Blinken/ }).click();
    await waitForText(page, "ul[aria-label='Narrowed to']", "People: Antony Blinken");
    await waitForText(page, "[role=status]", "1 story matches");
    expect(await results.locator("li").count()).toBe(1);
    await browser.screenshot("search-narrowed");
  });

  it("asked for nothing outside its own server, and threw no errors", () => {
    expect(browser.pageErrors).toEqual([]);
    const elsewhere = browser.requested.filter((url) => !url.startsWith(graph.origin) && !url.startsWith(graph.origin.replace("http", "ws")) && !url.startsWith("data:"));
    expect(elsewhere).toEqual([]);
  });
});
