import { openTestGraph, type TestGraph } from "./support/graph";
import { writeSyriaStories } from "./support/stories";

describe("an entity's or topic's stories", () => {
  let graph: TestGraph;
  let ids: Record<string, string>;
  beforeAll(async () => {
    graph = await openTestGraph();
    await writeSyriaStories(graph.dataSource, 16);
    const found = await graph.query(`{ blinken: person(name: "Blinken") { id } assad: person(name: "Assad") { id } syria: topic(slug: "syria") { id } }`);
    ids = Object.fromEntries(Object.entries(found.data!).map(([key, value]: [string, any]) => [key, value.id]));
  });
  afterAll(() => graph.close());

  it("come most salient first with orderBy: SALIENCE, paging without loss", async () => {
    const all = await graph.query(`query ($id: ID!) { node(id: $id) { ... on Person { articles(first: 100, orderBy: SALIENCE) { edges { node { headline mentions(type: PERSON) { entity { id } salience } } } } } } }`, { id: ids.blinken });
    const salience = all.data!.node.articles.edges.map((edge: any) => edge.node.mentions.find((mention: any) => mention.entity.id === ids.blinken).salience);
    expect(salience).toEqual([...salience].sort((a, b) => b - a));
    expect(all.data!.node.articles.edges[0].node.headline).toBe("Blinken makes unannounced Iraq visit as part of Syria diplomacy push");

    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await graph.query(`query ($id: ID!, $after: String) { node(id: $id) { ... on Person { articles(first: 3, after: $after, orderBy: SALIENCE) { edges { node { headline } } pageInfo { hasNextPage endCursor } } } } }`, { id: ids.blinken, after });
      const connection = page.data!.node.articles;
      paged.push(...connection.edges.map((edge: any) => edge.node.headline));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(all.data!.node.articles.edges.map((edge: any) => edge.node.headline));
  });

  it("take the same filter as every article list", async () => {
    const nested = await graph.query(`query ($topic: String!, $assad: ID!) { topic(slug: $topic) { articles(filter: { people: { anyOf: [$assad] } }) { totalCount } } }`, { topic: "syria", assad: ids.assad });
    const root = await graph.query(`query ($syria: ID!, $assad: ID!) { articles(filter: { topics: { anyOf: [$syria] }, people: { anyOf: [$assad] } }) { totalCount } }`, { syria: ids.syria, assad: ids.assad });
    expect(nested.data!.topic.articles.totalCount).toBe(root.data!.articles.totalCount);
    expect(root.data!.articles.totalCount).toBeGreaterThan(3);
  });

  it("refuses SALIENCE on the list of all stories, where no entity says what to weigh", async () => {
    const result = await graph.query(`{ articles(orderBy: SALIENCE) { totalCount } }`);
    expect(result.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "orderBy" } });
  });
});
