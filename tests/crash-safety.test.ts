import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { openDataSource } from "../src/datasource";
import { openTestDatabase, sqliteOnly, type TestDatabase } from "./support/database";
import { generatedStory, writeStoryFiles } from "./support/generated-stories";

const CLI = path.join(__dirname, "..", "dist", "src", "scripts", "ingest.js");
const STORIES = 2_000;
const PER_FILE = 20;
/** Files the ingest command must report finished before it is killed. */
const REPORTED_BEFORE_KILL = 10;

/** A stored story with what it touches, as a reader would check it. */
interface StoredStory {
  url: string;
  headline: string;
  body: string;
  people: string[];
  places: string[];
  topics: string[];
  authors: string[];
}

async function storedStories(dataSource: DataSource): Promise<Map<string, StoredStory>> {
  const rows: Array<{ id: number; url: string; headline: string; body: string }> = await dataSource.query(
    `SELECT id, url, headline, body FROM article WHERE url LIKE 'https://example.com/crash/%'`,
  );
  const edges = async (sql: string) => {
    const byArticle = new Map<number, string[]>();
    for (const { articleId, name } of (await dataSource.query(sql)) as Array<{ articleId: number; name: string }>) {
      byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), name]);
    }
    return byArticle;
  };
  const people = await edges(`SELECT m."articleId", e.name FROM article_mention m JOIN entity e ON e.id = m."entityId" WHERE e.type = 'PERSON'`);
  const places = await edges(`SELECT m."articleId", e.name FROM article_mention m JOIN entity e ON e.id = m."entityId" WHERE e.type = 'PLACE'`);
  const topics = await edges(`SELECT t."articleId", e.slug AS name FROM article_topic t JOIN entity e ON e.id = t."topicId"`);
  const authors = await edges(`SELECT a."articleId", e.name FROM article_author a JOIN entity e ON e.id = a."personId"`);
  return new Map(
    rows.map((row) => [
      row.url,
      { ...row, people: people.get(row.id) ?? [], places: places.get(row.id) ?? [], topics: topics.get(row.id) ?? [], authors: authors.get(row.id) ?? [] },
    ]),
  );
}

/** Rows of edge tables whose story or entity does not exist. */
async function orphans(dataSource: DataSource): Promise<Record<string, number>> {
  const count = async (sql: string) => Number((await dataSource.query(sql))[0].n);
  return {
    mentions: await count(`SELECT count(*) AS n FROM article_mention m LEFT JOIN article a ON a.id = m."articleId" WHERE a.id IS NULL`),
    topics: await count(`SELECT count(*) AS n FROM article_topic t LEFT JOIN article a ON a.id = t."articleId" WHERE a.id IS NULL`),
    authors: await count(`SELECT count(*) AS n FROM article_author x LEFT JOIN article a ON a.id = x."articleId" WHERE a.id IS NULL`),
    mentionedEntities: await count(`SELECT count(*) AS n FROM article_mention m LEFT JOIN entity e ON e.id = m."entityId" WHERE e.id IS NULL`),
  };
}

/** Runs the ingest command to its end; resolves with its exit code. */
function ingest(databaseUrl: string, input: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, input], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", resolve);
  });
}

describe("crash safety of ingestion", () => {
  let dir: string;
  let database: TestDatabase;
  let files: string[];

  beforeAll(async () => {
    expect(fs.existsSync(CLI)).toBe(true); // built by `npm test`'s pretest step
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-graph-crash-"));
    database = await openTestDatabase({ onDisk: true });
    fs.mkdirSync(path.join(dir, "batch"));
    files = writeStoryFiles(path.join(dir, "batch"), "crash", STORIES, PER_FILE);
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every story reported committed whole after SIGKILL, none half-written, and a re-run completes without duplicates", async () => {
    // The command prints "<file>: <n> records" once every record of a file has been written, each
    // in its own committed transaction: those are the stories it has reported committed.
    const child = spawn(process.execPath, [CLI, path.join(dir, "batch")], { env: { ...process.env, DATABASE_URL: database.url }, stdio: ["ignore", "ignore", "pipe"] });
    const reported: string[] = [];
    let output = "";
    const killed = new Promise<NodeJS.Signals | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (_code, signal) => resolve(signal));
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      for (const match of output.matchAll(/^(.+\.jsonl): (\d+) records$/gm)) {
        if (!reported.includes(match[1])) reported.push(match[1]);
      }
      if (reported.length >= REPORTED_BEFORE_KILL) child.kill("SIGKILL");
    });
    expect(await killed).toBe("SIGKILL");
    expect(output).not.toMatch(/FAILED/);
    expect(reported.length).toBeGreaterThanOrEqual(REPORTED_BEFORE_KILL);
    expect(reported.length).toBeLessThan(files.length); // killed midway, not after the end

    // Restart: opening the database recovers it from the write-ahead log.
    const dataSource = await openDataSource(database.config);
    try {
      if (sqliteOnly("PRAGMA integrity_check after the kill: the PostgreSQL server, which recovers its own files, was not killed")) {
        expect(await dataSource.query("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      }
      const stored = await storedStories(dataSource);
      const committed = reported.flatMap((file) => {
        const first = files.indexOf(file) * PER_FILE;
        return Array.from({ length: PER_FILE }, (_, offset) => generatedStory("crash", first + offset));
      });
      for (const story of committed) {
        const found = stored.get(story.url!);
        expect(found).toMatchObject({ headline: story.headline, body: story.body.join("\n\n"), authors: story.authors });
        expect(found!.people).toEqual(expect.arrayContaining(story.tags!.people!.map((tag) => tag.name)));
        expect(found!.places).toEqual(expect.arrayContaining(story.tags!.places!.map((tag) => tag.name)));
        expect(found!.topics).toContain("syria");
      }
      // Beyond the reported ones, the story in flight when the process died is whole or absent.
      expect(stored.size).toBeGreaterThanOrEqual(committed.length);
      const halfWritten = [...stored.values()].filter((story) => story.people.length < 2 || story.places.length === 0 || story.topics.length === 0 || story.authors.length === 0);
      expect(halfWritten).toEqual([]);
      expect(await orphans(dataSource)).toEqual({ mentions: 0, topics: 0, authors: 0, mentionedEntities: 0 });
    } finally {
      await dataSource.destroy();
    }

    // Re-running the whole batch completes it; the stories already there are recognised, not duplicated.
    expect(await ingest(database.url, path.join(dir, "batch"))).toBe(0);
    const reopened = await openDataSource(database.config);
    try {
      const [{ stories, identities }] = await reopened.query(
        `SELECT count(*) AS stories, count(DISTINCT "identityKey") AS identities FROM article WHERE url LIKE 'https://example.com/crash/%'`,
      );
      expect({ stories: Number(stories), identities: Number(identities) }).toEqual({ stories: STORIES, identities: STORIES });
      const stored = await storedStories(reopened);
      expect([...stored.values()].filter((story) => story.people.length < 2 || story.topics.length === 0)).toEqual([]);
      expect(await orphans(reopened)).toEqual({ mentions: 0, topics: 0, authors: 0, mentionedEntities: 0 });
    } finally {
      await reopened.destroy();
    }
  }, 180_000);
});
