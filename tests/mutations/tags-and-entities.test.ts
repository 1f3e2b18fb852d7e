import { openEditorGraph, type EditorGraph } from "./editor-graph";

const STORY = {
  url: "https://example.org/2024/12/21/aleppo-aid",
  headline: "Aid convoy reaches Aleppo as Bashar al-Assad's rule ends",
  body: ["An aid convoy reached Aleppo, Syria, on Saturday.", "Bashar al-Assad fled Damascus earlier this month, officials said."],
  publishedAt: "2024-12-21",
  publisher: "Reuters",
};

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { results { outcome article { id } } } }`;
const STORY_TAGS = `query($id: ID!) { node(id: $id) { ... on Article { people { name } places { name } organizations { name } topics { slug } mentions { role salience entity { name } } } } }`;
const names = (list: Array<{ name: string }>) => list.map((item) => item.name);

describe("editorial tags and entities", () => {
  let graph: EditorGraph;
  beforeEach(async () => {
    graph = await openEditorGraph();
  });
  afterEach(() => graph.close());

  async function ingest(story: object): Promise<string> {
    const result = await graph.asEditor(INGEST, { input: { article: story } });
    expect(result.errors).toBeUndefined();
    return result.data!.ingestArticle.results[0].article.id;
  }

  it("tags and untags a story, and both decisions survive re-ingesting it", async () => {
    const id = await ingest(STORY);
    const before = (await graph.query(STORY_TAGS, { id })).data!.node;
    expect(names(before.people)).toContain("Bashar al-Assad");
    expect(names(before.places)).toContain("Damascus");

    const tagged = await graph.asEditor(`mutation($id: ID!) { tagArticle(id: $id, tag: { person: "Volker Türk", role: QUOTED, salience: 0.9 }) { id } }`, { id });
    expect(tagged.errors).toBeUndefined();
    await graph.asEditor(`mutation($id: ID!) { tagArticle(id: $id, tag: { topic: "diplomacy", salience: 0.5 }) { id } }`, { id });
    const untagged = await graph.asEditor(`mutation($id: ID!) { untagArticle(id: $id, tag: { place: "Damascus" }) { places { name } } }`, { id });
    expect(names(untagged.data!.untagArticle.places)).not.toContain("Damascus");

    const expectDecisionsApplied = async () => {
      const story = (await graph.query(STORY_TAGS, { id })).data!.node;
      expect(story.mentions).toContainEqual({ role: "QUOTED", salience: 0.9, entity: { name: "Volker Türk" } });
      expect(story.topics.map((topic: { slug: string }) => topic.slug)).toContain("diplomacy");
      expect(names(story.places)).not.toContain("Damascus");
      expect(names(story.people)).toContain("Bashar al-Assad");
    };
    await expectDecisionsApplied();

    // The wire sends a revised version: extraction runs again, and the editors' decisions still hold.
    const revised = await graph.asEditor(INGEST, { input: { article: { ...STORY, body: [...STORY.body, "More aid is expected in Damascus next week."] } } });
    expect(revised.data!.ingestArticle.results[0]).toEqual({ outcome: "UPDATED", article: { id } });
    await expectDecisionsApplied();

    const onTopic = await graph.query(`{ topic(slug: "diplomacy") { articles { edges { node { id } } } } }`);
    expect(onTopic.data!.topic.articles.edges).toContainEqual({ node: { id } });
    const placeStories = await graph.query(`{ place(name: "Damascus") { articles { edges { node { id } } } } }`);
    expect(placeStories.data!.place.articles.edges).not.toContainEqual({ node: { id } });
  });

  it("refuses a tag that names nothing or too much, naming the field", async () => {
    const id = await ingest(STORY);
    const none = await graph.asEditor(`mutation($id: ID!) { tagArticle(id: $id, tag: {}) { id } }`, { id });
    expect(none.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "tag" });
    const topic = await graph.asEditor(`mutation($id: ID!) { tagArticle(id: $id, tag: { topic: "nope" }) { id } }`, { id });
    expect(topic.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "tag.topic" });
    const salience = await graph.asEditor(`mutation($id: ID!) { tagArticle(id: $id, tag: { person: "Bashar al-Assad", salience: 2 }) { id } }`, { id });
    expect(salience.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "tag.salience" });
  });

  it("merges a duplicate: every edge moves, the name becomes an alias, and the old ID resolves to the merged entity", async () => {
    // A duplicate of Antony Blinken, as a misspelt byline and caption register him.
    const id = await ingest({
      url: "https://example.org/2024/12/22/blinken-jordan",
      headline: "Anthony Blinkin meets Jordan's king in Aqaba",
      body: ["Anthony Blinkin met King Abdullah in Aqaba on Sunday."],
      publishedAt: "2024-12-22",
      publisher: "Reuters",
      authors: ["Anthony Blinkin"],
      photos: [{ caption: "Anthony Blinkin in Aqaba", photographer: "Anthony Blinkin", depicts: ["Anthony Blinkin"] }],
      tags: { people: [{ name: "Anthony Blinkin" }] },
    });
    const ids = await graph.query(`{ into: person(name: "Antony Blinken") { id articles { totalCount } } from: person(name: "Anthony Blinkin") { id } }`);
    const into = ids.data!.into.id;
    const from = ids.data!.from.id;
    expect(into).not.toBe(from);

    const merged = await graph.asEditor(`mutation($into: ID!, $from: ID!) { mergeEntities(into: $into, from: $from) { id name aliases } }`, { into, from });
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeEntities).toMatchObject({ id: into, name: "Antony Blinken", aliases: expect.arrayContaining(["Anthony Blinkin"]) });

    const after = await graph.query(
      `query($from: ID!, $story: ID!) {
        node(id: $from) { id ... on Person { name } }
        person(id: $from) { name articles { totalCount } photos { caption photographer { name } } }
        byName: person(name: "Anthony Blinkin") { id }
        story: node(id: $story) { ... on Article { authors { name } people { name } photos { photographer { name } depicts { name } } } }
      }`,
      { from, story: id },
    );
    expect(after.errors).toBeUndefined();
    expect(after.data!.node).toEqual({ id: into, name: "Antony Blinken" });
    expect(after.data!.person.articles.totalCount).toBe(ids.data!.into.articles.totalCount + 1);
    expect(after.data!.person.photos.map((photo: { caption: string }) => photo.caption)).toContain("Anthony Blinkin in Aqaba");
    expect(after.data!.byName.id).toBe(into);
    expect(after.data!.story).toEqual({
      authors: [{ name: "Antony Blinken" }],
      people: expect.arrayContaining([{ name: "Antony Blinken" }]),
      photos: [{ photographer: { name: "Antony Blinken" }, depicts: [{ name: "Antony Blinken" }] }],
    });
    expect(after.data!.story.people.filter((person: { name: string }) => person.name === "Antony Blinken")).toHaveLength(1);
  });

  it("merges places with their containment, and refuses merging across types or into itself", async () => {
    const ids = await graph.query(`{ iraq: place(name: "Iraq") { id } baghdad: place(name: "Baghdad") { id } blinken: person(name: "Antony Blinken") { id } }`);
    const { iraq, baghdad, blinken } = ids.data!;
    const created = await graph.asEditor(`mutation($id: ID!) { updateEntity(id: $id, patch: { aliases: ["Mesopotamia"] }) { id } }`, { id: iraq.id });
    expect(created.errors).toBeUndefined();
    const across = await graph.asEditor(`mutation($a: ID!, $b: ID!) { mergeEntities(into: $a, from: $b) { id } }`, { a: iraq.id, b: blinken.id });
    expect(across.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    const self = await graph.asEditor(`mutation($a: ID!) { mergeEntities(into: $a, from: $a) { id } }`, { a: iraq.id });
    expect(self.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "from" });
    const merged = await graph.asEditor(`mutation($a: ID!, $b: ID!) { mergeEntities(into: $a, from: $b) { name ... on Place { containedIn { name } contains { name } } } }`, { a: iraq.id, b: baghdad.id });
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeEntities.containedIn).toBeNull();
    expect(merged.data!.mergeEntities.contains.map((place: { name: string }) => place.name)).not.toContain("Iraq");
  });

  it("updates an entity's facts, keeping the old name as an alias, with field-level errors", async () => {
    const { data } = await graph.query(`{ place(name: "Baghdad") { id } iraq: place(name: "Iraq") { id } }`);
    const updated = await graph.asEditor(
      `mutation($id: ID!, $iraq: ID!) { updateEntity(id: $id, patch: { name: "Baghdad City", description: "Capital of Iraq", wikidataId: "Q1530", latitude: 33.3, containedIn: $iraq }) {
        name aliases description wikidataId ... on Place { latitude containedIn { name } } } }`,
      { id: data!.place.id, iraq: data!.iraq.id },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateEntity).toMatchObject({ name: "Baghdad City", aliases: expect.arrayContaining(["Baghdad"]), description: "Capital of Iraq", wikidataId: "Q1530", latitude: 33.3, containedIn: { name: "Iraq" } });
    const byOldName = await graph.query(`{ place(name: "Baghdad") { name } }`);
    expect(byOldName.data!.place.name).toBe("Baghdad City");

    const bad = async (patch: string, argument: string) => {
      const result = await graph.asEditor(`mutation($id: ID!) { updateEntity(id: $id, patch: ${patch}) { id } }`, { id: data!.place.id });
      expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    };
    await bad(`{ latitude: 91 }`, "patch.latitude");
    await bad(`{ wikidataId: "1530" }`, "patch.wikidataId");
    await bad(`{ name: "Iraq" }`, "patch.name");
    await bad(`{ organizationKind: COMPANY }`, "patch.organizationKind");
    await bad(`{ isoCode: "iraq" }`, "patch.isoCode");
    const cycle = await graph.asEditor(`mutation($id: ID!, $inside: ID!) { updateEntity(id: $id, patch: { containedIn: $inside }) { id } }`, { id: data!.iraq.id, inside: data!.place.id });
    expect(cycle.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "patch.containedIn" });
  });
});
