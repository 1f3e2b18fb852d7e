import type { ArticleInput } from "../src/services/article-input";
import { ArticleWriter } from "../src/services/article-writer";
import { RelatedCoverageRanker } from "../src/services/related-coverage-ranker";
import { openTestGraph, type TestGraph } from "./support/graph";

/** A story naming the given people, published on the given day. */
function story(headline: string, day: string, people: string[]): ArticleInput {
  return {
    url: `https://example.com/related/${headline.toLowerCase().replace(/\W+/g, "-")}`,
    headline,
    body: [`${people.join(" and ")} were in the news.`],
    publishedAt: `${day}T12:00:00Z`,
    publisher: "Reuters",
    tags: { people: people.map((name) => ({ name })) },
  };
}

describe("related coverage in a large archive", () => {
  let graph: TestGraph;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    graph = await openTestGraph();
    const writer = new ArticleWriter(graph.dataSource);
    // Ursula Vantongeren is in three stories, above the reach of 2 set below; Odile Marchetti in two.
    const stories = [
      story("January talks", "2024-01-01", ["Ursula Vantongeren", "Odile Marchetti"]),
      story("Ten days later", "2024-01-10", ["Ursula Vantongeren"]),
      story("Summer follow-up", "2024-06-01", ["Ursula Vantongeren"]),
      story("Autumn echo", "2024-10-01", ["Odile Marchetti"]),
    ];
    for (const input of stories) ids[input.headline] = (await writer.write(input)).article.id;
  });
  afterAll(() => graph.close());

  const related = async (headline: string) => {
    const ranker = new RelatedCoverageRanker(graph.dataSource.manager, { allStoriesUpTo: 2, windowDays: 30 });
    const ranked = (await ranker.rank([ids[headline]], 10)).get(ids[headline])!;
    return ranked.map((item) => item.article.headline);
  };

  it("relates through a common name only stories within the window of each other", async () => {
    expect(await related("January talks")).toEqual(expect.arrayContaining(["Ten days later"]));
    expect(await related("January talks")).not.toContain("Summer follow-up");
    expect(await related("Summer follow-up")).toEqual([]);
  });

  it("relates through a rare name stories of any date", async () => {
    expect(await related("January talks")).toContain("Autumn echo");
    expect(await related("Autumn echo")).toEqual(["January talks"]);
  });

  it("relates through a common name every story when the reach allows it", async () => {
    const ranker = new RelatedCoverageRanker(graph.dataSource.manager, { allStoriesUpTo: 200, windowDays: 30 });
    const ranked = (await ranker.rank([ids["Summer follow-up"]], 10)).get(ids["Summer follow-up"])!;
    expect(ranked.map((item) => item.article.headline).sort()).toEqual(["January talks", "Ten days later"]);
  });
});
