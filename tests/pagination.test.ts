import { openTestGraph, type TestGraph } from "./support/graph";
import { writeSyriaStories } from "./support/stories";

const LIST = `query ($first: Int, $after: String, $last: Int, $before: String, $orderBy: ArticleOrder) {
  articles(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: { topics: { anyOf: [$topic] } }) {
    totalCount
    edges { cursor node { headline publishedAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe("paging through a list of stories", () => {
  let graph: TestGraph;
  let topicId: string;
  beforeAll(async () => {
    graph = await openTestGraph();
    await writeSyriaStories(graph.dataSource, 23);
    topicId = (await graph.query(`{ topic(slug: "syria") { id } }`)).data!.topic.id;
  });
  afterAll(() => graph.close());

  const list = async (variables: Record<string, unknown>) => {
    const result = await graph.query(LIST.replace("[$topic]", JSON.stringify([topicId])), variables);
    expect(result.errors).toBeUndefined();
    return result.data!.articles;
  };

  async function walkForward(orderBy: string): Promise<string[]> {
    const headlines: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await list({ first: 4, after, orderBy });
      headlines.push(...page.edges.map((edge: any) => edge.node.headline));
      if (!page.pageInfo.hasNextPage) return headlines;
      after = page.pageInfo.endCursor;
    }
  }

  it("forward pages visit every story once, newest first, undated stories last", async () => {
    const headlines = await walkForward("NEWEST");
    expect(headlines).toHaveLength(25); // 23 briefings, the seed story and its related story
    expect(new Set(headlines).size).toBe(25);
    const all = (await list({ first: 100, orderBy: "NEWEST" })).edges.map((edge: any) => edge.node);
    const dated = all.filter((node: any) => node.publishedAt !== null).map((node: any) => node.publishedAt);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(all.slice(dated.length).every((node: any) => node.publishedAt === null)).toBe(true);
    expect(headlines).toEqual(all.map((node: any) => node.headline));
  });

  it("backward pages from the end give the same order", async () => {
    const forward = await walkForward("OLDEST");
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = await list({ last: 4, before, orderBy: "OLDEST" });
      backward.unshift(...page.edges.map((edge: any) => edge.node.headline));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it("counts the whole list on every page", async () => {
    expect((await list({ first: 2 })).totalCount).toBe(25);
  });

  it("refuses more than 100 items with a BAD_USER_INPUT error naming the argument", async () => {
    const result = await graph.query(`{ articles(first: 101) { totalCount } }`);
    expect(result.errors![0]).toMatchObject({
      message: "first must be an integer from 0 to 100, got 101",
      extensions: { code: "BAD_USER_INPUT", argument: "first" },
    });
  });

  it("refuses a cursor it did not issue", async () => {
    const result = await graph.query(`{ articles(first: 2, after: "bm90IGEgY3Vyc29y") { totalCount } }`);
    expect(result.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "after" } });
  });

  it("pages nested lists the same way", async () => {
    const first = await graph.query(`{ topic(slug: "syria") { articles(first: 10) { edges { node { headline } } pageInfo { endCursor hasNextPage } } } }`);
    const { endCursor, hasNextPage } = first.data!.topic.articles.pageInfo;
    expect(hasNextPage).toBe(true);
    const second = await graph.query(`query ($after: String) { topic(slug: "syria") { articles(first: 10, after: $after) { edges { node { headline } } } } }`, { after: endCursor });
    const seen = new Set(first.data!.topic.articles.edges.map((edge: any) => edge.node.headline));
    expect(second.data!.topic.articles.edges).toHaveLength(10);
    for (const edge of second.data!.topic.articles.edges) expect(seen.has(edge.node.headline)).toBe(false);
  });
});
