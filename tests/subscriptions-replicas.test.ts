import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createClient, type Client, type FormattedExecutionResult } from "graphql-ws";
import type { DataSource } from "typeorm";
import WebSocket from "ws";
import { openDataSource } from "../src/datasource";
import { ARTICLE_EVENT_RETENTION } from "../src/migrations/1764300000000-article-events";
import { ApiKeys } from "../src/services/api-keys";
import { ArticleWriter } from "../src/services/article-writer";
import { ArticleEventFeed } from "../src/services/article-events/article-event-feed";
import { ArticleEventHub } from "../src/services/article-events/article-event-hub";
import { LISTENER_APPLICATION_NAME, NotifiedArticleEventSource } from "../src/services/article-events/notified-article-event-source";
import { itOnPostgres, ON_POSTGRES, openTestDatabase, openTestDataSource, type TestDatabase, type TestDataSource } from "./support/database";

const MAIN = path.join(__dirname, "..", "dist", "src", "main.js");

/** A generous bound on one live update crossing from the writing process to the subscribed one. */
const DELIVERY_MS = 5_000;

/**
 * On PostgreSQL the replicas' safety poll is set far beyond the length of this suite, so every
 * update that arrives within {@link DELIVERY_MS} was brought by a notification, not by a poll.
 */
const SAFETY_POLL_MS = 600_000;

/** How long a process may take to migrate, load the shipped data and listen. */
const START_MS = 60_000;

/** `npm start` in a child process, on loopback and a port of the system's choosing. */
class ServerProcess {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    /** Everything it printed, stdout and stderr. */
    readonly output: { text: string },
    readonly url: string,
  ) {}

  static start(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const output = { text: "" };
    child.stdout.on("data", (chunk) => (output.text += chunk));
    child.stderr.on("data", (chunk) => (output.text += chunk));
    return new Promise<ServerProcess>((resolve, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        child.kill("SIGKILL");
        reject(new Error(`${why}:\n${output.text}`));
      };
      const exitedEarly = (code: number | null) => fail(`exited with ${code} before it was ready`);
      const timer = setTimeout(() => fail(`not ready in ${START_MS} ms`), START_MS);
      child.once("exit", exitedEarly);
      const readiness = () => {
        // main.ts prints the address it actually listens on, so PORT=0 is enough.
        const ready = /ready at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(output.text);
        if (!ready) return;
        clearTimeout(timer);
        child.off("exit", exitedEarly);
        child.stdout.off("data", readiness);
        resolve(new ServerProcess(child, output, ready[1]));
      };
      child.stdout.on("data", readiness);
    });
  }

  /** Sends an operation over HTTP with an API key and returns its data, failing on any error. */
  async post<T>(key: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`${query} failed: ${JSON.stringify(body.errors)}`);
    return body.data!;
  }

  /** SIGTERM, then SIGKILL if it has not exited within 10 s; resolves with its exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    this.child.kill("SIGTERM");
    const killer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    const code = await exited;
    clearTimeout(killer);
    return code;
  }
}

/** What a subscription received, each result with the time it arrived. */
class LiveFeed {
  readonly received: Array<{ result: FormattedExecutionResult; at: number }> = [];
  readonly dispose: () => void;

  constructor(client: Client, query: string) {
    const arrive = (result: FormattedExecutionResult) => this.received.push({ result, at: Date.now() });
    this.dispose = client.subscribe({ query }, { next: arrive, error: (error) => arrive({ errors: [{ message: String(error) }] }), complete: () => undefined });
  }

