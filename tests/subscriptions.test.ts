import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient, type Client, type FormattedExecutionResult } from "graphql-ws";
import type { DataSource } from "typeorm";
import WebSocket from "ws";
import { openDataSource } from "../src/datasource";
import { buildGraphSchema } from "../src/schema";
import { startServer, type RunningServer } from "../src/server";
import { ApiKeys } from "../src/services/api-keys";
import type { ArticleInput } from "../src/services/article-input";
import { ArticleWriter } from "../src/services/article-writer";
import { ArticleEventHub } from "../src/services/article-events/article-event-hub";
import { EditorialTags } from "../src/services/editorial-tags";
import { EntityRegistry } from "../src/services/entity-registry";
import type { ArticleEventBatch, ArticleEventSource } from "../src/services/article-events/article-event";
import { loadSeedData } from "../src/services/seed-loader";
import { openTestDatabase, type TestDatabase } from "./support/database";
import { openTestGraph, type TestGraph } from "./support/graph";
import { syriaStory } from "./support/stories";

/** How long any one live update may take to arrive before a test gives up. */
const ARRIVAL_MS = 10_000;

const STORY_FIELDS = `headline topics { name } places { name } dateline { name }`;

/** A story with nothing to do with Syria: no Syrian topic, place or person. */
function footballStory(index: number): ArticleInput {
  return {
    headline: `Local football league ends season number ${index}`,
    body: ["The league's last round was played on Sunday."],
    publishedAt: "2024-12-20T00:00:00Z",
    publisher: "Reuters",
    section: "Sport",
    tags: { people: [], places: [], topics: [] },
  };
}

