import { encodeGlobalId } from "../src/services/global-id";
import { openTestGraph, type TestGraph } from "./support/graph";

describe("looking things up", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(() => graph.close());

  it("finds people, places and organizations by any alias, whatever the case or accents", async () => {
    const result = await graph.query(`{
      sudani: person(name: "sudani") { name }
      assad: person(name: "Assad") { name }
      hts: organization(name: "HTS") { name kind }
      pmf: organization(name: "PMF") { name }
      gaza: place(name: "Gaza") { name kind }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      sudani: { name: "Mohammed Shia al-Sudani" },
      assad: { name: "Bashar al-Assad" },
      hts: { name: "Hayat Tahrir al-Sham", kind: "ARMED_GROUP" },
      pmf: { name: "Popular Mobilization Forces" },
      gaza: { name: "Gaza Strip", kind: "TERRITORY" },
    });
  });

  it("round-trips every kind of object through node(id)", async () => {
    const found = await graph.query(`{
      article(slug: "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push") { id photos { id } }
      person(name: "Blinken") { id } place(name: "Baghdad") { id } organization(name: "Reuters") { id } topic(slug: "syria") { id }
    }`);
    const { article, person, place, organization, topic } = found.data!;
    const ids = [article.id, article.photos[0].id, person.id, place.id, organization.id, topic.id];
    const result = await graph.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(result.data!.nodes.map((node: any) => node.__typename)).toEqual(["Article", "Photo", "Person", "Place", "Organization", "Topic"]);
    expect(result.data!.nodes.map((node: any) => node.id)).toEqual(ids);
  });

  it("walks the place hierarchy and the taxonomy both ways", async () => {
    const result = await graph.query(`{
      place(name: "Iraq") { isoCode contains { name } }
      topic(slug: "syria") { parent { name iptcCode children { slug } } }
    }`);
    expect(result.data!.place).toEqual({ isoCode: "IQ", contains: [{ name: "Baghdad" }] });
    expect(result.data!.topic.parent).toEqual({ name: "conflict, war and peace", iptcCode: "medtop:16000000", children: [{ slug: "syria" }] });
  });

  it("lists a person's stories by role and the photos that show them", async () => {
    const result = await graph.query(`{ person(name: "Antony Blinken") {
      depicted: articles(role: DEPICTED) { totalCount } authored: articles(role: AUTHOR) { totalCount }
      photos { credit } coMentions(first: 2) { count entity { name } } } }`);
    expect(result.data!.person).toMatchObject({
      depicted: { totalCount: 1 },
      authored: { totalCount: 0 },
      photos: [{ credit: "BRYAN R. SMITH/Pool via Reuters/File Photo" }],
    });
    expect(result.data!.person.coMentions[0]).toEqual({ count: 1, entity: expect.objectContaining({ name: expect.any(String) }) });
  });

  it("offers a type-ahead over names and aliases", async () => {
    const result = await graph.query(`{ people(nameStartsWith: "sud") { totalCount edges { node { name } } } }`);
    expect(result.data!.people).toEqual({ totalCount: 1, edges: [{ node: { name: "Mohammed Shia al-Sudani" } }] });
  });

  describe("bad input gets a typed error", () => {
    it("an unknown ID is NOT_FOUND, with null data", async () => {
      const result = await graph.query(`query ($id: ID!) { article(id: $id) { headline } }`, { id: encodeGlobalId("Article", 9999) });
      expect(result.data!.article).toBeNull();
      expect(result.errors![0].extensions!.code).toBe("NOT_FOUND");
    });

    it("a malformed ID is BAD_USER_INPUT", async () => {
      const result = await graph.query(`{ node(id: "not-an-id") { id } }`);
      expect(result.errors![0]).toMatchObject({ message: '"not-an-id" is not a valid ID', extensions: { code: "BAD_USER_INPUT" } });
    });

    it("an ID of another type is BAD_USER_INPUT saying which type it is", async () => {
      const person = (await graph.query(`{ person(name: "Blinken") { id } }`)).data!.person.id;
      const result = await graph.query(`query ($id: ID!) { article(id: $id) { headline } }`, { id: person });
      expect(result.errors![0].message).toBe(`ID "${person}" refers to a Person, not an Article`);
    });

    it("a lookup with no key, or two, is BAD_USER_INPUT", async () => {
      const result = await graph.query(`{ a: article { id } b: person(id: "x", name: "y") { id } }`);
      expect(result.errors!.map((error) => error.message).sort()).toEqual(["pass exactly one of id or name", "pass exactly one of id, slug or url"]);
    });

    it("unknown names and slugs are NOT_FOUND and say what was asked", async () => {
      const result = await graph.query(`{ person(name: "Nobody Atall") { id } topic(slug: "nope") { id } }`);
      expect(result.errors!.map((error) => [error.extensions!.code, error.message]).sort()).toEqual([
        ["NOT_FOUND", 'no person is named "Nobody Atall"'],
        ["NOT_FOUND", 'no topic has the slug "nope"'],
      ]);
    });

    it("text holding the NUL character is refused or finds nothing, never an internal error", async () => {
      const nul = "syr\u0000ia";
      const results = [
        await graph.query(`query ($s: String!) { topic(slug: $s) { name } }`, { s: nul }),
        await graph.query(`query ($s: String!) { article(slug: $s) { headline } }`, { s: nul }),
        await graph.query(`query ($q: String!) { search(query: $q) { totalCount } }`, { q: nul }),
        await graph.query(`query ($s: String!) { articles(filter: { section: $s }) { totalCount } }`, { s: nul }),
      ];
      for (const result of results) {
        for (const error of result.errors ?? []) expect({ message: error.message, code: error.extensions?.code }).toEqual({ message: expect.any(String), code: expect.stringMatching(/^(BAD_USER_INPUT|NOT_FOUND)$/) });
      }
    });

    it("an unknown ID among several is null at its position, the others resolve", async () => {
      const person = (await graph.query(`{ person(name: "Blinken") { id } }`)).data!.person.id;
      const result = await graph.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [person, encodeGlobalId("Person", 9999)] });
      expect(result.data!.nodes).toEqual([{ id: person }, null]);
      expect(result.errors![0]).toMatchObject({ path: ["nodes", 1], extensions: { code: "NOT_FOUND" } });
    });
  });
});
