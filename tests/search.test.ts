import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ArticleWriter } from "../src/services/article-writer";
import { compileSearchQuery } from "../src/services/search/search-query";
import { Ingester } from "../src/services/ingest/ingester";
import { matchCountSql, matchExpression, rankedMatchesSql, withoutSequentialScan } from "../src/services/sql-dialect";
import { runSql } from "../src/services/sql";
import { describeWithCorpora } from "./support/corpora";
import { itOnPostgres, itOnSqlite } from "./support/database";
import { openTestGraph, type TestGraph } from "./support/graph";
import { writeSyriaStories } from "./support/stories";

const SEARCH = `query ($query: String!, $first: Int, $after: String, $orderBy: SearchOrder, $filter: ArticleFilterInput) {
  search(query: $query, first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
    totalCount
    edges { cursor score snippet headlineHighlight node { headline } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe("search", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await openTestGraph();
    await writeSyriaStories(graph.dataSource, 12);
    await new ArticleWriter(graph.dataSource).write({ headline: "Bold <script>alert(1)</script> diplomacy", body: ["Diplomats met."], publishedAt: "2024-12-30" });
  });
  afterAll(() => graph.close());

  const search = async (variables: Record<string, unknown>) => {
    const result = await graph.query(SEARCH, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.search;
  };

  it("finds stories by words in the headline, summary or body, and marks the matches", async () => {
    const found = await search({ query: "diplomacy" });
    const seed = found.edges.find((edge: any) => edge.node.headline.startsWith("Blinken"));
    expect(seed.headlineHighlight).toBe("Blinken makes unannounced Iraq visit as part of Syria <mark>diplomacy</mark> push");
    expect(seed.score).toBeGreaterThan(0);
  });

  it("escapes the story's own markup, so only the marks are HTML", async () => {
    const found = await search({ query: "script" });
    expect(found.edges[0].headlineHighlight).toBe("Bold &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; diplomacy");
  });

  it("understands phrases, OR, NOT, prefixes and fields", async () => {
    const headlines = async (query: string) => (await search({ query, first: 100 })).edges.map((edge: any) => edge.node.headline).sort();
    expect(await headlines('"unannounced Iraq visit"')).toEqual(["Blinken makes unannounced Iraq visit as part of Syria diplomacy push"]);
    expect(await headlines('"Iraq unannounced visit"')).toEqual([]);
    expect((await headlines("diplom*")).length).toBe((await headlines("diplomacy OR diplomats")).length);
    expect(await headlines("diplomacy NOT script")).toEqual(["Blinken makes unannounced Iraq visit as part of Syria diplomacy push"]);
    expect(await headlines("headline:briefing AND headline:11")).toEqual(["Syria briefing number 11"]);
    expect(await headlines("summary:Damascus")).toEqual(expect.arrayContaining(["Syria briefing number 0", "Syria briefing number 4"]));
  });

  it("pages through relevance-ordered results with stable cursors", async () => {
    const all = (await search({ query: "Syria", first: 100 })).edges.map((edge: any) => edge.node.headline);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await search({ query: "Syria", first: 3, after });
      paged.push(...page.edges.map((edge: any) => edge.node.headline));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(10);
  });

  it("orders by date when asked, and combines with the article filter", async () => {
    const newest = await search({ query: "Syria", orderBy: "NEWEST", first: 2 });
    expect(newest.edges.map((edge: any) => edge.node.headline)).toEqual(["Blinken makes unannounced Iraq visit as part of Syria diplomacy push", "Syria briefing number 11"]);
    expect(newest.edges.every((edge: any) => edge.score > 0)).toBe(true);
    const filtered = await search({ query: "Syria", filter: { hasPhoto: false }, first: 100 });
    expect(filtered.edges.map((edge: any) => edge.node.headline)).not.toContain("Syria briefing number 1");
  });

  it("counts every match, with a filter and without", async () => {
    const all = await search({ query: "Syria", first: 100 });
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.totalCount).toBeGreaterThan(10);
    const withPhoto = await search({ query: "Syria", filter: { hasPhoto: true }, first: 100 });
    expect(withPhoto.totalCount).toBe(withPhoto.edges.length);
    expect(withPhoto.totalCount).toBeLessThan(all.totalCount);
  });

  itOnPostgres("writes new stories straight into PostgreSQL's full-text index, with no pending list for searches to read", "SQLite's FTS5 keeps no pending list", async () => {
    const [index] = await graph.dataSource.query(`SELECT c.reloptions FROM pg_class c WHERE c.oid = '"IDX_article_search"'::regclass`);
    expect(index.reloptions).toContain("fastupdate=off");
  });

  itOnPostgres("counts a word's matches from the full-text index, never by reading every story's tsvector", "SQLite counts from FTS5's own table", async () => {
    const plan = await withoutSequentialScan(graph.dataSource.manager, (manager) =>
      runSql<{ "QUERY PLAN": string }>(manager, `EXPLAIN ${matchCountSql(manager)}`, { match: matchExpression(manager, compileSearchQuery("Syria")) }),
    );
    const steps = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(steps).toContain('Bitmap Index Scan on "IDX_article_search"');
    expect(steps).not.toContain("Seq Scan");
  });

  itOnPostgres("makes a snippet from the first 10,000 characters of a long story, its opening when the match lies further in", "FTS5's snippet reads the whole story", async () => {
    const filler = Array.from({ length: 200 }, (_, index) => `Paragraph ${index} of the committee's long report on regional water budgets.`);
    await new ArticleWriter(graph.dataSource).write({ headline: "A long report", body: [...filler, "The last page mentions zebrafish."], publishedAt: "2024-11-01" });
    const found = await search({ query: "zebrafish" });
    expect(found.totalCount).toBe(1);
    expect(found.edges[0].snippet).not.toContain("<mark>");
    expect(found.edges[0].snippet).toContain("Paragraph 0");
    const early = await search({ query: "committee's" });
    expect(early.edges[0].snippet).toContain("<mark>");
  });

  itOnSqlite("ranks matches with their dates read from the recency index, not from the stories' long rows", "PostgreSQL keeps long text out of its rows by itself", async () => {
    const manager = graph.dataSource.manager;
    const plan = await runSql<{ detail: string }>(manager, `EXPLAIN QUERY PLAN ${rankedMatchesSql(manager, [])}`, { match: matchExpression(manager, compileSearchQuery("Syria")), cap: 10 });
    expect(plan.map((row) => row.detail).join("\n")).toContain("IDX_article_recency");
  });

  it("takes `text` in any article filter", async () => {
    const result = await graph.query(`{ articles(filter: { text: "unannounced" }) { totalCount } }`);
    expect(result.data!.articles.totalCount).toBe(1);
  });

  describe("any user string is safe", () => {
    it.each([
      ['"state of', 'the search query has a quote at character 1 that is never closed'],
      ["(syria OR iraq", "the search query has a ( at character 1 that is never closed"],
      ["syria)", "the search query has a ) with no ( at character 6"],
      ["NOT syria", 'the search query starts a part with NOT at character 1: NOT excludes what follows from what comes before, as in "syria NOT turkey"'],
      ["syria OR", "the search query ends where a word, phrase or ( was expected"],
      ["author:Lewis", 'the search query names the field "author"; the fields are headline, summary, body'],
      ["   ", "the search query is empty: give at least one word"],
    ])("%j is a BAD_USER_INPUT error saying what is wrong", async (query, message) => {
      const result = await graph.query(SEARCH, { query });
      expect(result.errors![0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT", argument: "query" } });
    });

    it("passes SQL and full-text syntax through as words, never as syntax", async () => {
      for (const query of ["'); DROP TABLE article; --", "NEAR(syria iraq)", "syria^2 iraq", "a:b:c", '"" ""x']) {
        const result = await graph.query(SEARCH, { query });
        expect(result.errors?.[0]?.extensions?.code ?? "OK").toMatch(/OK|BAD_USER_INPUT/);
      }
      expect((await graph.query(`{ articles { totalCount } }`)).data!.articles.totalCount).toBeGreaterThan(10);
    });

    it("quotes every word it passes on, NOT binding tighter than AND, and AND than OR", () => {
      expect(compileSearchQuery('syria "transition government" OR diplom* NOT headline:turkey')).toEqual({
        fts5: '(("syria" AND "transition government") OR ("diplom" * NOT headline : "turkey"))',
        tsquery: "(('syria' & 'transition government') | ('diplom':* & !'turkey':A))",
      });
    });
  });
});

