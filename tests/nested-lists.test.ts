import { ArticleQuery } from "../src/services/article-query";
import { MAX_INDEX_RANGES } from "../src/services/keyset";
import { toPageRequest } from "../src/services/pagination";
import { ArticleWriter } from "../src/services/article-writer";
import { openEditorGraph, type EditorGraph } from "./mutations/editor-graph";
import { syriaStory, writeSyriaStories } from "./support/stories";

/** Every headline of a nested list, walked with `first`/`after` or `last`/`before` pages of `size`. */
async function walk(graph: EditorGraph, parent: string, list: string, direction: "forward" | "backward", size: number): Promise<string[]> {
  const headlines: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const args = direction === "forward" ? `first: ${size}, after: $cursor` : `last: ${size}, before: $cursor`;
    const result: any = await graph.query(
      `query ($id: ID!, $cursor: String) { node(id: $id) { ... on ${parent} { ${list}(${args}) {
         edges { node { headline } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`,
      { id: PARENTS[parent], cursor },
    );
    expect(result.errors).toBeUndefined();
    const connection = result.data.node[list];
    const page = connection.edges.map((edge: any) => edge.node.headline);
    if (direction === "forward") headlines.push(...page);
    else headlines.unshift(...page);
    const more = direction === "forward" ? connection.pageInfo.hasNextPage : connection.pageInfo.hasPreviousPage;
    if (!more) return headlines;
    cursor = direction === "forward" ? connection.pageInfo.endCursor : connection.pageInfo.startCursor;
  }
}

const PARENTS: Record<string, string> = {};

describe("the stories under a person, place or topic", () => {
  let graph: EditorGraph;
  beforeAll(async () => {
    graph = await openEditorGraph();
    await writeSyriaStories(graph.dataSource, 30);
    // Blinken writes one story that also names him: it is reached through two links.
    await new ArticleWriter(graph.dataSource).write({ ...syriaStory(100), headline: "Blinken on his own visit", authors: ["Antony Blinken"], publishedAt: "2024-12-24T09:00:00Z" });
    const found = await graph.query(`{ person(name: "Blinken") { id } topic(slug: "syria") { id } place(name: "Damascus") { id } }`);
    PARENTS.Person = found.data!.person.id;
    PARENTS.Topic = found.data!.topic.id;
    PARENTS.Place = found.data!.place.id;
  });
  afterAll(() => graph.close());

  it("come newest first with undated stories last, as the list of all stories filed under the topic", async () => {
    const nested = await walk(graph, "Topic", "articles", "forward", 4);
    const root = await graph.query(`query ($topic: ID!) { articles(first: 100, filter: { topics: { anyOf: [$topic] } }) { edges { node { headline publishedAt } } } }`, { topic: PARENTS.Topic });
    const all = root.data!.articles.edges.map((edge: any) => edge.node);
    expect(nested).toEqual(all.map((node: any) => node.headline));
    expect(nested).toHaveLength(33); // 30 briefings, Blinken's story, the seed story and its related story
    const firstUndated = all.findIndex((node: any) => node.publishedAt === null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(all.slice(firstUndated).every((node: any) => node.publishedAt === null)).toBe(true);
  });

  it("walk backward through the same order, across the undated ones", async () => {
    for (const parent of ["Topic", "Person", "Place"]) {
      expect(await walk(graph, parent, "articles", "backward", 3)).toEqual(await walk(graph, parent, "articles", "forward", 3));
    }
  });

  it("list a story reached through two links once, and count it once", async () => {
    const headlines = await walk(graph, "Person", "articles", "forward", 5);
    expect(headlines.filter((headline) => headline === "Blinken on his own visit")).toHaveLength(1);
    const counted = await graph.query(`query ($id: ID!) { node(id: $id) { ... on Person { articles { totalCount } } } }`, { id: PARENTS.Person });
    expect(counted.data!.node.articles.totalCount).toBe(headlines.length);
  });

  it("give a batch of parents too many to read one by one the same pages as each parent alone", async () => {
    const query = new ArticleQuery(graph.dataSource.manager);
    const entityIds: number[] = (await graph.dataSource.query(`SELECT id FROM entity ORDER BY id`)).map((row: { id: number }) => Number(row.id));
    const links = ["mention", "author", "photographer"] as const;
    expect(entityIds.length * links.length).toBeGreaterThan(MAX_INDEX_RANGES);
    const request = toPageRequest({ first: 3 });
    const batch = await query.listByParent([...links], entityIds, {}, "NEWEST", request);
    let withStories = 0;
    for (const entityId of entityIds) {
      const alone = (await query.listByParent([...links], [entityId], {}, "NEWEST", request)).get(entityId)!;
      const page = batch.get(entityId)!;
      expect({ entityId, ids: page.items.map((item) => item.node.id), hasNextPage: page.hasNextPage }).toEqual({
        entityId,
        ids: alone.items.map((item) => item.node.id),
        hasNextPage: alone.hasNextPage,
      });
      if (page.items.length > 0) withStories++;
    }
    expect(withStories).toBeGreaterThan(10);
  });

  it("follow a story whose publication date changes, in its topic's and its people's lists", async () => {
    const first = async (parent: string) =>
      (await graph.query(`query ($id: ID!) { node(id: $id) { ... on ${parent} { articles(first: 1) { edges { node { id headline } } } } } }`, { id: PARENTS[parent] })).data!.node.articles.edges[0].node;
    const oldest = await graph.query(`query ($topic: ID!) { articles(last: 1, orderBy: NEWEST, filter: { topics: { anyOf: [$topic] }, people: { anyOf: ["${PARENTS.Person}"] }, publishedAfter: "2000-01-01T00:00:00Z" }) { edges { node { id headline } } } }`, { topic: PARENTS.Topic });
    expect(oldest.errors).toBeUndefined();
    const story = oldest.data!.articles.edges[0].node;
    expect((await first("Topic")).id).not.toBe(story.id);

    const updated = await graph.asEditor(`mutation ($id: ID!) { updateArticle(id: $id, patch: { publishedAt: "2025-06-01T12:00:00Z" }) { id } }`, { id: story.id });
    expect(updated.errors).toBeUndefined();
    expect(await first("Topic")).toEqual(story);
    expect(await first("Person")).toEqual(story);
  });
});
