import { openTestGraph, type TestGraph } from "./support/graph";
import { SEED_STORY } from "./support/seed-story-query";

describe("the seed story, end to end", () => {
  let graph: TestGraph;
  let article: any;
  beforeAll(async () => {
    graph = await openTestGraph();
    const result = await graph.query(SEED_STORY.query, SEED_STORY.variables);
    expect(result.errors).toBeUndefined();
    article = result.data!.article;
  });
  afterAll(() => graph.close());

  it("is found by the slug of its headline, published on Friday 13 December 2024", () => {
    expect(article.headline).toBe("Blinken makes unannounced Iraq visit as part of Syria diplomacy push");
    expect(article.publishedAt).toBe("2024-12-13T00:00:00.000Z");
  });

  it("is by Simon Lewis, datelined Baghdad, in Iraq", () => {
    expect(article.authors).toEqual([{ name: "Simon Lewis" }]);
    expect(article.dateline).toEqual({ name: "Baghdad", containedIn: { name: "Iraq" } });
  });

  it("names Blinken first, then al-Sudani, Assad and Biden", () => {
    expect(article.people.map((person: { name: string }) => person.name)).toEqual([
      "Antony Blinken",
      "Mohammed Shia al-Sudani",
      "Bashar al-Assad",
      "Joe Biden",
    ]);
  });

  it("names the places and organizations of the text, the most salient first", () => {
    const places = article.places.map((place: { name: string }) => place.name);
    expect(places.slice(0, 2).sort()).toEqual(["Iraq", "Syria"]);
    expect(places).toEqual(expect.arrayContaining(["Baghdad", "Damascus", "Iran", "Israel", "Gaza Strip", "Lebanon"]));
    expect(places).not.toContain("Washington, D.C.");
    expect(article.organizations.map((organization: { name: string }) => organization.name)).toEqual(
      expect.arrayContaining(["Hamas", "Hezbollah", "Islamic State", "al-Qaeda", "Hayat Tahrir al-Sham", "Popular Mobilization Forces", "United States Department of State"]),
    );
  });

  it("carries the pool file photo by Bryan R. Smith for Reuters, showing Blinken and al-Sudani", () => {
    expect(article.photos).toEqual([
      {
        caption: expect.stringContaining("meets with Iraqi Prime Minister Mohammed Shia al-Sudani in New York City"),
        photographer: { name: "Bryan R. Smith" },
        agency: { name: "Reuters" },
        isFilePhoto: true,
        depicts: [{ name: "Antony Blinken" }, { name: "Mohammed Shia al-Sudani" }],
      },
    ]);
  });

  it("is filed under Syria, whose story list holds it", () => {
    const syria = article.topics.find((topic: { name: string }) => topic.name === "Syria");
    expect(article.topics[0].name).toBe("Syria");
    expect(syria.articles.totalCount).toBeGreaterThanOrEqual(2);
    expect(syria.articles.edges.map((edge: any) => edge.node.headline)).toContain(article.headline);
  });

  it("lists the editors' related story first, scored, with what the two share", () => {
    expect(article.relatedCoverage[0]).toEqual({
      score: 1,
      article: { headline: "Syria’s turning point: Transition or turmoil?" },
      sharedEntities: expect.arrayContaining([{ name: "Damascus" }, { name: "Syria" }]),
    });
  });

  it("measures each mention: role, salience, count and the sentence where it first occurs", async () => {
    const result = await graph.query(`{ article(slug: "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push") {
      mentions(type: PERSON) { entity { name } role salience count evidence } } }`);
    const byName = Object.fromEntries(result.data!.article.mentions.map((mention: any) => [mention.entity.name, mention]));
    expect(byName["Antony Blinken"]).toMatchObject({ role: "DEPICTED", count: 5 });
    expect(byName["Antony Blinken"].salience).toBeGreaterThan(byName["Bashar al-Assad"].salience);
    expect(byName["Bashar al-Assad"]).toMatchObject({
      role: "MENTIONED",
      count: 2,
      evidence: "Blinken is touring the region in the wake of the swift collapse of Bashar al-Assad's government in the face of an advance by Syrian opposition factions.",
    });
  });

  it("keeps the body without the site's boilerplate or the repeated lead", async () => {
    const result = await graph.query(`{ article(slug: "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push") { summary body byline wordCount } }`);
    const { summary, body, byline, wordCount } = result.data!.article;
    expect(body[0]).toMatch(/^Blinken is touring the region/);
    expect(body).not.toContain(summary);
    expect(body.join(" ")).not.toMatch(/cookie|newsletter|Skip to main content|By Simon Lewis/i);
    expect(byline).toBe("By Simon Lewis");
    expect(wordCount).toBeGreaterThan(300);
  });
});