  /** The first result that `matches`, waiting at most `withinMs`; null when none came. */
  async first(matches: (result: FormattedExecutionResult) => boolean, withinMs: number): Promise<{ result: FormattedExecutionResult; at: number } | null> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const found = this.received.find(({ result }) => matches(result));
      if (found || Date.now() > deadline) return found ?? null;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { results { outcome article { id } } } }`;
const UPDATE = `mutation($id: ID!, $patch: ArticlePatchInput!) { updateArticle(id: $id, patch: $patch) { id } }`;

/** A story with no tags, identified by its URL. */
function story(headline: string) {
  const slug = headline.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { url: `https://example.com/replicas/${slug}`, headline, body: [`${headline}.`], publishedAt: "2024-12-20T00:00:00Z", publisher: "Reuters" };
}

describe("live updates across two server processes on one database", () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let key: string;
  let client: Client;
  const feeds: LiveFeed[] = [];

  beforeAll(async () => {
    expect(fs.existsSync(MAIN)).toBe(true); // built by `npm test`'s pretest step
    database = await openTestDatabase({ onDisk: true });
    const env: Record<string, string> = ON_POSTGRES ? { EVENT_POLL_INTERVAL_MS: String(SAFETY_POLL_MS) } : {};
    if (ON_POSTGRES) {
      // Both at once on an empty schema, as an orchestrator starts replicas.
      [a, b] = await Promise.all([ServerProcess.start(database.url, env), ServerProcess.start(database.url, env)]);
    } else {
      // SQLite replicas share a machine and start one by one (see the README).
      a = await ServerProcess.start(database.url, env);
      b = await ServerProcess.start(database.url, env);
    }
    // The editor's key, made on the database directly as `npm run keys` would.
    const dataSource = await openDataSource(database.config);
    try {
      key = (await new ApiKeys(dataSource.manager).create("replica test", "editor")).key;
    } finally {
      await dataSource.destroy();
    }
    client = createClient({ url: b.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
  }, 2 * START_MS);

  afterAll(async () => {
    for (const feed of feeds) feed.dispose();
    await client?.dispose();
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  }, 30_000);

  /**
   * Subscribes on B, then pokes through A until B sends something: a subscription is registered
   * asynchronously on the server, and only a first arrival shows it is live. The pokes are
   * written before the story under test, so they arrive before it (events go out in commit order).
   */
  const subscribeOnB = async (query: string, poke: (attempt: number) => Promise<unknown>): Promise<LiveFeed> => {
    const feed = new LiveFeed(client, query);
    feeds.push(feed);
    for (let attempt = 1; feed.received.length === 0; attempt++) {
      if (attempt > 20) throw new Error(`the subscription on B received nothing after 20 pokes through A: ${JSON.stringify(feed.received)}`);
      await poke(attempt);
      await feed.first(() => true, 500);
    }
    expect(feed.received[0].result.errors).toBeUndefined();
    return feed;
  };

  const ingestThroughA = async (headline: string): Promise<{ id: string; committedAt: number }> => {
    const data = await a.post<{ ingestArticle: { results: Array<{ outcome: string; article: { id: string } }> } }>(key, INGEST, { input: { article: story(headline) } });
    expect(data.ingestArticle.results).toEqual([{ outcome: "CREATED", article: { id: expect.any(String) } }]);
    return { id: data.ingestArticle.results[0].article.id, committedAt: Date.now() };
  };

  itOnPostgres(
    "starts replicas together on an empty database: one migrates and loads the data, the other waits for it and finds it there",
    "two SQLite processes migrating one new file at once collide; SQLite replicas start one by one",
    () => {
      const loaded = [a, b].map((replica) => {
        const line = /data: entities (\{[^}]*\}), stories (\{[^}]*\})/.exec(replica.output.text);
        expect(line).not.toBeNull();
        return { entities: JSON.parse(line![1]) as { created: number }, stories: JSON.parse(line![2]) as { created: number; unchanged: number } };
      });
      const [first, second] = [...loaded].sort((x, y) => y.stories.created - x.stories.created);
      expect(first.stories.created).toBeGreaterThan(0);
      expect(first.entities.created).toBeGreaterThan(0);
      expect(second.stories).toMatchObject({ created: 0, unchanged: first.stories.created });
      expect(second.entities.created).toBe(0);
    },
  );

  it("sends a story ingested through process A to a subscriber of process B", async () => {
    const feed = await subscribeOnB(`subscription { articlePublished { headline } }`, (attempt) => ingestThroughA(`Warm-up story ${attempt}`));

    const { committedAt } = await ingestThroughA("Story written through replica A");
    const arrival = await feed.first((result) => (result.data?.articlePublished as { headline?: string })?.headline === "Story written through replica A", DELIVERY_MS);

    expect(arrival).not.toBeNull();
    expect(arrival!.result).toEqual({ data: { articlePublished: { headline: "Story written through replica A" } } });
    expect(arrival!.at - committedAt).toBeLessThan(DELIVERY_MS);
  });

  it("sends an edit made through process A to articleUpdated subscribers of process B, with the edited text", async () => {
    const { id: warmUpId } = await ingestThroughA("Warm-up story for edits");
    const { id } = await ingestThroughA("Story edited through replica A");
    const feed = await subscribeOnB(`subscription { articleUpdated { id headline body } }`, (attempt) =>
      a.post(key, UPDATE, { id: warmUpId, patch: { body: [`Revision ${attempt}.`] } }),
    );

    await a.post(key, UPDATE, { id, patch: { headline: "Story edited through replica A, revised", body: ["A corrected paragraph."] } });
    const committedAt = Date.now();
    const arrival = await feed.first((result) => (result.data?.articleUpdated as { id?: string })?.id === id, DELIVERY_MS);

    expect(arrival).not.toBeNull();
    expect(arrival!.result).toEqual({ data: { articleUpdated: { id, headline: "Story edited through replica A, revised", body: ["A corrected paragraph."] } } });
    expect(arrival!.at - committedAt).toBeLessThan(DELIVERY_MS);
  });

  it("keeps serving after the subscriptions, and both replicas stop cleanly on SIGTERM", async () => {
    for (const replica of [a, b]) expect((await fetch(replica.url.replace(/\/graphql$/, "/health"))).status).toBe(200);
    for (const feed of feeds.splice(0)) feed.dispose();
    await client.dispose();
    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
    expect(a.output.text + b.output.text).not.toMatch(/live updates:/); // no failed read, no lost connection
  }, 30_000);
});

