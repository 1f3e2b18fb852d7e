import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { buildGraphSchema } from "../../src/schema";
import { startServer, type RunningServer } from "../../src/server";
import type { ArticleInput } from "../../src/services/article-input";
import { ArticleWriter } from "../../src/services/article-writer";
import { DomainError } from "../../src/services/errors";
import { STORY_FORMATS } from "../../src/services/ingest/formats";
import { knownEntities } from "../../src/services/ingest/known-entities";
import { StoryEnricher } from "../../src/services/ingest/story-enricher";
import { dialectOf } from "../../src/services/sql-dialect";
import { openTestDataSource, type TestDataSource } from "../support/database";

/** Every code a client may meet for bad input; anything else (INTERNAL_SERVER_ERROR above all) is a fault. */
const TYPED_INPUT_CODES = ["BAD_USER_INPUT", "NOT_FOUND", "QUERY_TOO_COMPLEX"];
/** Bounds for each property: enough runs to find shallow faults, never more than a few seconds. */
const RUNS = { numRuns: 100, interruptAfterTimeLimit: 5_000, markInterruptAsFailure: false };

describe("fuzzing GraphQL variables against real operations, over HTTP", () => {
  let schema: GraphQLSchema;
  let database: TestDataSource;
  let server: RunningServer;
  /** Global IDs of real objects, so the fuzzer mixes valid IDs with forged ones. */
  let realIds: string[] = [];
  let realCursor = "";

  beforeAll(async () => {
    schema = await buildGraphSchema();
    database = await openTestDataSource();
    server = await startServer(schema, database.dataSource, { host: "127.0.0.1", port: 0, production: true, eventPollIntervalMs: 60_000 });
    const { body } = await post(`{ articles(first: 1) { edges { cursor node { id people { id } places { id } topics { id } } } } }`, {});
    const [edge] = body.data.articles.edges;
    realCursor = edge.cursor;
    realIds = [edge.node.id, ...edge.node.people.map((p: { id: string }) => p.id), ...edge.node.places.map((p: { id: string }) => p.id), ...edge.node.topics.map((t: { id: string }) => t.id)];
  });
  afterAll(async () => {
    await server.stop();
    await database.close();
  });

  async function post(query: string, variables: Record<string, unknown>) {
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
  }

  /** The answer is JSON, not a server fault, and every error in it carries a code for bad input. */
  async function expectTypedAnswer(query: string, variables: Record<string, unknown>): Promise<void> {
    const { status, body } = await post(query, variables);
    const faults = (body.errors ?? []).filter((error) => !TYPED_INPUT_CODES.includes(error.extensions?.code ?? ""));
    if (status >= 500 || faults.length > 0) {
      throw new Error(`status ${status}, untyped errors ${JSON.stringify(faults)}`);
    }
  }

  const id = () => fc.oneof(fc.constantFrom(...realIds), fc.string(), fc.base64String(), fc.string().map((text) => Buffer.from(text).toString("base64")), fc.constantFrom("QXJ0aWNsZTotMQ", "UGVyc29uOjk5OTk5OTk5OTk5OTk5OTk5OQ", "Tm9kZTox", ""));
  const date = () => fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.constantFrom("2024-02-30", "0000-01-01", "9999-12-31T23:59:59Z", "2024-12-13"));
  const idMatch = () => fc.record({ anyOf: fc.array(id(), { maxLength: 4 }), allOf: fc.array(id(), { maxLength: 4 }) }, { requiredKeys: [] });
  // Built when a test runs, once the real IDs are known.
  const filter = () =>
    fc.letrec((tie) => ({
    filter: fc.record(
      {
        ids: fc.array(id(), { maxLength: 3 }),
        people: idMatch(),
        places: idMatch(),
        organizations: idMatch(),
        topics: idMatch(),
        authors: fc.array(id(), { maxLength: 3 }),
        publisher: id(),
        section: fc.string(),
        language: fc.string({ maxLength: 5 }),
        publishedAfter: date(),
        publishedBefore: date(),
        hasPhoto: fc.boolean(),
        text: fc.string(),
        and: fc.oneof({ depthSize: "xsmall" }, fc.constant([]), fc.array(tie("filter"), { maxLength: 2 })),
        or: fc.oneof({ depthSize: "xsmall" }, fc.constant([]), fc.array(tie("filter"), { maxLength: 2 })),
        not: fc.option(tie("filter"), { depthSize: "xsmall" }),
      },
      { requiredKeys: [] },
    ),
  })).filter;
  const boundedFilter = () => fc.oneof({ maxDepth: 3 }, fc.constant(null), filter() as fc.Arbitrary<unknown>);
  const count = () => fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom(99999999, -2147483648, 2147483647, null));
  const cursor = () => fc.oneof(fc.constant(null), fc.constant(realCursor), fc.string(), fc.base64String(), fc.json().map((json) => Buffer.from(json).toString("base64url")));
  /** Search text with the query language's operators and odd characters mixed into words. */
  const searchText = () =>
    fc
      .array(fc.oneof(fc.constantFrom("syria", "iraq", "\"", "(", ")", "AND", "OR", "NOT", "*", "diplom*", "headline:", "body:", ":", "-", "^", "NEAR", "'", "\\", "\u0000", "é"), fc.string({ maxLength: 6 })), { maxLength: 12 })
      .map((parts) => parts.join(" "));

  it("lists of stories: filter, first/last, cursors and order", async () => {
    const query = `query($filter: ArticleFilterInput, $first: Int, $last: Int, $after: String, $before: String, $orderBy: ArticleOrder!) {
      articles(filter: $filter, first: $first, last: $last, after: $after, before: $before, orderBy: $orderBy) { totalCount edges { cursor node { headline } } pageInfo { hasNextPage endCursor } } }`;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ filter: boundedFilter(), first: count(), last: fc.option(count()), after: cursor(), before: fc.option(cursor()), orderBy: fc.constantFrom("NEWEST", "OLDEST", "SALIENCE") }),
        (variables) => expectTypedAnswer(query, variables),
      ),
      RUNS,
    );
  });

  it("search: arbitrary query text, filter and paging", async () => {
    const query = `query($q: String!, $filter: ArticleFilterInput, $first: Int, $after: String, $orderBy: SearchOrder!) {
      search(query: $q, filter: $filter, first: $first, after: $after, orderBy: $orderBy) { totalCount edges { score snippet headlineHighlight node { headline } } } }`;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ q: fc.oneof(searchText(), fc.string(), fc.string({ unit: "binary", maxLength: 40 })), filter: boundedFilter(), first: count(), after: cursor(), orderBy: fc.constantFrom("RELEVANCE", "NEWEST", "OLDEST") }),
        (variables) => expectTypedAnswer(query, variables),
      ),
      RUNS,
    );
  });

  it("lookups by ID, name, slug and URL", async () => {
    const query = `query($id: ID!, $ids: [ID!]!, $name: String, $slug: String, $url: String) {
      node(id: $id) { id } nodes(ids: $ids) { id } person(name: $name) { name } place(name: $name) { name }
      article(slug: $slug) { headline } byUrl: article(url: $url) { headline } topic(slug: $slug) { name } }`;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ id: id(), ids: fc.array(id(), { maxLength: 5 }), name: fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 20 })), slug: fc.string(), url: fc.oneof(fc.webUrl(), fc.string()) }),
        (variables) => expectTypedAnswer(query, variables),
      ),
      RUNS,
    );
  });

  it("dashboards: timelines, trending, co-mentions, connections and facets", async () => {
    const query = `query($entities: [ID!], $topics: [ID!], $from: Date!, $to: Date!, $interval: TimeInterval!, $window: DateRangeInput!, $baseline: DateRangeInput!,
                         $kind: TrendingKind!, $a: ID!, $b: ID!, $hops: Int!, $first: Int!, $filter: ArticleFilterInput, $search: String) {
      coverageTimeline(entities: $entities, topics: $topics, from: $from, to: $to, interval: $interval, filter: $filter) { buckets { count } }
      trending(kind: $kind, window: $window, baseline: $baseline, first: $first, filter: $filter) { score entity { name } }
      coMentions(entity: $a, first: $first, from: $from, to: $to) { count }
      connection(from: $a, to: $b, maxHops: $hops) { found }
      facets(filter: $filter, search: $search, first: $first) { totalCount people { count } } }`;
    const day = () => fc.oneof(fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          entities: fc.option(fc.array(id(), { maxLength: 3 })),
          topics: fc.option(fc.array(id(), { maxLength: 3 })),
          from: day(),
          to: day(),
          interval: fc.constantFrom("DAY", "WEEK", "MONTH"),
          window: fc.record({ from: day(), to: day() }),
          baseline: fc.record({ from: day(), to: day() }),
          kind: fc.constantFrom("PERSON", "PLACE", "ORGANIZATION", "TOPIC", "ANY"),
          a: id(),
          b: id(),
          hops: fc.integer({ min: -2, max: 8 }),
          first: fc.integer({ min: -3, max: 60 }),
          filter: boundedFilter(),
          search: fc.option(searchText()),
        }),
        (variables) => expectTypedAnswer(query, variables),
      ),
      { ...RUNS, numRuns: 60 },
    );
  });

  it("a filter too wide, too deep or with too many IDs for the database is a BAD_USER_INPUT error (found by fuzzing)", async () => {
    const query = `query($filter: ArticleFilterInput) { articles(filter: $filter, first: 5) { totalCount } }`;
    let deep: Record<string, unknown> = { text: "syria" };
    for (let level = 0; level < 300; level++) deep = { not: deep };
    const filters = {
      wide: { or: Array.from({ length: 2_000 }, () => ({ ids: [realIds[0]] })) },
      deep,
      ids: { ids: Array.from({ length: 40_000 }, () => realIds[0]) },
    };
    for (const filter of Object.values(filters)) {
      const { status, body } = await post(query, { filter });
      expect(status).toBe(200);
      expect(body.errors!.map((error) => [error.extensions?.code, (error.extensions as Record<string, unknown>).argument])).toEqual([["BAD_USER_INPUT", "filter"]]);
      expect(body.errors![0].message).toMatch(/^the filter holds more than \d+ (conditions|IDs); split the request$/);
    }
  });

  it("variables of the wrong type altogether", async () => {
    const query = `query($filter: ArticleFilterInput, $first: Int, $q: String!) { articles(filter: $filter, first: $first) { totalCount } search(query: $q) { totalCount } }`;
    await fc.assert(
      fc.asyncProperty(fc.record({ filter: fc.anything(), first: fc.anything(), q: fc.anything() }, { requiredKeys: [] }), (variables) => expectTypedAnswer(query, variables as Record<string, unknown>)),
      RUNS,
    );
  });
});

