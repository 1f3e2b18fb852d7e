import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { openDataSource } from "../src/datasource";
import { buildGraphSchema } from "../src/schema";
import { startServer, type RunningServer } from "../src/server";
import { loadSeedData } from "../src/services/seed-loader";
import { ApiKeys } from "../src/services/api-keys";
import { openTestDatabase, type TestDatabase } from "./support/database";
import { generatedStory, writeStoryFiles } from "./support/generated-stories";

const CLI = path.join(__dirname, "..", "dist", "src", "scripts", "ingest.js");
const STORIES = 300;
const READERS = 4;
const MUTATIONS = 120;

/** What a reader sees of a story; every read of one story must equal its final state. */
const STORY = `id url headline body authors { name } people { name } places { name } topics { slug } mentions { role entity { name } }`;
const READS = [
  `query($topic: ID!) { articles(first: 50, orderBy: NEWEST, filter: { topics: { anyOf: [$topic] } }) { totalCount edges { node { ${STORY} } } } }`,
  `{ search(query: "talks", first: 30, orderBy: NEWEST) { totalCount edges { node { ${STORY} } } } }`,
  `query($place: ID!) { place(id: $place) { articles(first: 30) { edges { node { ${STORY} } } } } }`,
];

interface SeenStory {
  id: string;
  url: string | null;
  headline: string;
  body: string[];
  authors: Array<{ name: string }>;
  people: Array<{ name: string }>;
  places: Array<{ name: string }>;
  topics: Array<{ slug: string }>;
  mentions: Array<{ role: string; entity: { name: string } }>;
}

/** Every story node anywhere in a response. */
function storiesIn(value: unknown, found: SeenStory[] = []): SeenStory[] {
  if (Array.isArray(value)) for (const item of value) storiesIn(item, found);
  else if (value && typeof value === "object") {
    if ("headline" in value && "mentions" in value) found.push(value as SeenStory);
    else for (const child of Object.values(value)) storiesIn(child, found);
  }
  return found;
}

describe("reading while stories are ingested", () => {
  let dir: string;
  let database: TestDatabase;
  let dataSource: DataSource;
  let writer: DataSource;
  let server: RunningServer;
  let variables: { topic: string; place: string };

  const read = async (query: string, given: Record<string, unknown> = variables) => {
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables: given }) });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
  };

  /**
   * Reads with {@link READERS} clients until `writing` settles, then checks that no read failed and
   * that every story of `batch` a reader saw was already whole: equal to its final state.
   */
  const expectWholeStoriesWhile = async (writing: Promise<unknown>, batch: string) => {
    let done = false;
    const settled = writing.finally(() => (done = true));
    const failures: unknown[] = [];
    const seen: SeenStory[] = [];
    let requests = 0;
    const reader = async (start: number) => {
      for (let turn = start; !done; turn++) {
        const { status, body } = await read(READS[turn % READS.length]);
        requests++;
        if (status !== 200 || body.errors) failures.push({ status, errors: body.errors });
        seen.push(...storiesIn(body.data));
      }
    };
    await Promise.all(Array.from({ length: READERS }, (_, index) => reader(index)));
    await settled;

    expect(failures).toEqual([]);
    const fromBatch = seen.filter((story) => story.url?.startsWith(`https://example.com/${batch}/`));
    // The readers really read while the batch went in: they saw some of its stories, not all at once.
    expect(requests).toBeGreaterThan(READERS * 3);
    expect(fromBatch.length).toBeGreaterThan(0);

    // Each story is written once, in one transaction: every read of it must show its final state.
    const finals = new Map<string, SeenStory>();
    for (const id of new Set(fromBatch.map((story) => story.id))) {
      const final = await read(`query($id: ID!) { node(id: $id) { ... on Article { ${STORY} } } }`, { id });
      finals.set(id, (final.body.data as { node: SeenStory }).node);
    }
    const differing = fromBatch.filter((story) => JSON.stringify(story) !== JSON.stringify(finals.get(story.id)));
    expect(differing).toEqual([]);
    const halfWritten = [...finals.values()].filter(
      (story) => story.body.length === 0 || story.people.length < 2 || story.places.length === 0 || !story.topics.some((topic) => topic.slug === "syria") || story.authors.length === 0,
    );
    expect(halfWritten).toEqual([]);
  };

  beforeAll(async () => {
    expect(fs.existsSync(CLI)).toBe(true); // built by `npm test`'s pretest step
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-graph-concurrency-"));
    // On disk, as the server's two connections and the ingest command each open it.
    database = await openTestDatabase({ onDisk: true });
    dataSource = await openDataSource(database.config);
    await loadSeedData(dataSource);
    writer = await openDataSource(database.config);
    server = await startServer(await buildGraphSchema(), dataSource, { host: "127.0.0.1", port: 0, production: false, writer });
    const ids = await read(`{ topic(slug: "syria") { id } place(name: "Syria") { id } }`);
    const data = ids.body.data as { topic: { id: string }; place: { id: string } };
    variables = { topic: data.topic.id, place: data.place.id };
  });
  afterAll(async () => {
    await server?.stop();
    await writer?.destroy();
    await dataSource?.destroy();
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives readers no error and no half-written story while another process ingests hundreds", async () => {
    fs.mkdirSync(path.join(dir, "batch"));
    writeStoryFiles(path.join(dir, "batch"), "concurrent", STORIES, 25);
    const ingesting = new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, path.join(dir, "batch")], { env: { ...process.env, DATABASE_URL: database.url }, stdio: "ignore" });
      child.once("error", reject);
      child.once("exit", resolve);
    });
    await expectWholeStoriesWhile(ingesting.then((code) => expect(code).toBe(0)), "concurrent");

    const total = await read(`query($topic: ID!) { articles(filter: { topics: { anyOf: [$topic] } }) { totalCount } }`);
    expect((total.body.data as { articles: { totalCount: number } }).articles.totalCount).toBeGreaterThanOrEqual(STORIES);
  }, 120_000);

  it("gives readers no error and no half-written story while editors ingest through the API", async () => {
    const { key } = await new ApiKeys(dataSource.manager).create("concurrency test", "editor");
    const ingest = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { results { outcome } } }`;
    const writing = (async () => {
      for (let index = 0; index < MUTATIONS; index++) {
        const response = await fetch(server.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
          // Dated after the other batch, so the readers' newest-first lists show these stories.
          body: JSON.stringify({ query: ingest, variables: { input: { article: { ...generatedStory("mutated", index), publishedAt: `2025-01-01T${String(index % 24).padStart(2, "0")}:00:00Z` } } } }),
        });
        const body = (await response.json()) as { data?: { ingestArticle: { results: Array<{ outcome: string }> } }; errors?: unknown[] };
        expect(body.errors).toBeUndefined();
        expect(body.data?.ingestArticle.results).toEqual([{ outcome: "CREATED" }]);
      }
    })();
    await expectWholeStoriesWhile(writing, "mutated");
  }, 120_000);
});
