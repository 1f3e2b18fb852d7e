import { ArticleWriter } from "../src/services/article-writer";
import { openTestGraph, type TestGraph } from "./support/graph";

describe("filtering stories", () => {
  let graph: TestGraph;
  let ids: Record<string, string>;
  beforeAll(async () => {
    graph = await openTestGraph();
    const writer = new ArticleWriter(graph.dataSource);
    await writer.write({
      headline: "Traffic returns to Baghdad bridges",
      body: ["Bridges across the Tigris in Baghdad reopened."],
      publishedAt: "2024-12-20",
      tags: { places: [{ name: "Baghdad" }] },
    });
    await writer.write({ headline: "Weather in Lebanon", body: ["Rain fell in Lebanon."], publishedAt: "2024-12-21", section: "Weather", tags: { places: [{ name: "Lebanon" }] } });
    const found = await graph.query(`{ iraq: place(name: "Iraq") { id } lebanon: place(name: "Lebanon") { id } war: topic(slug: "conflict-war-and-peace") { id } syria: topic(slug: "syria") { id } assad: person(name: "Assad") { id } biden: person(name: "Biden") { id } }`);
    ids = Object.fromEntries(Object.entries(found.data!).map(([key, value]: [string, any]) => [key, value.id]));
  });
  afterAll(() => graph.close());

  const headlines = async (filter: string) => {
    const result = await graph.query(`{ articles(first: 100, filter: ${filter}) { totalCount edges { node { headline } } } }`);
    expect(result.errors).toBeUndefined();
    return result.data!.articles.edges.map((edge: any) => edge.node.headline).sort();
  };

  it("counts a story about a place inside a country for the country", async () => {
    const iraq = await headlines(`{ places: { anyOf: ["${ids.iraq}"] } }`);
    expect(iraq).toContain("Traffic returns to Baghdad bridges");
    expect(iraq).not.toContain("Weather in Lebanon");
  });

  it("counts a story under a subtopic for the broader topic", async () => {
    expect(await headlines(`{ topics: { anyOf: ["${ids.war}"] } }`)).toEqual(await headlines(`{ topics: { anyOf: ["${ids.syria}"] } }`));
    expect((await headlines(`{ topics: { anyOf: ["${ids.war}"] } }`)).length).toBeGreaterThan(0);
  });

  it("combines conditions: every condition must hold, and IDs in one list match any", async () => {
    expect(await headlines(`{ people: { anyOf: ["${ids.assad}", "${ids.biden}"] } }`)).toEqual(["Blinken makes unannounced Iraq visit as part of Syria diplomacy push"]);
    expect(await headlines(`{ people: { allOf: ["${ids.assad}", "${ids.biden}"] } }`)).toEqual(["Blinken makes unannounced Iraq visit as part of Syria diplomacy push"]);
    expect(await headlines(`{ places: { anyOf: ["${ids.lebanon}"] }, section: "Weather" }`)).toEqual(["Weather in Lebanon"]);
    expect(await headlines(`{ places: { anyOf: ["${ids.lebanon}"] }, publishedBefore: "2024-12-21T00:00:00Z" }`)).toEqual(["Blinken makes unannounced Iraq visit as part of Syria diplomacy push"]);
  });

  it("distinguishes any-of from all-of, and nests and, or and not", async () => {
    const either = await headlines(`{ places: { anyOf: ["${ids.iraq}", "${ids.lebanon}"] } }`);
    const both = await headlines(`{ places: { allOf: ["${ids.iraq}", "${ids.lebanon}"] } }`);
    expect(either).toEqual(expect.arrayContaining(["Traffic returns to Baghdad bridges", "Weather in Lebanon"]));
    expect(both).toEqual(["Blinken makes unannounced Iraq visit as part of Syria diplomacy push"]);
    expect(await headlines(`{ or: [{ section: "Weather" }, { text: "bridges" }] }`)).toEqual(["Traffic returns to Baghdad bridges", "Weather in Lebanon"]);
    expect(await headlines(`{ places: { anyOf: ["${ids.iraq}"] }, not: { hasPhoto: true } }`)).toEqual(["Traffic returns to Baghdad bridges"]);
    expect(await headlines(`{ and: [{ places: { anyOf: ["${ids.lebanon}"] } }, { not: { section: "Weather" } }] }`)).toEqual(["Blinken makes unannounced Iraq visit as part of Syria diplomacy push"]);
  });

  it("refuses an ID of the wrong type in a filter", async () => {
    const result = await graph.query(`{ articles(filter: { people: { anyOf: ["${ids.iraq}"] } }) { totalCount } }`);
    expect(result.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });
});
