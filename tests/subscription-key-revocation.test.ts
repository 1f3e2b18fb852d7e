import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createClient, type Client } from "graphql-ws";
import type { DataSource } from "typeorm";
import WebSocket from "ws";
import { openDataSource } from "../src/datasource";
import type { Article } from "../src/entities/article";
import { buildGraphSchema } from "../src/schema";
import { startServer, type RunningServer } from "../src/server";
import { ApiKeys } from "../src/services/api-keys";
import { ArticleSubscription } from "../src/services/article-events/article-subscription";
import { ArticleWriter } from "../src/services/article-writer";
import { loadSeedData } from "../src/services/seed-loader";
import { ApiKeyWatch, KEY_RECHECK_MS } from "../src/subscriptions/api-key-watch";
import { ConnectionKey } from "../src/subscriptions/connection-key";
import { openTestDatabase, openTestDataSource, type TestDatabase, type TestDataSource } from "./support/database";
import { syriaStory } from "./support/stories";

/** The longest any test waits for something the server should do, well past the re-check interval. */
const WAIT_MS = KEY_RECHECK_MS + 5_000;

const PUBLISHED = `subscription { articlePublished { headline } }`;

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A graphql-ws client as a dashboard holds one: what arrives, the errors it is told, how its socket closed. */
class LiveConnection {
  readonly client: Client;
  /** Headlines received, with when each arrived. */
  readonly received: Array<{ headline: string; at: number }> = [];
  /** GraphQL errors that ended a subscription. */
  readonly errors: Array<{ message: string; extensions?: Record<string, unknown> }> = [];
  closed: { code: number; reason: string } | null = null;

  constructor(url: string, key?: string) {
    this.client = createClient({
      url: url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      connectionParams: key === undefined ? undefined : { Authorization: `Bearer ${key}` },
      retryAttempts: 0,
      on: { closed: (event) => (this.closed = { code: (event as WebSocket.CloseEvent).code, reason: String((event as WebSocket.CloseEvent).reason) }) },
    });
  }

  subscribe(query = PUBLISHED): void {
    this.client.subscribe<{ articlePublished: { headline: string } }>(
      { query },
      {
        next: (result) => {
          if (result.errors) this.errors.push(...(result.errors as LiveConnection["errors"]));
          else this.received.push({ headline: result.data!.articlePublished.headline, at: Date.now() });
        },
        // An array is the server's `error` message; a close event is recorded by `on.closed`.
        error: (error) => void (Array.isArray(error) && this.errors.push(...error)),
        complete: () => undefined,
      },
    );
  }

  headlines(): string[] {
    return this.received.map((item) => item.headline);
  }
}

