import type { ArticleEventBatch, ArticleEventSource } from "../src/services/article-events/article-event";
import { ArticleEventHub } from "../src/services/article-events/article-event-hub";
import { decodeGlobalId, encodeGlobalId } from "../src/services/global-id";
import { openEditorGraph, type EditorGraph } from "./mutations/editor-graph";

/** The shipped story that names Antony Blinken, bylined Simon Lewis, published by Reuters, datelined Baghdad, filed under Iraq. */
const IRAQ_VISIT = "Blinken makes unannounced Iraq visit as part of Syria diplomacy push";
/** The other shipped story: filed under Syria, naming no one. */
const TURNING_POINT = "Syria’s turning point: Transition or turmoil?";
const AQABA = "Anthony Blinkin meets Jordan's king in Aqaba";
const ANKARA = "Tony Blincoln lands in Ankara";
const BRIDGES = "Traffic returns to the bridges of Baghdad City";

/** Stories whose people, byline, publisher and dateline are registered under duplicate names. */
const STORIES = [
  {
    url: "https://example.org/2024/12/22/blinkin-aqaba",
    headline: AQABA,
    body: ["Anthony Blinkin met King Abdullah in Aqaba on Sunday."],
    publishedAt: "2024-12-22",
    publisher: "Reuters Wire",
    authors: ["Simon Lewes"],
    tags: { people: [{ name: "Anthony Blinkin" }] },
  },
  {
    url: "https://example.org/2024/12/12/tony-blinken-ankara",
    headline: ANKARA,
    body: ["Tony Blincoln arrived in Ankara on Thursday."],
    publishedAt: "2024-12-12",
    tags: { people: [{ name: "Tony Blincoln" }] },
  },
  {
    url: "https://example.org/2024/12/20/baghdad-city-bridges",
    headline: BRIDGES,
    body: ["Bridges across the Tigris reopened on Monday."],
    publishedAt: "2024-12-20",
    dateline: "Baghdad City",
    tags: { places: [{ name: "Baghdad City" }] },
  },
  {
    url: "https://example.org/2024/12/23/karrada-shops",
    headline: "Shops reopen in Karrada",
    body: ["Shops reopened in Karrada on Monday."],
    publishedAt: "2024-12-23",
    dateline: "Karrada",
  },
];

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { results { article { id } } } }`;
const MERGE = `mutation($into: ID!, $from: ID!) { mergeEntities(into: $into, from: $from) { id } }`;

describe("filters follow merges: a merged-away entity's ID means the entity it was merged into", () => {
  let graph: EditorGraph;
  /** Global IDs by role: survivors under their own name, merged-away duplicates as `old…`. */
  const ids: Record<string, string> = {};
  let allHeadlines: string[];

  beforeAll(async () => {
    graph = await openEditorGraph();
    for (const article of STORIES) {
      const result = await graph.asEditor(INGEST, { input: { article } });
      expect(result.errors).toBeUndefined();
    }
    const found = await graph.query(`{
      blinken: person(name: "Antony Blinken") { id } oldBlinkin: person(name: "Anthony Blinkin") { id } oldTony: person(name: "Tony Blincoln") { id }
      assad: person(name: "Bashar al-Assad") { id }
      lewis: person(name: "Simon Lewis") { id } oldLewes: person(name: "Simon Lewes") { id }
      reuters: organization(name: "Reuters") { id } oldReutersWire: organization(name: "Reuters Wire") { id }
      baghdad: place(name: "Baghdad") { id } oldBaghdadCity: place(name: "Baghdad City") { id } karrada: place(name: "Karrada") { id }
      syria: topic(slug: "syria") { id } oldIraq: topic(slug: "iraq") { id }
    }`);
    expect(found.errors).toBeUndefined();
    for (const [key, value] of Object.entries(found.data!)) ids[key] = (value as { id: string }).id;
    expect(new Set(Object.values(ids)).size).toBe(Object.keys(ids).length);

    // Tony Blincoln into Anthony Blinkin, then Anthony Blinkin into Antony Blinken: a chain of two merges.
    for (const [into, from] of [
      ["oldBlinkin", "oldTony"],
      ["blinken", "oldBlinkin"],
      ["lewis", "oldLewes"],
      ["reuters", "oldReutersWire"],
      ["baghdad", "oldBaghdadCity"],
      ["syria", "oldIraq"],
    ]) {
      const merged = await graph.asEditor(MERGE, { into: ids[into], from: ids[from] });
      expect(merged.errors).toBeUndefined();
    }
    allHeadlines = await headlines(`{}`);
  });
  afterAll(() => graph.close());

  async function headlines(filter: string): Promise<string[]> {
    const result = await graph.query(`{ articles(first: 100, filter: ${filter}) { totalCount edges { node { headline } } } }`);
    expect(result.errors).toBeUndefined();
    const list = result.data!.articles.edges.map((edge: { node: { headline: string } }) => edge.node.headline).sort();
    expect(result.data!.articles.totalCount).toBe(list.length);
    return list;
  }

  it("lists the survivor's stories for the old ID of a merged person", async () => {
    const byOldId = await headlines(`{ people: { anyOf: ["${ids.oldBlinkin}"] } }`);
    expect(byOldId).toEqual([AQABA, IRAQ_VISIT, ANKARA].sort());
    expect(byOldId).toEqual(await headlines(`{ people: { anyOf: ["${ids.blinken}"] } }`));
  });

  it("follows a chain of merges: Tony into Anthony, then Anthony into Antony, so Tony's ID means Antony", async () => {
    expect(await headlines(`{ people: { anyOf: ["${ids.oldTony}"] } }`)).toEqual([AQABA, IRAQ_VISIT, ANKARA].sort());
    const node = await graph.query(`query($id: ID!) { node(id: $id) { id ... on Person { name } } }`, { id: ids.oldTony });
    expect(node.data!.node).toEqual({ id: ids.blinken, name: "Antony Blinken" });
  });

  it("follows old IDs in allOf, in not (none of), and mixed with current IDs", async () => {
    expect(await headlines(`{ people: { allOf: ["${ids.oldTony}", "${ids.assad}"] } }`)).toEqual([IRAQ_VISIT]);
    expect(await headlines(`{ people: { allOf: ["${ids.oldTony}", "${ids.oldBlinkin}", "${ids.blinken}"] } }`)).toEqual([AQABA, IRAQ_VISIT, ANKARA].sort());
    const noneOf = await headlines(`{ not: { people: { anyOf: ["${ids.oldBlinkin}"] } } }`);
    expect(noneOf).toContain(TURNING_POINT);
    expect(noneOf).toContain(BRIDGES);
    expect(noneOf).toEqual(allHeadlines.filter((headline) => ![AQABA, IRAQ_VISIT, ANKARA].includes(headline)));
    expect(await headlines(`{ or: [{ people: { anyOf: ["${ids.oldTony}"] } }, { places: { anyOf: ["${ids.oldBaghdadCity}"] } }] }`)).toEqual([AQABA, IRAQ_VISIT, ANKARA, BRIDGES].sort());
  });

  it.each([
    ["authors", (id: string) => `{ authors: ["${id}"] }`, "oldLewes", "lewis", [AQABA, IRAQ_VISIT]],
    ["publisher", (id: string) => `{ publisher: "${id}" }`, "oldReutersWire", "reuters", [AQABA, IRAQ_VISIT]],
    ["places (dateline and mentions)", (id: string) => `{ places: { anyOf: ["${id}"] } }`, "oldBaghdadCity", "baghdad", [BRIDGES, IRAQ_VISIT]],
    ["topics", (id: string) => `{ topics: { allOf: ["${id}"] } }`, "oldIraq", "syria", [IRAQ_VISIT, TURNING_POINT]],
  ])("follows the old ID of a merged entity in %s", async (_field, filter, oldKey, survivorKey, expected) => {
    const byOldId = await headlines(filter(ids[oldKey]));
    expect(byOldId).toEqual(expect.arrayContaining(expected));
    expect(byOldId).toEqual(await headlines(filter(ids[survivorKey])));
  });

  it("follows old IDs in search, in the filter of an entity's stories, and in facets", async () => {
    const search = await graph.query(`query($tony: ID!) { search(query: "Aqaba", filter: { people: { anyOf: [$tony] } }) { totalCount edges { node { headline } } } }`, { tony: ids.oldTony });
    expect(search.errors).toBeUndefined();
    expect(search.data!.search).toEqual({ totalCount: 1, edges: [{ node: { headline: AQABA } }] });

    const underPerson = await graph.query(`query($lewes: ID!) { person(name: "Antony Blinken") { articles(filter: { authors: [$lewes] }) { totalCount } } }`, { lewes: ids.oldLewes });
    expect(underPerson.data!.person.articles.totalCount).toBe(2);

    const facets = (id: string) =>
      graph.query(`query($id: ID!) { facets(filter: { people: { anyOf: [$id] } }) { totalCount people { entity { name } count } authors { entity { name } count } } }`, { id });
    const byOldId = await facets(ids.oldTony);
    expect(byOldId.errors).toBeUndefined();
    expect(byOldId.data!.facets.totalCount).toBe(3);
    expect(byOldId.data!.facets.people).toContainEqual({ entity: { name: "Antony Blinken" }, count: 3 });
    expect(byOldId.data!.facets.authors).toEqual([{ entity: { name: "Simon Lewis" }, count: 2 }]);
    expect(byOldId.data).toEqual((await facets(ids.blinken)).data);
  });

  it("charts the survivor for an old ID in coverageTimeline, with old IDs in its filter too", async () => {
    const timeline = await graph.query(
      `query($tony: ID!, $lewes: ID!) { coverageTimeline(entities: [$tony], filter: { authors: [$lewes] }, from: "2024-12-01", to: "2024-12-31", interval: MONTH) { entity { name } buckets { start count } } }`,
      { tony: ids.oldTony, lewes: ids.oldLewes },
    );
    expect(timeline.errors).toBeUndefined();
    expect(timeline.data!.coverageTimeline).toEqual([{ entity: { name: "Antony Blinken" }, buckets: [{ start: "2024-12-01", count: 2 }] }]);
  });

  it("sets the survivor as the containing place when updateEntity names a merged-away place", async () => {
    const updated = await graph.asEditor(`mutation($id: ID!, $in: ID!) { updateEntity(id: $id, patch: { containedIn: $in }) { ... on Place { containedIn { id name } } } }`, {
      id: ids.karrada,
      in: ids.oldBaghdadCity,
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateEntity.containedIn).toEqual({ id: ids.baghdad, name: "Baghdad" });
  });

  it("looks the filters' IDs up in one statement per request, and not at all for a filter without entity IDs", async () => {
    const redirectReads = async (query: string, variables: Record<string, unknown>) => {
      graph.counter.statements = [];
      const result = await graph.query(query, variables);
      expect(result.errors).toBeUndefined();
      return graph.counter.statements.filter((statement) => statement.includes("entity_redirect")).length;
    };
    const three = `query($tony: ID!, $lewes: ID!, $wire: ID!) {
      articles(filter: { people: { anyOf: [$tony] } }) { totalCount }
      search(query: "Aqaba", filter: { authors: [$lewes] }) { totalCount }
      facets(filter: { or: [{ publisher: $wire }, { not: { people: { allOf: [$tony] } } }] }) { totalCount }
    }`;
    expect(await redirectReads(three, { tony: ids.oldTony, lewes: ids.oldLewes, wire: ids.oldReutersWire })).toBe(1);
    expect(await redirectReads(`{ articles(filter: { section: "World", text: "Aqaba" }) { totalCount } }`, {})).toBe(0);
  });

  it("keeps an ID that names nothing, neither entity nor merge, matching no story", async () => {
    const nobody = encodeGlobalId("Person", 987_654);
    expect(await headlines(`{ people: { anyOf: ["${nobody}"] } }`)).toEqual([]);
    expect(await headlines(`{ people: { allOf: ["${nobody}"] } }`)).toEqual([]);
    expect(await headlines(`{ authors: ["${nobody}"] }`)).toEqual([]);
    expect(await headlines(`{ not: { people: { anyOf: ["${nobody}"] } } }`)).toEqual(allHeadlines);
    expect(await headlines(`{ people: { anyOf: ["${nobody}", "${ids.oldTony}"] } }`)).toEqual([AQABA, IRAQ_VISIT, ANKARA].sort());
  });

  describe("live updates", () => {
    let hub: ArticleEventHub;
    let deliverBatch: (batch: ArticleEventBatch) => Promise<void>;
    /** A source the test drives by hand, standing in for the database poller. */
    const source: ArticleEventSource = { start: async (deliver) => void (deliverBatch = deliver), stop: async () => undefined };
    const key = (id: string) => decodeGlobalId(id).id;

    beforeAll(async () => {
      hub = new ArticleEventHub(source);
      await hub.start();
    });
    afterAll(() => hub.stop());

    /** The headline of the next story a subscription gets, failing after two seconds rather than waiting for ever. */
    async function nextHeadline(subscription: AsyncIterator<{ headline: string }>): Promise<string> {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("no story within 2 s")), 2_000)));
      try {
        return (await Promise.race([subscription.next(), late])).value.headline;
      } finally {
        clearTimeout(timer);
      }
    }

    async function storyIds(): Promise<Record<string, number>> {
      const result = await graph.query(`{ articles(first: 100) { edges { node { id headline } } } }`);
      return Object.fromEntries(result.data!.articles.edges.map(({ node }: { node: { id: string; headline: string } }) => [node.headline, key(node.id)]));
    }

    it("sends the survivor's stories to a subscription filtered by an old ID, even one merged after it subscribed", async () => {
      const stories = await storyIds();
      const byOldId = hub.subscribe("published", { people: { anyOf: [key(ids.oldTony)] } });
      // A duplicate registered, subscribed to, and only then merged into Antony Blinken.
      const ingested = await graph.asEditor(INGEST, {
        input: { article: { url: "https://example.org/2024/12/24/sec-blinken", headline: "Secretary Blinkn visits Amman", body: ["Secretary Blinkn visited Amman."], publishedAt: "2024-12-24", tags: { people: [{ name: "Secretary Blinkn" }] } } },
      });
      expect(ingested.errors).toBeUndefined();
      const late = (await graph.query(`{ person(name: "Secretary Blinkn") { id } }`)).data!.person.id;
      expect(late).not.toBe(ids.blinken);
      const beforeMerge = hub.subscribe("published", { people: { anyOf: [key(late)] } });
      expect((await graph.asEditor(MERGE, { into: ids.blinken, from: late })).errors).toBeUndefined();

      const events = [BRIDGES, ANKARA, TURNING_POINT, IRAQ_VISIT].map((headline, index) => ({ seq: index + 1, articleId: stories[headline], kind: "published" as const }));
      await deliverBatch({ events, reader: graph.dataSource.manager, missed: false });
      for (const subscription of [byOldId, beforeMerge]) {
        expect([await nextHeadline(subscription), await nextHeadline(subscription)]).toEqual([ANKARA, IRAQ_VISIT]);
        await subscription.return!();
      }
    });
  });
});
