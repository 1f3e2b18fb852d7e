import fs from "node:fs";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import type { DataSource } from "typeorm";
import { createContext, type Context } from "../../src/context.type";
import { STORY_FORMATS } from "../../src/services/ingest/formats";
import { Ingester, type IngestSummary } from "../../src/services/ingest/ingester";
import { encodeGlobalId } from "../../src/services/global-id";
import { runSql } from "../../src/services/sql";
import { buildGraphSchema } from "../../src/schema";
import { describeWithCorpora } from "../support/corpora";
import { openTestDataSource, type TestDataSource } from "../support/database";

/** Every record the formats read from the corpora, counted the way a reader would count them. */
function recordsIn(dir: string): number {
  let records = 0;
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const text = fs.readFileSync(file, "utf8");
        const format = STORY_FORMATS.find((candidate) => candidate.detect(entry.name, text.slice(0, 4096)));
        if (format) records += [...format.parse(text, file)].length;
      }
    }
  };
  walk(dir);
  return records;
}

describeWithCorpora("ingesting every corpus (the ingestion issue's acceptance)", (corpora) => {
  let database: TestDataSource;
  let dataSource: DataSource;
  let first: IngestSummary;
  let second: IngestSummary;
  let countsAfter: number[];

  beforeAll(async () => {
    // On disk: ten thousand stories would weigh on memory.
    database = await openTestDataSource({ onDisk: true });
    dataSource = database.dataSource;
    const ingester = new Ingester(dataSource);
    first = await ingester.ingest([corpora]);
    const count = async () => Number((await runSql<{ n: number }>(dataSource.manager, `SELECT COUNT(*) AS n FROM article`))[0].n);
    const afterFirst = await count();
    second = await ingester.ingest([corpora]);
    countsAfter = [afterFirst, await count()];
  }, 600_000);
  afterAll(async () => {
    await database?.close();
  });

  it("makes every Wikinews, re3d and HuffPost record a story, or reports why not", () => {
    expect(first.created + first.failed).toBe(recordsIn(corpora));
    expect(first.failures).toEqual([]);
    expect(first.created).toBeGreaterThan(10_000);
  });

  it("finds everything unchanged on a second run, and the story count does not move", () => {
    expect(second).toMatchObject({ created: 0, updated: 0, failed: 0, unchanged: first.created });
    expect(countsAfter[1]).toBe(countsAfter[0]);
  });

  describe("the January 2020 Wikinews stories that mention Qasem Soleimani", () => {
    let server: ApolloServer<Context>;
    let ids: string[];
    const query = async (source: string, variables: Record<string, unknown> = {}) => {
      const response = await server.executeOperation({ query: source, variables }, { contextValue: createContext(dataSource) });
      const result = (response.body as { singleResult: { data?: any; errors?: unknown } }).singleResult;
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const storiesIn = async (place: string) => {
      const { place: found } = await query(`query ($name: String!) { place(name: $name) { id } }`, { name: place });
      const data = await query(`query ($ids: [ID!]!, $place: ID!) { articles(first: 100, filter: { ids: $ids, places: { anyOf: [$place] } }) { edges { node { id } } } }`, {
        ids,
        place: found.id,
      });
      return new Set(data.articles.edges.map((edge: { node: { id: string } }) => edge.node.id));
    };

    beforeAll(async () => {
      server = new ApolloServer<Context>({ schema: await buildGraphSchema() });
      await server.start();
      const stories = await runSql<{ id: number }>(
        dataSource.manager,
        `SELECT id FROM article WHERE url LIKE '%wikinews%' AND body LIKE '%Soleimani%' AND "publishedAt" >= '2020-01-01' AND "publishedAt" < '2020-02-01' ORDER BY id`,
      );
      ids = stories.map((story) => encodeGlobalId("Article", Number(story.id)));
    });
    afterAll(() => server.stop());

    it("are several, and each is linked to him, whatever the spelling", async () => {
      expect(ids.length).toBeGreaterThanOrEqual(3);
      const { person } = await query(`{ person(name: "Qassem Soleimani") { name articles(first: 100) { edges { node { id } } } } }`);
      expect(person.name).toBe("Qasem Soleimani");
      const his = new Set(person.articles.edges.map((edge: { node: { id: string } }) => edge.node.id));
      expect(ids.filter((id) => !his.has(id))).toEqual([]);
    });

    it("are mostly linked to both Iraq and Iran (or places inside them)", async () => {
      const [iraq, iran] = [await storiesIn("Iraq"), await storiesIn("Iran")];
      expect(ids.filter((id) => iraq.has(id) && iran.has(id)).length).toBeGreaterThan(ids.length / 2);
    });

    it("list each other in their related coverage", async () => {
      const { nodes } = await query(`query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Article { relatedCoverage(first: 10) { article { id } } } } }`, { ids });
      for (const node of nodes as Array<{ id: string; relatedCoverage: Array<{ article: { id: string } }> }>) {
        const siblings = node.relatedCoverage.filter((edge) => ids.includes(edge.article.id) && edge.article.id !== node.id);
        expect([node.id, siblings.length >= Math.min(2, ids.length - 1)]).toEqual([node.id, true]);
      }
    });
  });
});
