import { openEditorGraph, type EditorGraph } from "./editor-graph";

const SEED_SLUG = "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push";

const STORY = {
  url: "https://example.org/2024/12/20/mosul-bridge",
  headline: "Mosul bridge reopens after Antony Blinken visit",
  summary: "The old bridge over the Tigris in Mosul reopened on Friday.",
  body: ["The bridge in Mosul, Iraq, reopened to traffic on Friday, officials said.", "Antony Blinken had visited the city earlier in the week."],
  publishedAt: "2024-12-20",
  publisher: "Reuters",
  authors: ["Jane Doe"],
  dateline: "Mosul",
  tags: { topics: [{ slug: "iraq" }] },
};

const INGEST = `mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) { results { outcome article { id headline people { name } places { name } topics { slug } } } failures { location reason } }
}`;

describe("writing stories", () => {
  let graph: EditorGraph;
  beforeEach(async () => {
    graph = await openEditorGraph();
  });
  afterEach(() => graph.close());

  describe("ingestArticle", () => {
    it("stores a structured story through extraction, and reports a second identical send as unchanged", async () => {
      const first = await graph.asEditor(INGEST, { input: { article: STORY } });
      expect(first.errors).toBeUndefined();
      const [result] = first.data!.ingestArticle.results;
      expect(result.outcome).toBe("CREATED");
      expect(result.article.people.map((person: { name: string }) => person.name)).toContain("Antony Blinken");
      expect(result.article.places.map((place: { name: string }) => place.name)).toEqual(expect.arrayContaining(["Mosul", "Iraq"]));
      expect(result.article.topics.map((topic: { slug: string }) => topic.slug)).toContain("iraq");

      const listed = await graph.query(`{ search(query: "Tigris") { edges { node { id } } } }`);
      expect(listed.data!.search.edges).toEqual([{ node: { id: result.article.id } }]);

      const again = await graph.asEditor(INGEST, { input: { article: STORY } });
      expect(again.data!.ingestArticle.results[0]).toMatchObject({ outcome: "UNCHANGED", article: { id: result.article.id } });
      const changed = await graph.asEditor(INGEST, { input: { article: { ...STORY, summary: "The bridge reopened." } } });
      expect(changed.data!.ingestArticle.results[0]).toMatchObject({ outcome: "UPDATED", article: { id: result.article.id } });
    });

    it("reads a raw document in a named format, reporting bad records beside the good ones", async () => {
      const lines = [JSON.stringify({ headline: "Flood waters recede in Basra", body: ["Flood waters receded in Basra on Monday."] }), "{ broken"].join("\n");
      const result = await graph.asEditor(INGEST, { input: { document: { format: "article-json", content: lines, fileName: "batch.jsonl" } } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.ingestArticle.results.map((row: { outcome: string; article: { headline: string } }) => [row.outcome, row.article.headline])).toEqual([
        ["CREATED", "Flood waters recede in Basra"],
      ]);
      expect(result.data!.ingestArticle.failures).toEqual([{ location: "batch.jsonl:2", reason: expect.stringContaining("invalid JSON") }]);
    });

    it("names the field at fault in bad input", async () => {
      const blank = await graph.asEditor(INGEST, { input: { article: { ...STORY, headline: "  " } } });
      expect(blank.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.article.headline" });
      const badDate = await graph.asEditor(INGEST, { input: { article: { ...STORY, photos: [{ caption: "The bridge", takenAt: "yesterday" }] } } });
      expect(badDate.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.article.photos[0].takenAt" });
      const badTopic = await graph.asEditor(INGEST, { input: { article: { ...STORY, tags: { topics: [{ slug: "no-such-topic" }] } } } });
      expect(badTopic.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "input.article.tags.topics[0].slug" });
      const format = await graph.asEditor(INGEST, { input: { document: { format: "docx", content: "x" } } });
      expect(format.errors![0]).toMatchObject({ message: expect.stringContaining("raw-page"), extensions: { code: "BAD_USER_INPUT", argument: "input.document.format" } });
      const both = await graph.asEditor(INGEST, { input: {} });
      expect(both.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "input" });
      const stories = await graph.query(`{ articles { totalCount } }`);
      expect(stories.data!.articles.totalCount).toBe(2);
    });
  });

  describe("updateArticle", () => {
    it("changes the story everywhere it is read, search included", async () => {
      const { data } = await graph.query(`{ article(slug: "${SEED_SLUG}") { id } }`);
      const id = data!.article.id;
      const updated = await graph.asEditor(
        `mutation($id: ID!) { updateArticle(id: $id, patch: { headline: "Blinken visits Baghdad", summary: null, section: "World", body: ["Antony Blinken met officials in Baghdad on Friday."] }) { headline summary section body wordCount } }`,
        { id },
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data!.updateArticle).toEqual({ headline: "Blinken visits Baghdad", summary: null, section: "World", body: ["Antony Blinken met officials in Baghdad on Friday."], wordCount: 11 });
      const found = await graph.query(`{ search(query: "headline:Baghdad") { edges { node { id headline } } } }`);
      expect(found.data!.search.edges).toEqual([{ node: { id, headline: "Blinken visits Baghdad" } }]);
      const old = await graph.query(`{ search(query: "unannounced") { totalCount } }`);
      expect(old.data!.search.totalCount).toBe(0);
    });

    it("refuses bad values, naming the field", async () => {
      const { data } = await graph.query(`{ article(slug: "${SEED_SLUG}") { id } }`);
      const bad = await graph.asEditor(`mutation($id: ID!) { updateArticle(id: $id, patch: { publishedAt: "soon" }) { id } }`, { id: data!.article.id });
      expect(bad.errors![0]).toMatchObject({ message: expect.stringContaining("ISO 8601"), extensions: { code: "BAD_USER_INPUT", argument: "patch.publishedAt" } });
      const language = await graph.asEditor(`mutation($id: ID!) { updateArticle(id: $id, patch: { language: "English!" }) { id } }`, { id: data!.article.id });
      expect(language.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "patch.language" });
      const wrongType = await graph.asEditor(`mutation { updateArticle(id: "UGVyc29uOjE", patch: { section: "x" }) { id } }`);
      expect(wrongType.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "id" });
    });
  });

  describe("deleteArticle", () => {
    it("removes the story from lists, search, topics, facets, timelines and related coverage; its ID answers as deleted", async () => {
      const { data } = await graph.query(`{ article(slug: "${SEED_SLUG}") { id topics { id } people { id } } }`);
      const { id } = data!.article;
      const syria = data!.article.topics[0].id;
      const blinken = data!.article.people[0].id;
      const before = await graph.query(`{ articles { totalCount } }`);

      const deleted = await graph.asEditor(`mutation($id: ID!) { deleteArticle(id: $id) { __typename id deletedAt } }`, { id });
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data!.deleteArticle).toEqual({ __typename: "DeletedArticle", id, deletedAt: expect.any(String) });

      const after = await graph.query(
        `query($id: ID!, $topic: ID!, $person: ID!) {
          articles { totalCount edges { node { id } } }
          search(query: "Blinken") { totalCount }
          topic(id: $topic) { articles { totalCount } }
          person(id: $person) { articles { totalCount } }
          facets(filter: { topics: { anyOf: [$topic] } }) { totalCount }
          coverageTimeline(entities: [$person], interval: MONTH, from: "2024-12-01", to: "2024-12-31") { buckets { count } }
          node(id: $id) { __typename id ... on DeletedArticle { deletedAt } }
          article(id: $id) { id }
        }`,
        { id, topic: syria, person: blinken },
      );
      expect(after.errors).toBeUndefined();
      expect(after.data!.articles.totalCount).toBe(before.data!.articles.totalCount - 1);
      expect(after.data!.articles.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(id);
      expect(after.data!.search.totalCount).toBe(0);
      expect(after.data!.topic.articles.totalCount).toBe(1);
      expect(after.data!.person.articles.totalCount).toBe(0);
      expect(after.data!.facets.totalCount).toBe(1);
      expect(after.data!.coverageTimeline[0].buckets).toEqual([{ count: 0 }]);
      expect(after.data!.node).toEqual({ __typename: "DeletedArticle", id, deletedAt: deleted.data!.deleteArticle.deletedAt });
      expect(after.data!.article).toBeNull();

      const remaining = await graph.query(`{ articles { edges { node { relatedCoverage { article { id } } } } } }`);
      expect(JSON.stringify(remaining.data)).not.toContain(id);

      const again = await graph.asEditor(`mutation($id: ID!) { deleteArticle(id: $id) { deletedAt } }`, { id });
      expect(again.data!.deleteArticle.deletedAt).toBe(deleted.data!.deleteArticle.deletedAt);
    });

    it("never gives a deleted story's ID to a later story", async () => {
      const created = await graph.asEditor(INGEST, { input: { article: STORY } });
      const id = created.data!.ingestArticle.results[0].article.id;
      await graph.asEditor(`mutation($id: ID!) { deleteArticle(id: $id) { id } }`, { id });
      const next = await graph.asEditor(INGEST, { input: { article: { ...STORY, url: "https://example.org/another" } } });
      expect(next.data!.ingestArticle.results[0].article.id).not.toBe(id);
      const node = await graph.query(`query($id: ID!) { node(id: $id) { __typename } }`, { id });
      expect(node.data!.node.__typename).toBe("DeletedArticle");
    });
  });
});
