import { openTestGraph, type TestGraph } from "./support/graph";
import { SEED_STORY } from "./support/seed-story-query";
import { writeSyriaStories } from "./support/stories";

/**
 * The acceptance query with the size of the topic's story list as a variable, and each listed
 * story's own relations asked for too, so a per-row statement anywhere would show.
 */
const PAGE_QUERY = SEED_STORY.query.replace("($slug: String!)", "($slug: String!, $first: Int!)").replace(
  "articles(first: 10) { totalCount edges { node { headline } } }",
  "articles(first: $first) { totalCount edges { node { headline authors { name } people { name } photos { caption agency { name } } topics { name } } } }",
);

describe("SQL statements per request", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await openTestGraph();
    await writeSyriaStories(graph.dataSource, 60);
  });
  afterAll(() => graph.close());

  async function statementsFor(first: number): Promise<{ count: number; listed: number }> {
    graph.counter.statements = [];
    const result = await graph.query(PAGE_QUERY, { ...SEED_STORY.variables, first });
    expect(result.errors).toBeUndefined();
    const syria = result.data!.article.topics.find((topic: { name: string }) => topic.name === "Syria");
    return { count: graph.counter.statements.length, listed: syria.articles.edges.length };
  }

  it("depend on the shape of the query, not on how many rows it returns", async () => {
    expect(PAGE_QUERY).toContain("articles(first: $first)");
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(small.listed).toBe(5);
    expect(large.listed).toBe(50);
    expect(large.count).toBe(small.count);
  });

  it("stay few: one or two per level of relations", async () => {
    const { count } = await statementsFor(50);
    expect(count).toBeLessThanOrEqual(20);
  });
});