describe("the event feed (what each replica reads)", () => {
  let database: TestDataSource;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await openTestDataSource({ seed: false });
    dataSource = database.dataSource;
  });
  afterAll(async () => {
    await database?.close();
  });

  const record = (articleId: number, seq?: number) =>
    seq === undefined
      ? dataSource.query(`INSERT INTO article_event("articleId", kind) VALUES (${articleId}, 'updated')`)
      : dataSource.query(`INSERT INTO article_event(seq, "articleId", kind) VALUES (${seq}, ${articleId}, 'updated')`);
  const read = async (feed: ArticleEventFeed) => {
    const { events, missed, consume } = await feed.read();
    consume();
    return { articleIds: events.map((event) => event.articleId), missed };
  };

  it("reads each committed event once, from the newest at the time it started", async () => {
    await record(1);
    const feed = await ArticleEventFeed.atNewest(dataSource.manager);
    expect(await read(feed)).toEqual({ articleIds: [], missed: false });
    await record(2);
    await record(3);
    expect(await read(feed)).toEqual({ articleIds: [2, 3], missed: false });
    expect(await read(feed)).toEqual({ articleIds: [], missed: false });
  });

  it("reads again what was not consumed, so a failed delivery is retried", async () => {
    const feed = await ArticleEventFeed.atNewest(dataSource.manager);
    await record(4);
    expect((await feed.read()).events.map((event) => event.articleId)).toEqual([4]);
    expect(await read(feed)).toEqual({ articleIds: [4], missed: false });
  });

  it("says so when the feed pruned events before they were read", async () => {
    const feed = await ArticleEventFeed.atNewest(dataSource.manager);
    const [{ newest }] = await dataSource.query(`SELECT max(seq) AS newest FROM article_event`);
    // An event this far ahead prunes everything up to 5 above the reader's position.
    await record(5, Number(newest) + ARTICLE_EVENT_RETENTION + 5);
    expect(await read(feed)).toEqual({ articleIds: [5], missed: true });
  });

  itOnPostgres(
    "does not skip a slow writer's event when a later writer commits first",
    "SQLite has one writer at a time, so its events always commit in sequence order",
    async () => {
      const feed = await ArticleEventFeed.atNewest(dataSource.manager);
      const slow = dataSource.createQueryRunner();
      const fast = dataSource.createQueryRunner();
      try {
        await slow.startTransaction();
        await slow.query(`INSERT INTO article_event("articleId", kind) VALUES (10, 'updated')`); // takes the lower seq
        await fast.startTransaction();
        await fast.query(`INSERT INTO article_event("articleId", kind) VALUES (11, 'updated')`);
        await fast.commitTransaction();
        expect(await read(feed)).toEqual({ articleIds: [11], missed: false });
        await slow.commitTransaction();
        expect(await read(feed)).toEqual({ articleIds: [10], missed: false });
        expect(await read(feed)).toEqual({ articleIds: [], missed: false });
      } finally {
        await slow.release();
        await fast.release();
      }
    },
  );
});