describe("a subscription whose API key is revoked while it is open (REQUIRE_API_KEY=true)", () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let server: RunningServer;
  let keys: ApiKeys;
  let writer: ArticleWriter;
  const connections: LiveConnection[] = [];

  const connect = (key?: string) => {
    const connection = new LiveConnection(server.url, key);
    connections.push(connection);
    return connection;
  };
  /** Subscribes and waits until the server has registered it, so no story is missed. */
  const subscribed = async (connection: LiveConnection) => {
    const before = server.articleEvents.subscriberCount;
    connection.subscribe();
    await until(() => server.articleEvents.subscriberCount === before + 1, "the subscription to register");
    return connection;
  };

  beforeAll(async () => {
    // On disk, so the keys command in another process revokes in the same database.
    database = await openTestDatabase({ onDisk: true });
    dataSource = await openDataSource(database.config);
    await loadSeedData(dataSource);
    keys = new ApiKeys(dataSource.manager);
    writer = new ArticleWriter(dataSource);
    server = await startServer(await buildGraphSchema(), dataSource, { host: "127.0.0.1", port: 0, production: false, requireApiKey: true, eventPollIntervalMs: 50 });
  });

  afterAll(async () => {
    for (const connection of connections) await connection.client.dispose();
    await server?.stop();
    await dataSource?.destroy();
    await database?.drop();
  });

  it("ends the subscription with UNAUTHENTICATED and closes with 4401 when `npm run keys -- revoke` runs in another process, with no event needed; other keys keep theirs", async () => {
    const cli = path.join(__dirname, "..", "dist", "src", "scripts", "keys.js");
    expect(fs.existsSync(cli)).toBe(true); // built by `npm test`'s pretest step
    const wall = await keys.create("newsroom wall screen", "reader");
    const desk = await keys.create("news desk", "reader");
    const revoked = await subscribed(connect(wall.key));
    const other = await subscribed(connect(desk.key));
    await writer.write(syriaStory(201));
    await until(() => revoked.received.length === 1 && other.received.length === 1, "the first story on both connections");

    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, "revoke", wall.info.prefix], { env: { ...process.env, DATABASE_URL: database.url }, stdio: "ignore" });
      child.once("error", reject);
      child.once("exit", resolve);
    });
    expect(exitCode).toBe(0);

    // Nothing is published: the periodic re-check alone finds the revocation.
    await until(() => revoked.closed !== null, "the revoked key's connection to close");
    expect(revoked.errors).toEqual([expect.objectContaining({ message: "the API key has been revoked", extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })]);
    expect(revoked.closed).toEqual({ code: 4401, reason: "the API key has been revoked" });
    await until(() => server.articleEvents.subscriberCount === 1, "the server to let the revoked subscription go");

    await writer.write(syriaStory(202));
    await until(() => other.received.length === 2, "the next story on the live key's connection");
    expect(other.headlines()).toEqual(["Syria briefing number 201", "Syria briefing number 202"]);
    expect(other.closed).toBeNull();
    expect(revoked.headlines()).toEqual(["Syria briefing number 201"]);
  });

  it(`sends a revoked key no story more than ${KEY_RECHECK_MS} ms after the revocation, and ends every subscription of its connection`, async () => {
    const { key, info } = await keys.create("live blog", "reader");
    const connection = connect(key);
    await subscribed(connection);
    await subscribed(connection);

    await keys.revoke(String(info.id));
    const revokedAt = Date.now();
    await writer.write(syriaStory(203));
    await until(() => connection.closed !== null, "the connection to close");
    await writer.write(syriaStory(204));
    // Long enough for story 204 to reach a subscriber: a poll is 50 ms.
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Story 203 may arrive while the last confirmation of the key is still fresh; never later.
    for (const { at } of connection.received) expect(at - revokedAt).toBeLessThan(KEY_RECHECK_MS);
    expect(connection.headlines()).not.toContain("Syria briefing number 204");
    expect(connection.errors.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED"]);
    expect(connection.closed).toEqual({ code: 4401, reason: "the API key has been revoked" });
  });

  it("ends the whole connection as soon as a new subscribe finds its key revoked, before the next re-check", async () => {
    const { key, info } = await keys.create("night editor", "reader");
    const connection = connect(key);
    await subscribed(connection);
    await keys.revoke(info.prefix);
    connection.subscribe();

    await until(() => connection.closed !== null, "the connection to close");
    expect(connection.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: "the API key has been revoked", extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) }),
      ]),
    );
    expect(connection.errors.every((error) => error.extensions?.code === "UNAUTHENTICATED")).toBe(true);
    expect(connection.closed).toEqual({ code: 4401, reason: "the API key has been revoked" });
  });

  it("refuses a connection with no key, or with a key already revoked, with 4401 and the reason, and registers nothing", async () => {
    const before = server.articleEvents.subscriberCount;
    const anonymous = connect();
    anonymous.subscribe();
    const { key, info } = await keys.create("old laptop", "reader");
    await keys.revoke(info.prefix);
    const stale = connect(key);
    stale.subscribe();

    await until(() => anonymous.closed !== null && stale.closed !== null, "both connections to be refused");
    expect(anonymous.closed).toEqual({ code: 4401, reason: "this service requires an API key: send Authorization: Bearer <key>" });
    expect(stale.closed).toEqual({ code: 4401, reason: "the API key is unknown or has been revoked" });
    expect(anonymous.received).toEqual([]);
    expect(stale.received).toEqual([]);
    expect(server.articleEvents.subscriberCount).toBe(before);
  });
});

