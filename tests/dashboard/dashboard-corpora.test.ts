import { ApolloServer } from "@apollo/server";
import type { DataSource } from "typeorm";
import { createContext, type Context } from "../../src/context.type";
import { formatError } from "../../src/format-error";
import { Ingester } from "../../src/services/ingest/ingester";
import { buildGraphSchema } from "../../src/schema";
import { describeWithCorpora } from "../support/corpora";
import { openTestDataSource, type TestDataSource } from "../support/database";

/** Facts anyone can check in `../shared/corpora`, asked of the dashboard queries; the corpora are ingested once for all. */
describeWithCorpora("dashboard queries on the public corpora", (corpora) => {
  let database: TestDataSource;
  let dataSource: DataSource;
  let server: ApolloServer<Context>;
  const ids: Record<string, string> = {};

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const response = await server.executeOperation({ query, variables }, { contextValue: createContext(dataSource) });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    expect(response.body.singleResult.errors).toBeUndefined();
    return response.body.singleResult.data as Record<string, any>;
  };

  beforeAll(async () => {
    // On disk: ten thousand stories would weigh on memory.
    database = await openTestDataSource({ onDisk: true });
    dataSource = database.dataSource;
    await new Ingester(dataSource).ingest([corpora]);
    server = new ApolloServer<Context>({ schema: await buildGraphSchema(), formatError: formatError(false) });
    await server.start();
    const found = await ok(`{
      soleimani: person(name: "Qasem Soleimani") { id } trump: person(name: "Donald Trump") { id }
      blinken: person(name: "Antony Blinken") { id } hezbollah: organization(name: "Hezbollah") { id }
    }`);
    for (const [key, value] of Object.entries(found)) ids[key] = value.id;
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  it("charts Qasem Soleimani's coverage peaking in January 2020, the month he was killed", async () => {
    const { coverageTimeline } = await ok(
      `query ($id: ID!) { coverageTimeline(entities: [$id], interval: MONTH, from: "2019-06-01", to: "2020-12-31") { entity { name } buckets { start count } } }`,
      { id: ids.soleimani },
    );
    expect(coverageTimeline).toHaveLength(1);
    const [series] = coverageTimeline;
    expect(series.entity.name).toBe("Qasem Soleimani");
    expect(series.buckets).toHaveLength(19);
    const peak = series.buckets.reduce((best: any, bucket: any) => (bucket.count > best.count ? bucket : best));
    expect(peak.start).toBe("2020-01-01");
    expect(peak.count).toBeGreaterThanOrEqual(10);
  });

  it("has Qasem Soleimani top the people trending in January 2020 against 2019", async () => {
    const { trending } = await ok(`{ trending(kind: PERSON, window: { from: "2020-01-01", to: "2020-01-31" },
      baseline: { from: "2019-01-01", to: "2019-12-31" }, first: 5) { entity { name } windowCount baselineCount score } }`);
    expect(trending).toHaveLength(5);
    expect(trending[0].entity.name).toBe("Qasem Soleimani");
    expect(trending[0].windowCount).toBeGreaterThan(trending[0].baselineCount);
  });

  it("lists with an all-of filter on two people only the stories that name both", async () => {
    const { both, either } = await ok(
      `query ($a: ID!, $b: ID!) {
        both: articles(first: 100, filter: { people: { allOf: [$a, $b] } }) { totalCount edges { node { people { id } } } }
        either: articles(filter: { people: { anyOf: [$a, $b] } }) { totalCount }
      }`,
      { a: ids.soleimani, b: ids.trump },
    );
    expect(both.totalCount).toBeGreaterThan(0);
    expect(both.totalCount).toBeLessThan(either.totalCount);
    for (const edge of both.edges) expect(edge.node.people.map((person: any) => person.id)).toEqual(expect.arrayContaining([ids.soleimani, ids.trump]));
    const { facets } = await ok(`query ($a: ID!, $b: ID!) { facets(filter: { people: { allOf: [$a, $b] } }) { totalCount people { entity { id } count } } }`, { a: ids.soleimani, b: ids.trump });
    expect(facets.totalCount).toBe(both.totalCount);
    expect(facets.people.filter((value: any) => value.count === both.totalCount).map((value: any) => value.entity.id)).toEqual(expect.arrayContaining([ids.soleimani, ids.trump]));
  });

  it("connects Antony Blinken to Hezbollah through the seed story", async () => {
    const { connection } = await ok(
      `query ($a: ID!, $b: ID!) { connection(from: $a, to: $b, maxHops: 3) { found hops { from { name } to { name } articles { headline } } } }`,
      { a: ids.blinken, b: ids.hezbollah },
    );
    expect(connection.found).toBe(true);
    expect(connection.hops).toHaveLength(1);
    expect(connection.hops[0].from.name).toBe("Antony Blinken");
    expect(connection.hops[0].to.name).toBe("Hezbollah");
    expect(connection.hops[0].articles.map((article: any) => article.headline)).toContain("Blinken makes unannounced Iraq visit as part of Syria diplomacy push");
  });

  it("lists who was in the news with Soleimani in January 2020, with the stories", async () => {
    const { coMentions } = await ok(
      `query ($id: ID!) { coMentions(entity: $id, from: "2020-01-01", to: "2020-01-31", first: 5) { count entity { name } articles { headline publishedAt } } }`,
      { id: ids.soleimani },
    );
    expect(coMentions.map((edge: any) => edge.entity.name)).toEqual(expect.arrayContaining(["Iran", "Donald Trump"]));
    for (const edge of coMentions) {
      expect(edge.articles.length).toBe(Math.min(3, edge.count));
      for (const article of edge.articles) expect(article.publishedAt.slice(0, 7)).toBe("2020-01");
    }
  });
});
