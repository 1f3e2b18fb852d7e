import { CoMentionRanker } from "../../src/services/co-mention-ranker";
import { logOddsRatio } from "../../src/services/dashboard/log-odds-ratio";
import { decodeGlobalId } from "../../src/services/global-id";
import { MAX_INDEX_RANGES } from "../../src/services/keyset";
import { TimeBuckets } from "../../src/services/dashboard/time-buckets";
import { openTestGraph, type TestGraph } from "../support/graph";
import { writeSyriaStories } from "../support/stories";

/**
 * The dashboard queries on the shipped data plus twelve Syria briefings (1 to 12 November 2024, a
 * day apart, the seventh undated; each names two people and one of Damascus, Baghdad, Iraq, Syria).
 */
describe("dashboard queries", () => {
  let graph: TestGraph;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    graph = await openTestGraph();
    await writeSyriaStories(graph.dataSource, 12);
    const found = await graph.query(`{
      blinken: person(name: "Antony Blinken") { id } assad: person(name: "Bashar al-Assad") { id } lewis: person(name: "Simon Lewis") { id }
      iraq: place(name: "Iraq") { id } baghdad: place(name: "Baghdad") { id }
      hezbollah: organization(name: "Hezbollah") { id }
      syria: topic(slug: "syria") { id parent { id } }
    }`);
    expect(found.errors).toBeUndefined();
    for (const [key, value] of Object.entries(found.data!)) ids[key] = (value as { id: string }).id;
    ids.conflict = found.data!.syria.parent.id;
  });
  afterAll(() => graph.close());

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const result = await graph.query(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const badInput = async (query: string, variables?: Record<string, unknown>) => {
    const result = await graph.query(query, variables);
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    return result.errors![0];
  };
  const totalOf = async (filter: Record<string, unknown>) => (await ok(`query ($filter: ArticleFilterInput) { articles(filter: $filter) { totalCount } }`, { filter })).articles.totalCount;

  describe("facets", () => {
    const FACETS = `query ($filter: ArticleFilterInput, $search: String, $first: Int) { facets(filter: $filter, search: $search, first: $first) {
      totalCount
      topics { entity { id name } count } people { entity { id name } count } places { entity { id name } count }
      organizations { entity { name } count } authors { entity { name } count } sections { section count } publishers { entity { name } count }
    } }`;

    it("counts the matching stories by every facet, the largest counts first", async () => {
      const { facets } = await ok(FACETS, { filter: { topics: { anyOf: [ids.syria] } } });
      expect(facets.totalCount).toBe(14);
      expect(facets.publishers).toEqual([{ entity: { name: "Reuters" }, count: 13 }]);
      expect(facets.authors.map((value: any) => value.count)).toEqual([4, 4, 4, 1]);
      for (const facet of ["topics", "people", "places"]) {
        const counts = facets[facet].map((value: any) => value.count);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      }
    });

    it("gives for each place and topic the count that adding it to the filter lists (Baghdad's stories count for Iraq)", async () => {
      const { facets } = await ok(FACETS, { filter: { topics: { anyOf: [ids.syria] } }, first: 50 });
      const iraq = facets.places.find((value: any) => value.entity.name === "Iraq");
      const baghdad = facets.places.find((value: any) => value.entity.name === "Baghdad");
      expect(iraq.count).toBeGreaterThan(baghdad.count);
      for (const value of facets.places) expect(value.count).toBe(await totalOf({ topics: { anyOf: [ids.syria] }, places: { anyOf: [value.entity.id] } }));
      for (const value of facets.topics) expect(value.count).toBe(await totalOf({ topics: { allOf: [ids.syria, value.entity.id] } }));
      expect(facets.topics.map((value: any) => value.entity.name)).toContain("conflict, war and peace");
    });

    it("narrows to a search query, and keeps to `first` values per facet", async () => {
      const { facets } = await ok(FACETS, { search: "unannounced", first: 2 });
      expect(facets.totalCount).toBe(1);
      expect(facets.people).toHaveLength(2);
      expect(facets.people[0].entity.name).toBe("Antony Blinken");
      await badInput(FACETS, { search: '"never closed' });
      expect((await badInput(FACETS, { first: 51 })).extensions?.argument).toBe("first");
    });
  });

  describe("coverageTimeline", () => {
    const TIMELINE = `query ($entities: [ID!], $topics: [ID!], $interval: TimeInterval, $from: Date!, $to: Date!, $filter: ArticleFilterInput) {
      coverageTimeline(entities: $entities, topics: $topics, interval: $interval, from: $from, to: $to, filter: $filter) { entity { name } buckets { start count } }
    }`;

    it("returns one zero-filled series per entity, then per topic, in the order asked", async () => {
      const { coverageTimeline } = await ok(TIMELINE, { entities: [ids.blinken, ids.iraq], topics: [ids.syria], interval: "DAY", from: "2024-10-30", to: "2024-11-04" });
      expect(coverageTimeline.map((series: any) => series.entity.name)).toEqual(["Antony Blinken", "Iraq", "Syria"]);
      const starts = ["2024-10-30", "2024-10-31", "2024-11-01", "2024-11-02", "2024-11-03", "2024-11-04"];
      for (const series of coverageTimeline) expect(series.buckets.map((bucket: any) => bucket.start)).toEqual(starts);
      // Briefing 0 (1 November) names Blinken and Assad, in Damascus; briefing 3 (4 November) Sudani and Blinken.
      expect(coverageTimeline[0].buckets.map((bucket: any) => bucket.count)).toEqual([0, 0, 1, 0, 0, 1]);
      expect(coverageTimeline[2].buckets.map((bucket: any) => bucket.count)).toEqual([0, 0, 1, 1, 1, 1]);
    });

    it("counts a place's stories with those of the places inside it, and a topic's with its subtopics'", async () => {
      const { coverageTimeline } = await ok(TIMELINE, { entities: [ids.iraq, ids.baghdad], topics: [ids.conflict], interval: "MONTH", from: "2024-11-01", to: "2024-12-31" });
      const [iraq, baghdad, conflict] = coverageTimeline.map((series: any) => series.buckets.map((bucket: any) => bucket.count));
      // November: briefings 1, 5, 9 in Baghdad and 2, 10 in Iraq (6 is undated); December: the Blinken story, datelined Baghdad.
      expect(baghdad).toEqual([3, 1]);
      expect(iraq).toEqual([5, 1]);
      expect(conflict).toEqual([11, 1]);
    });

    it("starts weeks on Monday and months on the 1st, in UTC", async () => {
      const weekly = await ok(TIMELINE, { topics: [ids.syria], interval: "WEEK", from: "2024-11-01", to: "2024-11-30" });
      expect(weekly.coverageTimeline[0].buckets).toEqual([
        { start: "2024-10-28", count: 3 },
        { start: "2024-11-04", count: 6 },
        { start: "2024-11-11", count: 2 },
        { start: "2024-11-18", count: 0 },
        { start: "2024-11-25", count: 0 },
      ]);
      const monthly = await ok(TIMELINE, { topics: [ids.syria], interval: "MONTH", from: "2024-10-15", to: "2025-01-15" });
      expect(monthly.coverageTimeline[0].buckets).toEqual([
        { start: "2024-10-01", count: 0 },
        { start: "2024-11-01", count: 11 },
        { start: "2024-12-01", count: 1 },
        { start: "2025-01-01", count: 0 },
      ]);
    });

    it("applies the filter to every series", async () => {
      const { coverageTimeline } = await ok(TIMELINE, { topics: [ids.syria], interval: "MONTH", from: "2024-11-01", to: "2024-12-31", filter: { people: { anyOf: [ids.assad] } } });
      expect(coverageTimeline[0].buckets.map((bucket: any) => bucket.count)).toEqual([await totalOf({ people: { anyOf: [ids.assad] }, publishedBefore: "2024-12-01T00:00:00Z" }), 1]);
    });

    it("refuses a reversed range, too many buckets, and IDs of the wrong kind", async () => {
      expect((await badInput(TIMELINE, { topics: [ids.syria], from: "2024-12-01", to: "2024-11-01" })).extensions?.argument).toBe("to");
      expect((await badInput(TIMELINE, { topics: [ids.syria], interval: "DAY", from: "2000-01-01", to: "2024-11-01" })).message).toMatch(/more than 2000 buckets/);
      await badInput(TIMELINE, { topics: [ids.blinken], from: "2024-11-01", to: "2024-11-30" });
    });
  });

  describe("trending", () => {
    const TRENDING = `query ($kind: TrendingKind, $first: Int) {
      trending(kind: $kind, window: { from: "2024-12-01", to: "2024-12-31" }, baseline: { from: "2024-11-01", to: "2024-11-30" }, first: $first) {
        entity { __typename name } windowCount baselineCount change score
      }
    }`;

    it("lists the entities of a kind whose share rose, best score first, with counts in both periods", async () => {
      const { trending } = await ok(TRENDING, { kind: "PLACE", first: 50 });
      expect(trending.length).toBeGreaterThan(0);
      for (const entity of trending) {
        expect(entity.entity.__typename).toBe("Place");
        expect(entity.score).toBeGreaterThan(0);
        expect(entity.change).toBeGreaterThan(1);
        expect(entity.windowCount).toBeGreaterThan(0);
      }
      expect(trending.map((entity: any) => entity.score)).toEqual(trending.map((entity: any) => entity.score).sort((a: number, b: number) => b - a));
      // Lebanon appears only in December's story, Damascus mostly in November's briefings.
      expect(trending.map((entity: any) => entity.entity.name)).toContain("Lebanon");
      expect(trending.map((entity: any) => entity.entity.name)).not.toContain("Damascus");
      const lebanon = trending.find((entity: any) => entity.entity.name === "Lebanon");
      expect([lebanon.windowCount, lebanon.baselineCount]).toEqual([1, 0]);
    });

    it("puts every kind in one list for ANY", async () => {
      const { trending } = await ok(TRENDING, { kind: "ANY", first: 50 });
      // December's one story lifts its places, organizations and topics; its people were all in November's briefings.
      expect(new Set(trending.map((entity: any) => entity.entity.__typename))).toEqual(new Set(["Place", "Organization", "Topic"]));
    });

    it("ranks a rise seen often above a larger rise seen a few times (smoothed log-odds z-score)", () => {
      const totals = { windowTotal: 400, baselineTotal: 2500 };
      const often = logOddsRatio({ window: 20, baseline: 0, ...totals });
      const rare = logOddsRatio({ window: 2, baseline: 0, ...totals });
      const steady = logOddsRatio({ window: 20, baseline: 125, ...totals });
      expect(often.z).toBeGreaterThan(rare.z);
      expect(rare.z).toBeLessThan(2);
      expect(Math.abs(steady.delta)).toBeLessThan(0.01);
    });

    it("refuses a window that ends before it starts", async () => {
      const result = await badInput(`{ trending(window: { from: "2024-12-31", to: "2024-12-01" }, baseline: { from: "2024-11-01", to: "2024-11-30" }) { score } }`);
      expect(result.extensions?.argument).toBe("window");
    });
  });

  describe("coMentions", () => {
    it("lists who is named with an entity, with counts and up to three shared stories, newest first", async () => {
      const { coMentions } = await ok(`query ($id: ID!) { coMentions(entity: $id, first: 3) { count entity { name } articles { headline publishedAt } } }`, { id: ids.blinken });
      expect(coMentions).toHaveLength(3);
      for (const edge of coMentions) {
        expect(edge.articles.length).toBe(Math.min(edge.count, 3));
        const dates = edge.articles.map((article: any) => article.publishedAt);
        expect(dates).toEqual([...dates].sort().reverse());
      }
      const assad = coMentions.find((edge: any) => edge.entity.name === "Bashar al-Assad");
      expect(assad.articles[0].headline).toBe("Blinken makes unannounced Iraq visit as part of Syria diplomacy push");
    });

    it("counts only the stories from `from` to `to`, here and on every entity", async () => {
      const query = `query ($id: ID!) {
        coMentions(entity: $id, from: "2024-12-01", to: "2024-12-31") { count entity { name } articles { headline } }
        node(id: $id) { ... on Person { coMentions(from: "2024-12-01", to: "2024-12-31") { count entity { name } } } }
      }`;
      const data = await ok(query, { id: ids.blinken });
      expect(data.coMentions.every((edge: any) => edge.count === 1)).toBe(true);
      expect(data.node.coMentions).toEqual(data.coMentions.map(({ count, entity }: any) => ({ count, entity })));
    });

    it("counts in the entity's newest stories only, up to the bound, undated ones last", async () => {
      // Joe Biden is in the seed story and in six briefings, one of them undated.
      const biden = decodeGlobalId((await ok(`{ person(name: "Joe Biden") { id } }`)).person.id).id;
      const stories: Array<{ id: number; publishedAt: string | null }> = (
        await graph.dataSource.query(`SELECT a.id, a."publishedAt" FROM article a JOIN article_mention m ON m."articleId" = a.id WHERE m."entityId" = ${biden}`)
      ).map((row: any) => ({ id: Number(row.id), publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt).toISOString() }));
      stories.sort((a, b) => (a.publishedAt === null ? 1 : 0) - (b.publishedAt === null ? 1 : 0) || (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "") || b.id - a.id);
      const mentions: Array<{ articleId: number; entityId: number }> = (await graph.dataSource.query(`SELECT "articleId", "entityId" FROM article_mention`)).map((row: any) => ({
        articleId: Number(row.articleId),
        entityId: Number(row.entityId),
      }));
      const expected = (newest: number) => {
        const counted = new Set(stories.slice(0, newest).map((story) => story.id));
        const counts = new Map<number, number>();
        for (const mention of mentions) if (counted.has(mention.articleId) && mention.entityId !== biden) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
        return counts;
      };
      expect(stories.length).toBeGreaterThan(6);
      expect(stories.at(-1)!.publishedAt).toBeNull();
      for (const newest of [2, 5, stories.length]) {
        const ranked = (await new CoMentionRanker(graph.dataSource.manager, newest).rank([biden], 50)).get(biden)!;
        expect(new Map(ranked.map((coMention) => [coMention.entityId, coMention.count]))).toEqual(expected(newest));
      }
      expect(expected(2)).not.toEqual(expected(stories.length));
    });

    it("counts the same for an entity in a batch too large to read one by one as for the entity alone", async () => {
      const stored: number[] = (await graph.dataSource.query(`SELECT id FROM entity ORDER BY id`)).map((row: { id: number }) => Number(row.id));
      // IDs of no entity pad the batch past what is read one by one; they name nobody.
      const entityIds = [...stored, ...Array.from({ length: 20 }, (_, index) => 1_000_000 + index)];
      expect(entityIds.length * 2).toBeGreaterThan(MAX_INDEX_RANGES);
      const ranker = new CoMentionRanker(graph.dataSource.manager, 3);
      const batch = await ranker.rank(entityIds, 5);
      let named = 0;
      for (const entityId of entityIds) {
        const alone = (await ranker.rank([entityId], 5)).get(entityId);
        expect({ entityId, coMentions: batch.get(entityId) }).toEqual({ entityId, coMentions: alone });
        if (alone!.length > 0) named++;
      }
      expect(named).toBeGreaterThan(10);
    });

    it("takes one statement per field whatever the number of entities", async () => {
      const statementsFor = async (people: string[]) => {
        graph.counter.statements = [];
        await ok(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Person { coMentions(first: 2) { entity { name } articles { headline } } } } }`, { ids: people });
        return graph.counter.statements.length;
      };
      expect(await statementsFor([ids.blinken, ids.assad, ids.lewis])).toBe(await statementsFor([ids.blinken]));
    });
  });

  describe("connection", () => {
    const CONNECTION = `query ($from: ID!, $to: ID!, $maxHops: Int) {
      connection(from: $from, to: $to, maxHops: $maxHops) { found hops { from { name } to { name } articleCount articles { headline } } }
    }`;

    it("links Antony Blinken to Hezbollah through the seed story in one hop", async () => {
      const { connection } = await ok(CONNECTION, { from: ids.blinken, to: ids.hezbollah });
      expect(connection).toEqual({
        found: true,
        hops: [{ from: { name: "Antony Blinken" }, to: { name: "Hezbollah" }, articleCount: 1, articles: [{ headline: "Blinken makes unannounced Iraq visit as part of Syria diplomacy push" }] }],
      });
    });

    it("chains hops through shared stories when no story names both", async () => {
      const { connection } = await ok(CONNECTION, { from: ids.hezbollah, to: ids.syria });
      expect(connection.found).toBe(true);
      const chain = connection.hops.map((hop: any) => [hop.from.name, hop.to.name]);
      expect(chain[0][0]).toBe("Hezbollah");
      expect(chain[chain.length - 1][1]).toBe("Syria");
      for (let index = 1; index < chain.length; index++) expect(chain[index][0]).toBe(chain[index - 1][1]);
    });

    it("answers found: false with no hops when nothing links them", async () => {
      // Simon Lewis writes the seed story but no story names him.
      expect((await ok(CONNECTION, { from: ids.lewis, to: ids.hezbollah })).connection).toEqual({ found: false, hops: [] });
    });

    it("refuses maxHops outside 1 to 4, and a chain from an entity to itself", async () => {
      expect((await badInput(CONNECTION, { from: ids.blinken, to: ids.hezbollah, maxHops: 5 })).extensions?.argument).toBe("maxHops");
      expect((await badInput(CONNECTION, { from: ids.blinken, to: ids.hezbollah, maxHops: 0 })).extensions?.argument).toBe("maxHops");
      await badInput(CONNECTION, { from: ids.blinken, to: ids.blinken });
    });
  });
});

describe("timeline buckets", () => {
  it("start ISO weeks on Monday across a year's end", () => {
    const buckets = new TimeBuckets("WEEK", new Date("2020-12-31T12:00:00Z"), new Date("2021-01-12T00:00:00Z"));
    expect(buckets.starts.map((start) => start.toISOString().slice(0, 10))).toEqual(["2020-12-28", "2021-01-04", "2021-01-11"]);
    expect(buckets.indexOf(new Date("2021-01-03T23:59:59Z"))).toBe(0);
    expect(buckets.indexOf(new Date("2021-01-04T00:00:00Z"))).toBe(1);
    expect(buckets.indexOf(new Date("2021-01-18T00:00:00Z"))).toBe(-1);
    expect(buckets.indexOf(new Date("2020-12-27T23:59:59Z"))).toBe(-1);
  });
});