/** One subscription's results as they arrive, taken one at a time with a bounded wait. */
class LiveFeed {
  private readonly results: FormattedExecutionResult[] = [];
  private wake: (() => void) | null = null;
  readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    const arrive = (result: FormattedExecutionResult) => {
      this.results.push(result);
      this.wake?.();
    };
    this.dispose = client.subscribe(
      { query, variables },
      {
        next: arrive,
        error: (error) => arrive({ errors: Array.isArray(error) ? error : [{ message: String((error as { reason?: string }).reason ?? error) }] }),
        complete: () => undefined,
      },
    );
  }

  /** The next result, or a failure after {@link ARRIVAL_MS}. */
  async next(): Promise<FormattedExecutionResult> {
    const deadline = Date.now() + ARRIVAL_MS;
    while (this.results.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no live update within ${ARRIVAL_MS} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    return this.results.shift()!;
  }

  /** Results that arrived and were not taken yet. */
  get waiting(): number {
    return this.results.length;
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + ARRIVAL_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("live updates over graphql-ws", () => {
  let dir: string;
  let database: TestDatabase;
  let dataSource: DataSource;
  let server: RunningServer;
  let client: Client;
  let writer: ArticleWriter;
  const ids: Record<string, string> = {};

  const query = async <T>(text: string): Promise<T> => {
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: text }) });
    return ((await response.json()) as { data: T }).data;
  };
  const connect = (connectionParams?: Record<string, unknown>, onClosed?: (event: unknown) => void) =>
    createClient({ url: server.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, on: { closed: onClosed } });
  const open = new Set<LiveFeed>();
  /** Subscribes and waits until the server has registered the subscription, so nothing is missed. */
  const subscribe = async (text: string, variables?: Record<string, unknown>, over: Client = client): Promise<LiveFeed> => {
    const feed = new LiveFeed(over, text, variables);
    open.add(feed);
    await until(() => server.articleEvents.subscriberCount === open.size, "the subscription to register");
    return feed;
  };
  /** Completes subscriptions and waits until the server has let them go. */
  const unsubscribe = async (...feeds: LiveFeed[]): Promise<void> => {
    for (const feed of feeds) {
      feed.dispose();
      open.delete(feed);
    }
    await until(() => server.articleEvents.subscriberCount === open.size, "the subscriptions to end");
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-graph-live-"));
    // On disk, as the ingest command writes into it from another process.
    database = await openTestDatabase({ onDisk: true });
    dataSource = await openDataSource(database.config);
    await loadSeedData(dataSource);
    server = await startServer(await buildGraphSchema(), dataSource, { host: "127.0.0.1", port: 0, production: false, eventPollIntervalMs: 50 });
    client = connect();
    writer = new ArticleWriter(dataSource);
    const found = await query<{ syria: { id: string }; conflict: { id: string }; place: { id: string } }>(
      `{ syria: topic(slug: "syria") { id } conflict: topic(slug: "conflict-war-and-peace") { id } place(name: "Syria") { id } }`,
    );
    Object.assign(ids, { syriaTopic: found.syria.id, conflictTopic: found.conflict.id, syriaPlace: found.place.id });
  });

  afterAll(async () => {
    await client?.dispose();
    await server?.stop();
    await dataSource?.destroy();
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sends each new Syria story to a dashboard subscribed to the Syria topic, and nothing else", async () => {
    const feed = await subscribe(`subscription($topic: ID!) { articlePublished(filter: { topics: { anyOf: [$topic] } }) { ${STORY_FIELDS} } }`, { topic: ids.syriaTopic });
    await writer.write(footballStory(1));
    await writer.write(syriaStory(101));

    const result = await feed.next();
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      articlePublished: expect.objectContaining({ headline: "Syria briefing number 101", topics: [{ name: "Syria" }] }),
    });
    expect(feed.waiting).toBe(0); // the football story, written first, was never sent
    await unsubscribe(feed);
  });

  it("takes in subtopics for a topic and the places inside for a place, with nested filters", async () => {
    const byParentTopic = await subscribe(`subscription($t: ID!) { articlePublished(filter: { topics: { anyOf: [$t] } }) { headline } }`, { t: ids.conflictTopic });
    // Story 102 names Damascus only, and is datelined nowhere: Damascus is inside Syria.
    const byPlace = await subscribe(
      `subscription($p: ID!) { articlePublished(filter: { and: [{ places: { anyOf: [$p] } }], not: { section: "Sport" } }) { headline places { name } } }`,
      { p: ids.syriaPlace },
    );
    await writer.write({ ...syriaStory(102), tags: { ...syriaStory(102).tags, places: [{ name: "Damascus" }] } });

    expect((await byParentTopic.next()).data).toEqual({ articlePublished: { headline: "Syria briefing number 102" } });
    const placed = await byPlace.next();
    expect(placed.data?.articlePublished).toMatchObject({ headline: "Syria briefing number 102" });
    expect((placed.data?.articlePublished as { places: Array<{ name: string }> }).places.map((place) => place.name)).not.toContain("Syria");
    await unsubscribe(byParentTopic, byPlace);
  });

  it("sends stories the ingest command writes from another process into the same database", async () => {
    const cli = path.join(__dirname, "..", "dist", "src", "scripts", "ingest.js");
    expect(fs.existsSync(cli)).toBe(true); // built by `npm test`'s pretest step
    const feed = await subscribe(`subscription($topic: ID!) { articlePublished(filter: { topics: { anyOf: [$topic] } }) { headline } }`, { topic: ids.syriaTopic });
    const file = path.join(dir, "stories.jsonl");
    fs.writeFileSync(file, [footballStory(2), syriaStory(103)].map((story) => JSON.stringify(story)).join("\n"));

    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, file], { env: { ...process.env, DATABASE_URL: database.url }, stdio: "ignore" });
      child.once("error", reject);
      child.once("exit", resolve);
    });
    expect(exitCode).toBe(0);

    expect((await feed.next()).data).toEqual({ articlePublished: { headline: "Syria briefing number 103" } });
    expect(feed.waiting).toBe(0);
    await unsubscribe(feed);
  });

  it("sends articleUpdated when a published story is re-ingested with changes, and does not publish it again", async () => {
    const updated = await subscribe(`subscription($topic: ID!) { articleUpdated(filter: { topics: { anyOf: [$topic] } }) { headline body } }`, { topic: ids.syriaTopic });
    const published = await subscribe(`subscription($topic: ID!) { articlePublished(filter: { topics: { anyOf: [$topic] } }) { headline } }`, { topic: ids.syriaTopic });
    const story = { ...syriaStory(104), url: "https://example.com/syria-104" };
    await writer.write(story);
    expect((await published.next()).data).toEqual({ articlePublished: { headline: "Syria briefing number 104" } });

    await writer.write({ ...story, headline: "Syria briefing number 104, revised", body: [...story.body, "A paragraph added later."] });
    await writer.write(syriaStory(105));

    expect((await updated.next()).data).toEqual({
      articleUpdated: { headline: "Syria briefing number 104, revised", body: [...story.body, "A paragraph added later."] },
    });
    // The next publication is the new story 105, not the revised 104.
    expect((await published.next()).data).toEqual({ articlePublished: { headline: "Syria briefing number 105" } });
    expect(updated.waiting).toBe(0);
    await unsubscribe(updated, published);
  });

  it("sends articleUpdated when an editor tags or untags a story, with its tags as they now are", async () => {
    const updated = await subscribe(`subscription($topic: ID!) { articleUpdated(filter: { topics: { anyOf: [$topic] } }) { headline people { name } } }`, {
      topic: ids.syriaTopic,
    });
    const published = await subscribe(`subscription { articlePublished { headline } }`);
    const { article } = await writer.write({ ...syriaStory(107), url: "https://example.com/syria-107" });
    await published.next();
    const tags = new EditorialTags(dataSource.manager);
    const registry = new EntityRegistry(dataSource.manager);
    const erdogan = await registry.findOrCreate("Person", "Recep Tayyip Erdogan");
    await tags.tag(article, erdogan);
    const tagged = (await updated.next()).data as { articleUpdated: { headline: string; people: Array<{ name: string }> } };
    expect(tagged.articleUpdated.headline).toBe("Syria briefing number 107");
    expect(tagged.articleUpdated.people).toContainEqual({ name: "Recep Tayyip Erdogan" });
    await tags.untag(article, erdogan);
    const untagged = (await updated.next()).data as { articleUpdated: { people: Array<{ name: string }> } };
    expect(untagged.articleUpdated.people).not.toContainEqual({ name: "Recep Tayyip Erdogan" });
    await unsubscribe(updated, published);
  });

  it("shows a story's current topics each time it is sent, not what an earlier event loaded", async () => {
    const published = await subscribe(`subscription { articlePublished { headline } }`);
    const updated = await subscribe(`subscription($topic: ID!) { articleUpdated(filter: { topics: { anyOf: [$topic] } }) { headline topics { name } } }`, {
      topic: ids.syriaTopic,
    });
    const story = { ...syriaStory(106), url: "https://example.com/syria-106" };
    const filedUnder = (...slugs: string[]) => ({ ...story, tags: { ...story.tags, topics: slugs.map((slug) => ({ slug, weight: 1 })) } });
    await writer.write(story);
    await published.next();
    await writer.write(filedUnder("syria", "iraq"));
    expect((await updated.next()).data).toEqual({ articleUpdated: { headline: story.headline, topics: [{ name: "Syria" }, { name: "Iraq" }] } });
    await writer.write(filedUnder("syria", "diplomacy"));
    expect((await updated.next()).data).toEqual({ articleUpdated: { headline: story.headline, topics: [{ name: "Syria" }, { name: "diplomacy" }] } });
    await unsubscribe(published, updated);
  });

  it("rejects a filter naming a malformed ID with BAD_USER_INPUT, and queries over the socket with BAD_REQUEST", async () => {
    const badFilter = new LiveFeed(client, `subscription { articlePublished(filter: { topics: { anyOf: ["nonsense"] } }) { headline } }`);
    const error = await badFilter.next();
    expect(error.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    const overSocket = new LiveFeed(client, `{ topic(slug: "syria") { name } }`);
    const refused = await overSocket.next();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "BAD_REQUEST" } });
    expect(refused.errors?.[0]?.message).toMatch(/HTTP POST to \/graphql/);

    const invalid = new LiveFeed(client, `subscription { articlePublished { nonsense } }`);
    expect((await invalid.next()).errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
  });

  it("applies the limits of HTTP requests to subscriptions, before registering them", async () => {
    const deep = new LiveFeed(client, `subscription { articlePublished { dateline { ${"containedIn { ".repeat(20)} name ${"} ".repeat(20)} } } }`);
    expect((await deep.next()).errors?.[0]).toMatchObject({ extensions: { code: "QUERY_TOO_COMPLEX" } });
    expect(server.articleEvents.subscriberCount).toBe(open.size);
  });

  it("takes the API key from the Authorization connection parameter and refuses an unknown one with the reason", async () => {
    const { key } = await new ApiKeys(dataSource.manager).create("live dashboard", "reader");
    const keyed = connect({ Authorization: `Bearer ${key}` });
    const feed = await subscribe(`subscription { articlePublished { headline } }`, undefined, keyed);
    await writer.write(syriaStory(107));
    expect((await feed.next()).data).toEqual({ articlePublished: { headline: "Syria briefing number 107" } });
    await unsubscribe(feed);
    await keyed.dispose();

    let closed: { code: number; reason: string } | null = null;
    const unknown = connect({ Authorization: "Bearer cg_not-a-key" }, (event) => (closed = event as { code: number; reason: string }));
    const refused = new LiveFeed(unknown, `subscription { articlePublished { headline } }`);
    await refused.next();
    expect(closed).toMatchObject({ code: 4401, reason: "the API key is unknown or has been revoked" });
    await unknown.dispose();
  });
});