/**
 * A scraped page of our own in the shape of the seed page (site furniture, headline, byline, a
 * photo credit line, dateline, a related block), so the fuzzer has one without `../shared`.
 */
const RAW_PAGE = [
  "Skip to main content",
  "We use cookies to improve your experience. Accept all cookies",
  "Flood barrier holds as the river peaks in Riverton",
  "By Jane Doe",
  "December 13, 2024 10:12 AM UTC Updated 2 hours ago",
  "Flood barrier holds as the river peaks in Riverton",
  "Engineers inspect the barrier in Riverton, December 12, 2024. JOHN SMITH/Pool via Reuters/File Photo",
  "RIVERTON, Dec 13 (Reuters) - The flood barrier finished last year held overnight as the river reached its highest level in a decade, Mayor Ana Lopez said on Friday.",
  "The Environment Agency said the water would fall over the weekend.",
  "Related",
  "River levels fall across the region",
  "Sign up for our newsletter",
].join("\n\n");

describe("fuzzing ingest input: formats and the article writer", () => {
  let database: TestDataSource;
  let dataSource: DataSource;
  let enricher: StoryEnricher;
  const seedRecord = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "data", "articles", "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push.json"), "utf8")) as Record<string, unknown>;
  const fixtures = path.join(__dirname, "..", "ingest", "fixtures");
  /** One small valid document per format, for the fuzzer to mutate. */
  const samples: Record<string, { fileName: string; text: string }> = {
    "article-json": { fileName: "story.json", text: JSON.stringify(seedRecord) },
    "raw-page": { fileName: "page.txt", text: RAW_PAGE },
    "html-jsonld": { fileName: "page.html", text: fs.readFileSync(path.join(fixtures, "harbour-bridge-reopens.html"), "utf8") },
    ninjs: { fileName: "item.json", text: fs.readFileSync(path.join(fixtures, "flood-barrier-test.ninjs.json"), "utf8") },
    "wikinews-csv": { fileName: "wikinews.csv", text: `url,date,title,text\nhttps://en.wikinews.org/wiki/Floods,2020-01-03,"Floods hit Jakarta","Floods hit Jakarta, Indonesia on Wednesday.\n\nOfficials said 16 people died."\n` },
    "huffpost-jsonl": { fileName: "news.jsonl", text: `{"link":"https://www.huffpost.com/entry/x","headline":"Senate passes bill","category":"POLITICS","short_description":"The Senate passed it.","authors":"Jane Doe, Contributor","date":"2019-05-01"}\n` },
    "re3d-documents": { fileName: "documents.json", text: `{"_id":"d1","text":"Secretary of State Antony Blinken met officials in Baghdad.","sourceName":"United States Department of State"}\n` },
  };

  beforeAll(async () => {
    database = await openTestDataSource();
    dataSource = database.dataSource;
    enricher = new StoryEnricher(await knownEntities(dataSource.manager));
  });
  afterAll(() => database.close());

  /** Rows in every table, so a failed write can be shown to have left nothing behind. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables: Array<{ name: string }> = await dataSource.query(
      dialectOf(dataSource) === "postgres"
        ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
        : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await dataSource.query(`SELECT count(*) AS n FROM "${name}"`))[0].n);
    return counts;
  }

  /** Writes a story: it is stored, or refused with a typed error that changed nothing. */
  async function expectWrittenOrRefusedCleanly(story: ArticleInput): Promise<void> {
    const before = await rowCounts();
    try {
      await new ArticleWriter(dataSource).write(story, { enrich: (arrived) => enricher.enrich(arrived) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw new Error(`untyped failure ${String(error)} for ${JSON.stringify(story).slice(0, 500)}`);
      expect(await rowCounts()).toEqual(before);
    }
  }

  it("the article writer takes a mutated story or refuses it with a typed error, leaving nothing half-written", async () => {
    const keys = [...Object.keys(seedRecord), "slug", "tags", "related", "photos"];
    const mutation = fc.record({
      drop: fc.subarray(keys, { maxLength: 3 }),
      set: fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.anything({ maxDepth: 2 }), fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.array(fc.record({ name: fc.string(), caption: fc.string(), slug: fc.string() }, { requiredKeys: [] }), { maxLength: 2 })), { maxKeys: 3 }),
      headline: fc.option(fc.string({ unit: "binary", maxLength: 80 })),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ drop, set, headline }) => {
        const story: Record<string, unknown> = { ...structuredClone(seedRecord), url: null };
        for (const key of drop) delete story[key];
        Object.assign(story, set);
        if (headline !== null) story.headline = headline;
        await expectWrittenOrRefusedCleanly(story as unknown as ArticleInput);
      }),
      { ...RUNS, numRuns: 80 },
    );
  });

  it("every format reads mutated and random documents without throwing, and what it reads is written or refused cleanly", async () => {
    const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("\"", "{", "}", ",", "\n", "<", ">", "\u0000", "\r\n", "\uFEFF", "&amp;", "[]", "null")) });
    const document = fc.oneof(
      fc.record({ format: fc.constantFrom(...Object.keys(samples)), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) }).map(({ format, edits }) => {
        let text = samples[format].text;
        for (const { at, length, insert } of edits) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + length);
        }
        return { format, text };
      }),
      fc.record({ format: fc.constantFrom(...Object.keys(samples)), text: fc.string({ unit: "binary", maxLength: 300 }) }),
    );
    await fc.assert(
      fc.asyncProperty(document, async ({ format, text }) => {
        const reader = STORY_FORMATS.find((candidate) => candidate.name === format)!;
        const records = [...reader.parse(text, samples[format].fileName)];
        for (const record of records.slice(0, 3)) {
          if ("error" in record) {
            expect(typeof record.error).toBe("string");
            continue;
          }
          await expectWrittenOrRefusedCleanly(record.story);
        }
      }),
      { ...RUNS, numRuns: 150 },
    );
  });
});