describe("the PostgreSQL listener (NotifiedArticleEventSource)", () => {
  let database: TestDataSource;
  let hub: ArticleEventHub;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!ON_POSTGRES) return;
    database = await openTestDataSource({ seed: false });
    hub = new ArticleEventHub(
      new NotifiedArticleEventSource(database.dataSource, { safetyPollMs: SAFETY_POLL_MS, maxReconnectDelayMs: 1_000, onError: (error) => errors.push(String(error)) }),
    );
    await hub.start();
  });
  afterAll(async () => {
    await hub?.stop();
    await database?.close();
  });

  /** The listening connection of this test's schema: the one whose last statement was LISTEN on its channel. */
  const listener = async (): Promise<number | null> => {
    const [{ channel }] = await database.dataSource.query(`SELECT article_event_channel(current_schema()) AS channel`);
    const rows = await database.dataSource.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query = $2`, [LISTENER_APPLICATION_NAME, `LISTEN "${channel}"`]);
    return rows.length === 1 ? Number(rows[0].pid) : null;
  };
  const waitFor = async <T>(what: string, probe: () => Promise<T | null>): Promise<T> => {
    const deadline = Date.now() + DELIVERY_MS;
    for (;;) {
      const value = await probe();
      if (value !== null) return value;
      if (Date.now() > deadline) throw new Error(`no ${what} within ${DELIVERY_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const writeStory = (headline: string) => new ArticleWriter(database.dataSource).write(story(headline));

  itOnPostgres("delivers a commit on notification, long before its safety poll", "SQLite has no notifications", async () => {
    const published = hub.subscribe("published", {});
    const started = Date.now();
    await writeStory("Notified story");
    expect((await published.next()).value.headline).toBe("Notified story");
    expect(Date.now() - started).toBeLessThan(DELIVERY_MS);
    await published.return!();
  });

  itOnPostgres("reconnects after losing its connection, and delivers what was committed meanwhile", "SQLite has no notifications", async () => {
    const published = hub.subscribe("published", {});
    const before = await waitFor("listening connection", listener);
    await database.dataSource.query(`SELECT pg_terminate_backend($1)`, [before]);
    await writeStory("Story written while the listener was down");

    const started = Date.now();
    expect((await published.next()).value.headline).toBe("Story written while the listener was down");
    expect(Date.now() - started).toBeLessThan(DELIVERY_MS);
    const after = await waitFor("new listening connection", listener);
    expect(after).not.toBe(before);
    expect(errors).toEqual([expect.stringContaining("the connection listening for new stories was lost")]);
    await published.return!();
  });
});
