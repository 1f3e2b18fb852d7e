import { openTestGraph, type TestGraph } from "./support/graph";
import { writeSyriaStories } from "./support/stories";

/** The acceptance query, with the size of the nested story list as a variable, and each listed story's relations. */
const PAGE_QUERY = `query ($first: Int!) {
  article(slug: "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push") {
    id headline publishedAt
    authors { name }
    dateline { name containedIn { name } }
    photos { caption photographer { name } agency { name } isFilePhoto depicts { name } }
    people { name } places { name } organizations { name }
    topics {
      name
      articles(first: $first) {
        totalCount
        edges { node { headline authors { name } people { name } photos { caption agency { name } } topics { name } } }
      }
    }
    relatedCoverage(first: 5) { score article { headline } sharedEntities { name } }
  }
}`;

describe("SQL statements per request", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await openTestGraph();
    await writeSyriaStories(graph.dataSource, 60);
  });
  afterAll(() => graph.close());

  async function statementsFor(first: number): Promise<{ count: number; listed: number }> {
    graph.counter.statements = [];
    const result = await graph.query(PAGE_QUERY, { first });
    expect(result.errors).toBeUndefined();
    const syria = result.data!.article.topics.find((topic: { name: string }) => topic.name === "Syria");
    return { count: graph.counter.statements.length, listed: syria.articles.edges.length };
  }

  it("depend on the shape of the query, not on how many rows it returns", async () => {
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