describeWithCorpora("search on the Wikinews corpus", (corpora) => {
  let graph: TestGraph;
  let scratch: string;
  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "search-"));
    graph = await openTestGraph();
    await new Ingester(graph.dataSource).ingest([path.join(corpora, "wikinews")]);
  }, 120_000);
  afterAll(async () => {
    await graph.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('finds the Samoa story for "state of emergency" measles, and highlights the phrase', async () => {
    const result = await graph.query(SEARCH, { query: '"state of emergency" measles', first: 10 });
    const first = result.data!.search.edges[0];
    expect(first.node.headline).toBe("Samoan government ends state of emergency over measles outbreak");
    expect(first.headlineHighlight).toBe("Samoan government ends <mark>state of emergency</mark> over <mark>measles</mark> outbreak");
  });

  it("finds by a phrase only the stories that have it, not those with the words apart", async () => {
    const bodies = async (query: string) => {
      const result = await graph.query(`query ($q: String!) { search(query: $q, first: 100) { totalCount edges { node { headline summary body } } } }`, { q: query });
      return result.data!.search.edges.map((edge: any) => [edge.node.headline, edge.node.summary ?? "", ...edge.node.body].join(" ").toLowerCase());
    };
    const phrase = await bodies('"state of emergency"');
    const words = await bodies("state emergency");
    expect(phrase.length).toBeGreaterThan(0);
    expect(phrase.every((text: string) => text.includes("state of emergency"))).toBe(true);
    expect(words.some((text: string) => !text.includes("state of emergency"))).toBe(true);
  });
});