describe("how a connection's key is re-checked (ApiKeyWatch, ConnectionKey)", () => {
  /** Long enough that the periodic read never runs here: each test moves the clock by hand. */
  const RECHECK_MS = 60_000;
  let graph: TestDataSource;
  let keys: ApiKeys;
  let reads: jest.SpyInstance;
  let now: number;
  let watch: ApiKeyWatch;
  const story = (id: number) => ({ id, headline: `Story ${id}` }) as Article;

  beforeAll(async () => {
    graph = await openTestDataSource({ seed: false });
    keys = new ApiKeys(graph.dataSource.manager);
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    now = 1_000_000;
    reads = jest.spyOn(keys, "liveAmong");
    watch = new ApiKeyWatch(keys, { recheckMs: RECHECK_MS, now: () => now, onError: () => undefined });
  });
  afterEach(() => {
    watch.stop();
    reads.mockRestore();
  });

  /** A connection's key and one of its subscriptions, fed by hand. */
  const open = async (name: string) => {
    const { key, info } = await keys.create(name, "reader");
    const viewer = (await keys.authenticate(key))!;
    let revocations = 0;
    const connectionKey = new ConnectionKey(viewer.keyId, watch, now, () => revocations++);
    let ended = false;
    const source = new ArticleSubscription("published", {}, () => (ended = true));
    return { info, connectionKey, source, stream: connectionKey.checked(source), revocations: () => revocations, ended: () => ended };
  };

  it("sends events without reading the key while its confirmation is fresh, then reads it once and ends at a revocation", async () => {
    const live = await open("busy dashboard");
    for (let id = 1; id <= 50; id++) live.source.push(story(id));
    for (let id = 1; id <= 50; id++) expect((await live.stream.next()).value).toMatchObject({ id });
    expect(reads).not.toHaveBeenCalled();

    await keys.revoke(String(live.info.id));
    now += RECHECK_MS / 2;
    live.source.push(story(51));
    // Within the interval the key is not read: an event this close to a confirmation goes out.
    expect((await live.stream.next()).value).toMatchObject({ id: 51 });

    now += RECHECK_MS;
    live.source.push(story(52));
    await expect(live.stream.next()).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "the API key has been revoked" });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(live.revocations()).toBe(1);
    expect(live.ended()).toBe(true);
  });

  it("confirms every stale key of the process in one read, shared by everyone waiting", async () => {
    const [a, b, c] = [await open("desk A"), await open("desk B"), await open("desk C")];
    now += RECHECK_MS + 1;
    for (const connection of [a, b, c]) connection.source.push(story(1));
    const sent = await Promise.all([a, b, c].map((connection) => connection.stream.next()));
    expect(sent.map((result) => result.value)).toEqual([story(1), story(1), story(1)]);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(new Set(reads.mock.calls[0][0])).toEqual(new Set([a, b, c].map((connection) => connection.connectionKey.keyId)));
  });

  it("ends a stream that is waiting for its next event as soon as a read finds its key revoked", async () => {
    const idle = await open("quiet wall screen");
    const waiting = idle.stream.next();
    await keys.revoke(idle.info.prefix);
    now += RECHECK_MS + 1;
    // Any read of the watched keys, here one asked for by the key's own connection.
    await watch.refresh(idle.connectionKey.keyId);
    await expect(waiting).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(idle.ended()).toBe(true);
    expect(idle.connectionKey.revokedError?.message).toBe("the API key has been revoked");
  });

  it("sends nothing when the key cannot be read (fails closed with LIVE_UPDATES_INTERRUPTED), and stops watching a key whose connection closed", async () => {
    const cut = await open("cut off");
    reads.mockRejectedValueOnce(new Error("connection terminated"));
    now += RECHECK_MS + 1;
    cut.source.push(story(1));
    await expect(cut.stream.next()).rejects.toMatchObject({ code: "LIVE_UPDATES_INTERRUPTED" });
    expect(cut.ended()).toBe(true);

    const closed = await open("closed tab");
    closed.connectionKey.release();
    now += RECHECK_MS + 1;
    const other = await open("still open");
    now += RECHECK_MS + 1;
    other.source.push(story(2));
    await other.stream.next();
    expect(reads.mock.calls.at(-1)![0]).not.toContain(closed.connectionKey.keyId);
  });
});