describe("how events of one batch are folded (ArticleEventHub)", () => {
  let graph: TestGraph;
  let deliverBatch: (batch: ArticleEventBatch) => Promise<void>;
  let hub: ArticleEventHub;
  /** A source the test drives by hand, standing in for the database poller. */
  const source: ArticleEventSource = {
    start: async (callback) => void (deliverBatch = callback),
    stop: async () => undefined,
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    hub = new ArticleEventHub(source);
    await hub.start();
  });
  afterAll(async () => {
    await hub.stop();
    await graph.close();
  });

  const deliver = (batch: Omit<ArticleEventBatch, "reader">) => deliverBatch({ ...batch, reader: graph.dataSource.manager });
  const take = async (subscription: AsyncIterator<{ id: number }>, count: number) => {
    const taken: number[] = [];
    for (let i = 0; i < count; i++) taken.push((await subscription.next()).value.id);
    return taken;
  };

  it("publishes a story created and updated in one transaction once, and sends no update for it", async () => {
    const published = hub.subscribe("published", {});
    const updated = hub.subscribe("updated", {});
    await deliver({
      missed: false,
      events: [
        { seq: 1, articleId: 1, kind: "published" },
        { seq: 2, articleId: 1, kind: "updated" },
        { seq: 3, articleId: 2, kind: "updated" },
        { seq: 4, articleId: 2, kind: "updated" },
      ],
    });
    expect(await take(published, 1)).toEqual([1]);
    expect(await take(updated, 1)).toEqual([2]);
    await published.return!();
    await updated.return!();
    expect(hub.subscriberCount).toBe(0);
  });

  it("sends an update read in a later batch than the story's publication", async () => {
    const updated = hub.subscribe("updated", {});
    await deliver({ missed: false, events: [{ seq: 5, articleId: 1, kind: "published" }] });
    await deliver({ missed: false, events: [{ seq: 6, articleId: 1, kind: "updated" }] });
    expect(await take(updated, 1)).toEqual([1]);
    await updated.return!();
  });

  it("ends subscriptions with LIVE_UPDATES_INTERRUPTED when events were pruned before this server read them", async () => {
    const subscription = hub.subscribe("published", {});
    await deliver({ missed: true, events: [{ seq: 200_000, articleId: 1, kind: "published" }] });
    await expect(subscription.next()).rejects.toMatchObject({ code: "LIVE_UPDATES_INTERRUPTED" });
    expect(hub.subscriberCount).toBe(0);
  });
});
