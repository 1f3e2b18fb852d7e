import type { Page } from "playwright-core";
import { describeWithCorpora } from "../support/corpora";
import { describeWithBrowser, openBrowser, waitForTimeline, type BrowserSession } from "./browser";
import { startGraphServer, type GraphServer } from "./graph-server";

/** The dashboard on the shipped data plus every public corpus, ingested through the ingest service. */
describeWithCorpora("the newsroom dashboard on the public corpora", (corpora) => {
  describeWithBrowser("in Chromium", () => {
    let graph: GraphServer;
    let browser: BrowserSession;
    let page: Page;

    const chart = () => page.getByTestId("timeline-chart");
    const chartTotal = async () => Number(await chart().getAttribute("data-total"));

    beforeAll(async () => {
      graph = await startGraphServer([corpora]);
      browser = await openBrowser("dashboard-corpora");
      page = browser.page;
    }, 600_000);
    afterAll(async () => {
      await browser?.close();
      await graph?.stop();
    });

    it("follows Syria and charts its coverage over the whole archive, month by month", async () => {
      await page.goto(`${graph.origin}/dashboard`);
      await page.getByRole("combobox", { name: /Follow a topic/ }).fill("Syria");
      await page.getByRole("option", { name: "Syria topic" }).click();
      await page.getByRole("button", { name: "All", exact: true }).click();
      await waitForTimeline(page, ({ points }) => points > 24);
      // Every dated story filed under Syria falls in some month of the archive.
      const { articles } = await graph.asEditor<{ articles: { totalCount: number } }>(
        `query ($t: ID!) { articles(filter: { topics: { anyOf: [$t] }, publishedAfter: "1900-01-01T00:00:00Z" }) { totalCount } }`,
        { t: (await graph.asEditor<{ topic: { id: string } }>(`{ topic(slug: "syria") { id } }`)).topic.id },
      );
      await waitForTimeline(page, ({ total }) => total === articles.totalCount);
      expect(await chartTotal()).toBeGreaterThan(10);
      await browser.screenshot("syria-all-months");
    });

    it("shows what rose in January 2020 against December 2019, Qasem Soleimani among it", async () => {
      await page.getByLabel("From").fill("2020-01-01");
      await page.getByLabel("to", { exact: true }).fill("2020-01-31");
      await page.locator(".trending").filter({ hasText: "2020-01-01 to 2020-01-31, against 2019-12-01 to 2019-12-31" }).waitFor();
      await page.locator(".trending-list").getByRole("button", { name: "Qasem Soleimani" }).waitFor();
      await browser.screenshot("trending-january-2020");
    });

    it("opens a story from the latest list and shows its related coverage with the shared entities", async () => {
      await page.getByRole("button", { name: "All", exact: true }).click();
      const first = page.locator("ul[aria-label='Latest stories'] li").first().getByRole("button");
      await first.waitFor();
      const headline = await first.innerText();
      await first.click();
      await page.locator("#story-headline").filter({ hasText: headline }).waitFor();
      const related = page.getByTestId("related-coverage").locator("li");
      await related.first().waitFor();
      expect(await related.count()).toBeGreaterThanOrEqual(1);
      expect(await page.getByTestId("related-coverage").innerText()).toMatch(/Shares: \S/);
      await browser.screenshot("story-related");
      await page.keyboard.press("Escape");
    });

    it("searches the corpora with marked matches and narrows by a facet", async () => {
      await page.getByRole("searchbox", { name: "Search query" }).fill('"state of emergency" measles');
      await page.keyboard.press("Enter");
      const results = page.getByTestId("search-results");
      await results.filter({ hasText: "Samoan government ends state of emergency over measles outbreak" }).waitFor();
      expect(await results.locator("li").first().locator("mark").allInnerTexts()).toEqual(expect.arrayContaining(["state of emergency", "measles"]));
      await browser.screenshot("search-measles");
    });

    it("threw no errors in the page", () => {
      expect(browser.pageErrors).toEqual([]);
    });
  });
});
