import "reflect-metadata";
import { fork, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import { Kind, parse, print, visit, type FieldNode } from "graphql";
import { ARTICLE_PAGE_QUERY } from "../article-page-query";
import { parseDatabaseUrl, type DatabaseConfig } from "../config";
import { corporaDir } from "../corpora-dir";
import { openDataSource } from "../datasource";
import { projectRoot } from "../project-root";
import { encodeGlobalId } from "../services/global-id";
import { runSql } from "../services/sql";
import { CorpusStore } from "../services/synthetic/corpus-store";
import { syntheticVocabulary, VOCABULARY_SIZE } from "../services/synthetic/synthetic-corpus";
import { syntheticDatabase } from "../services/synthetic/synthetic-database";
import type { BenchServerReply, BenchServerRequest, RecordedResult } from "./bench-server";

/**
 * `npm run bench`: throughput, latency, SQL statements per request and server memory for the
 * pages clients render, on a synthetic corpus (and on the real corpora when present), each beside
 * a ceiling measured in the same run (the same server code with every statement answered from
 * memory), an answer-only server (the stored answer, so no service code runs) and the same server
 * with Apollo's response cache on, loaded with hashed GETs as a CDN would forward them. Options: `--size N` (stories, default
 * 10,000), `--seed N`, `--duration S` (seconds of load per query, default 5), `--connections N`
 * (default 10), `--no-corpora`, `--database postgres://user:password@host:port/db` (the corpora go
 * into schemas of that database instead of SQLite files under `var/bench/`). Prints markdown
 * tables; writes JSON to `var/bench/results-<size>.json` (`results-<size>-postgres.json`).
 */

/** One HTTP request, as fetch and autocannon both send it. */
interface HttpRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** One page the benchmark loads the server with. */
interface BenchQuery {
  name: string;
  /** What the table says the query is. */
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The figures of one query against one server. */
interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

/** Everything measured for one query on one corpus. */
interface QueryResult {
  name: string;
  label: string;
  statementsPerRequest: number;
  database: LoadFigures;
  /** One client at half the maximum throughput, requests evenly spaced: latency without queueing behind a burst. */
  databaseAtHalfRate: LoadFigures;
  /** The same server code with every statement answered from memory by the rows the database gave. */
  ceiling: LoadFigures;
  /** Statements a request to the ceiling still sent to the database: 0 when memory answered all. */
  ceilingStatementsPerRequest: number;
  /** The stored answer resolved field by field: HTTP and GraphQL execution only. */
  answerOnly: LoadFigures;
  /** The same server with the response cache on, loaded with the query's hashed GET. */
  cached: LoadFigures;
  /** Statements of a hashed GET answered by the response cache: 0 when it served the answer. */
  cachedStatementsPerRequest: number;
  /** True when the ceiling's, the answer-only server's and the cached server's answers were the database's, to the byte. */
  sameAnswer: boolean;
  ratio: number;
  /** Cached throughput over the ceiling's: above 1 where skipping execution beats executing from memory. */
  cachedRatio: number;
}

/** Everything measured on one corpus. */
interface CorpusResult {
  corpus: string;
  /** What the corpus was stored in ("SQLite", "PostgreSQL 15.18"). */
  database: string;
  stories: number;
  preparation: string;
  startupMs: number;
  peakRssMb: { database: number; ceiling: number; answerOnly: number; cached: number };
  queries: QueryResult[];
}

interface Options {
  size: number;
  seed: number;
  durationS: number;
  connections: number;
  corpora: boolean;
  /** A PostgreSQL server URL to keep the corpora in; null for SQLite files under `var/bench/`. */
  database: string | null;
}

const BENCH_DIR = path.join(projectRoot(), "var", "bench");
const SERVER_SCRIPT = path.join(__dirname, "bench-server.js");

/**
 * The flags `npm start` gives node (package.json's `start` script), so the bench's servers run as
 * a deployed one does. Among them is the heap limit, which also sets how soon V8 collects garbage:
 * under V8's default (a quarter of the machine's memory) the server's resident size grows to
 * several times what it holds live.
 */
function startScriptNodeFlags(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot(), "package.json"), "utf8")) as { scripts: { start: string } };
  const words = manifest.scripts.start.trim().split(/\s+/);
  return words.slice(words.indexOf("node") + 1).filter((word) => word.startsWith("--"));
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const store = new CorpusStore(options.database ? { kind: "postgres", url: options.database } : { kind: "sqlite", dir: BENCH_DIR });
  const storedIn = await store.describe();
  const results: CorpusResult[] = [];

  log(`synthetic corpus: ${options.size} stories, seed ${options.seed}, in ${storedIn}`);
  const synthetic = await syntheticDatabase({ size: options.size, seed: options.seed }, store, (stored) => log(`  stored ${stored}`));
  const preparation = `${synthetic.cached ? "cached; made in an earlier run: " : ""}generation ${(synthetic.generateMs / 1000).toFixed(1)} s, loading ${(synthetic.loadMs / 1000).toFixed(1)} s (${Math.round(synthetic.stories / (synthetic.loadMs / 1000))} stories/s)`;
  log(`  ${preparation}`);
  const vocabulary = syntheticVocabulary(options.seed);
  // Rank 20 of a Zipf vocabulary is in about 80% of stories of this length; the last third of it in a few dozen per 10,000.
  const syntheticTerms = { rare: vocabulary[Math.floor(VOCABULARY_SIZE / 3)], common: vocabulary[20] };
  results.push(await benchCorpus({ corpus: `synthetic ${options.size}`, database: synthetic.database.config, storedIn, preparation }, options, syntheticTerms));

  if (options.corpora) {
    const corpora = await corporaDatabase(store);
    if (corpora) results.push(await benchCorpus({ corpus: "real corpora", database: corpora.database, storedIn, preparation: corpora.preparation }, options, { rare: "measles", common: "the" }));
    else log(`no corpora at ${corporaDir()}: skipped`);
  }

  const output = path.join(BENCH_DIR, `results-${options.size}${options.database ? "-postgres" : ""}.json`);
  // The server URL may carry a password: the JSON names only what the corpora were stored in.
  fs.writeFileSync(output, `${JSON.stringify({ measuredAt: new Date().toISOString(), options: { ...options, database: storedIn }, results }, null, 2)}\n`);
  process.stdout.write(`\n${results.map(table).join("\n")}\nJSON: ${path.relative(process.cwd(), output)}\n`);
}

/** The ingest command's record of the real corpora, kept with them in the store. */
interface IngestRecord {
  ingestMs: number;
}

/** The real corpora, ingested once by the ingest command into the store (`corpora.sqlite`, or the schema `bench_corpora`). */
async function corporaDatabase(store: CorpusStore): Promise<{ database: DatabaseConfig; preparation: string } | null> {
  const dir = corporaDir();
  if (!fs.existsSync(dir)) return null;
  const ingested = (record: IngestRecord) => `ingested with extraction in ${(record.ingestMs / 1000).toFixed(0)} s`;
  const made = await store.find<IngestRecord>("corpora");
  if (made) return { database: made.database.config, preparation: `cached; ${ingested(made.record)} in an earlier run` };
  const target = await store.begin("corpora");
  log(`ingesting ${dir} (about a minute)`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(__dirname, "ingest.js"), dir], { env: { ...process.env, DATABASE_URL: target.url }, stdio: ["ignore", "ignore", "inherit"] });
  // Exit 1 means some records failed (the corpora hold a few malformed ones); the rest are stored.
  if (run.status !== 0 && run.status !== 1) throw new Error(`ingesting the corpora failed with exit code ${run.status}`);
  const record: IngestRecord = { ingestMs: performance.now() - started };
  return { database: (await store.complete("corpora", record)).config, preparation: ingested(record) };
}

/** The benchmark's queries on one database, their parameters chosen from its data. */
async function queriesFor(database: DatabaseConfig, terms: { rare: string; common: string }): Promise<BenchQuery[]> {
  const dataSource = await openDataSource(database);
  try {
    const people: Array<{ id: number; name: string }> = await dataSource.query(
      `SELECT e.id, e.name FROM article_mention m JOIN entity e ON e.id = m."entityId" WHERE e.type = 'PERSON' GROUP BY e.id ORDER BY COUNT(*) DESC, e.id LIMIT 3`,
    );
    const [story] = await runSql<{ slug: string }>(
      dataSource.manager,
      `SELECT a.slug FROM article a JOIN article_mention m ON m."articleId" = a.id
       WHERE m."entityId" = :person
       ORDER BY EXISTS (SELECT 1 FROM article_photo p WHERE p."articleId" = a.id) DESC, m.salience DESC, a.id DESC LIMIT 1`,
      { person: people[0].id },
    );
    const [topic]: Array<{ id: number; slug: string }> = await dataSource.query(
      `SELECT t.id, t.slug FROM article_topic x JOIN entity t ON t.id = x."topicId" GROUP BY t.id ORDER BY COUNT(*) DESC, t.id LIMIT 1`,
    );
    const [{ newest }]: Array<{ newest: string }> = await dataSource.query(`SELECT max("publishedAt") AS newest FROM article`);
    const to = new Date(newest);
    const from = new Date(Date.UTC(to.getUTCFullYear() - 2, to.getUTCMonth(), 1));
    const day = (date: Date) => date.toISOString().slice(0, 10);
    // The term is written into the operation rather than passed as a variable: the answer-only server finds
    // its answer by the operation's text, which must differ between the two searches.
    const search = (term: string) =>
      `query Search { search(query: ${JSON.stringify(term)}, first: 20) { totalCount edges { score snippet headlineHighlight node { headline publishedAt } } } }`;
    return [
      {
        name: "article",
        label: "article page (acceptance query)",
        query: ARTICLE_PAGE_QUERY,
        variables: { slug: story.slug },
      },
      {
        name: "topic",
        label: "topic page (20 stories)",
        query: `query TopicPage($slug: String!) { topic(slug: $slug) { name description
  articles(first: 20) { totalCount edges { node { headline summary publishedAt authors { name } photos { caption credit } people { name } } } } } }`,
        variables: { slug: topic.slug },
      },
      {
        name: "person",
        label: "person page",
        query: `query PersonPage($name: String!) { person(name: $name) { name aliases description
  articles(first: 20) { totalCount edges { node { headline publishedAt topics { name } } } }
  coMentions(first: 10) { count entity { name } } } }`,
        variables: { name: people[0].name },
      },
      { name: "search-rare", label: `search "${terms.rare}"`, query: search(terms.rare), variables: {} },
      { name: "search-common", label: `search "${terms.common}"`, query: search(terms.common), variables: {} },
      {
        name: "dashboard",
        label: "dashboard (timeline + facets)",
        query: `query Dashboard($entities: [ID!], $from: Date!, $to: Date!, $topic: ID!) {
  coverageTimeline(entities: $entities, interval: MONTH, from: $from, to: $to) { entity { name } buckets { start count } }
  facets(filter: { topics: { anyOf: [$topic] } }, first: 5) { totalCount people { entity { name } count } places { entity { name } count } publishers { entity { name } count } } }`,
        variables: { entities: people.map((person) => encodeGlobalId("Person", person.id)), from: day(from), to: day(to), topic: encodeGlobalId("Topic", topic.id) },
      },
    ];
  } finally {
    await dataSource.destroy();
  }
}

/** A corpus to benchmark: its name, where it is stored, and what preparing it cost. */
interface BenchCorpus {
  corpus: string;
  database: DatabaseConfig;
  /** What the corpus is stored in ("SQLite", "PostgreSQL 15.18"), for the report. */
  storedIn: string;
  preparation: string;
}

/**
 * Loads the database server, the ceiling, the answer-only server and the cached server with every
 * query, one right after the other per query, so a change in what else the machine runs moves all
 * four figures alike.
 */
async function benchCorpus({ corpus, database: config, storedIn, preparation }: BenchCorpus, options: Options, terms: { rare: string; common: string }): Promise<CorpusResult> {
  const queries = await queriesFor(config, terms);
  const stories = await storyCount(config);
  log(`${corpus}: ${stories} stories in ${storedIn}`);

  const spawned = performance.now();
  const database = await BenchServer.start({ type: "start", mode: "database", database: config, responseCache: false });
  let ceiling: BenchServer | null = null;
  let answerOnly: BenchServer | null = null;
  let cached: BenchServer | null = null;
  const results: QueryResult[] = [];
  try {
    await database.answer(post(database.url, queries[0]));
    const startupMs = performance.now() - spawned;
    // Statements are counted on an idle server, before any load: autocannon stops with requests
    // still in flight, whose statements would land in the next count.
    const single: Array<{ answer: string; statements: number; typed: Record<string, unknown> }> = [];
    const recorded: RecordedResult[] = [];
    for (const query of queries) {
      const before = await database.statements();
      await database.record();
      const answer = await database.answer(post(database.url, query));
      recorded.push(...(await database.recorded()));
      const statements = (await database.statements()) - before;
      const typed = JSON.parse(await database.answer(post(database.url, { ...query, query: withTypenames(query.query) }))) as { data: Record<string, unknown> };
      single.push({ answer, statements, typed: typed.data });
    }
    ceiling = await BenchServer.start({ type: "start", mode: "ceiling", database: config, results: recorded });
    answerOnly = await BenchServer.start({ type: "start", mode: "answer", answers: queries.map((query, index) => ({ query: query.query, data: single[index].typed })) });
    cached = await BenchServer.start({ type: "start", mode: "database", database: config, responseCache: true });
    for (const [index, query] of queries.entries()) {
      const { answer, statements } = single[index];
      const beforeCeiling = await ceiling.statements();
      const ceilingAnswer = JSON.parse(await ceiling.answer(post(ceiling.url, query))) as unknown;
      const ceilingStatements = (await ceiling.statements()) - beforeCeiling;
      const answerOnlyAnswer = JSON.parse(await answerOnly.answer(post(answerOnly.url, query))) as unknown;
      // A client registers the query's text once (APQ), then sends only its hash by GET: the
      // first answer is computed and kept, and every later one, until its max-age, comes from memory.
      await cached.answer(post(cached.url, query, { persistedQuery: { version: 1, sha256Hash: sha256(query.query) } }));
      const hashedGet = hashedGetOf(cached.url, query);
      const cachedAnswer = (JSON.parse(await cached.answer(hashedGet)) as { data: unknown }).data;
      const beforeCached = await cached.statements();
      await cached.answer(hashedGet);
      const cachedStatements = (await cached.statements()) - beforeCached;

      const databaseData = (JSON.parse(answer) as { data: unknown }).data;
      const sameAnswer = [ceilingAnswer, answerOnlyAnswer].every((other) => isDeepStrictEqual(other, JSON.parse(answer))) && isDeepStrictEqual(cachedAnswer, databaseData);
      if (!sameAnswer) {
        const file = path.join(BENCH_DIR, `answers-differ-${corpus.replace(/\W+/g, "-")}-${query.name}.json`);
        fs.writeFileSync(file, JSON.stringify({ database: JSON.parse(answer), ceiling: ceilingAnswer, answerOnly: answerOnlyAnswer, cached: cachedAnswer }, null, 2));
        log(`  another server's answer to ${query.name} differs from the database's: all four in ${path.relative(process.cwd(), file)}`);
      }
      const request = post(database.url, query);
      const load = await database.load(request, options);
      // At half rate autocannon's connections fire together, so ten of them would arrive as bursts of
      // ten and measure queueing behind the burst; one connection spaces the requests evenly.
      const half = await database.load(request, { ...options, connections: 1 }, Math.max(1, Math.round(load.requestsPerSecond / 2)));
      const top = await ceiling.load(post(ceiling.url, query), options);
      // The ceiling hands out the same recorded rows to every request: its answer after the load
      // shows that no request changed them for the next.
      const ceilingAnswerAfterLoad = JSON.parse(await ceiling.answer(post(ceiling.url, query))) as unknown;
      if (!isDeepStrictEqual(ceilingAnswerAfterLoad, ceilingAnswer)) log(`  the ceiling's answer to ${query.name} changed under load`);
      const executionOnly = await answerOnly.load(post(answerOnly.url, query), options);
      const fromCache = await cached.load(hashedGet, options);
      log(
        `  ${query.name}: ${statements} statements; database ${load.requestsPerSecond.toFixed(0)} req/s, p99 ${load.p99Ms} ms; ` +
          `ceiling ${top.requestsPerSecond.toFixed(0)} req/s, p99 ${top.p99Ms} ms (${ceilingStatements} statements); answer only ${executionOnly.requestsPerSecond.toFixed(0)} req/s; ` +
          `cached ${fromCache.requestsPerSecond.toFixed(0)} req/s, p99 ${fromCache.p99Ms} ms (${cachedStatements} statements)`,
      );
      const matches = (databaseData as { search?: { totalCount: number } }).search?.totalCount;
      const label = matches === undefined ? query.label : `${query.label} (${matches.toLocaleString("en")} matches, ${((100 * matches) / stories).toFixed(1)}% of stories)`;
      results.push({
        name: query.name,
        label,
        statementsPerRequest: statements,
        database: load,
        databaseAtHalfRate: half,
        ceiling: top,
        ceilingStatementsPerRequest: ceilingStatements,
        answerOnly: executionOnly,
        cached: fromCache,
        cachedStatementsPerRequest: cachedStatements,
        sameAnswer: sameAnswer && isDeepStrictEqual(ceilingAnswerAfterLoad, ceilingAnswer),
        ratio: load.requestsPerSecond / top.requestsPerSecond,
        cachedRatio: fromCache.requestsPerSecond / top.requestsPerSecond,
      });
    }
    const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
    const peakRssMb = {
      database: megabytes(await database.stop()),
      ceiling: megabytes(await ceiling.stop()),
      answerOnly: megabytes(await answerOnly.stop()),
      cached: megabytes(await cached.stop()),
    };
    return { corpus, database: storedIn, stories, preparation, startupMs, peakRssMb, queries: results };
  } finally {
    // After a failure: stop whatever still runs (a no-op for a server already stopped).
    for (const server of [database, ceiling, answerOnly, cached]) server?.kill();
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The operation as a JSON POST, with `extensions` (APQ registers a text with its hash this way). */
function post(url: string, query: Pick<BenchQuery, "query" | "variables">, extensions?: Record<string, unknown>): HttpRequest {
  return { method: "POST", url, headers: { "content-type": "application/json" }, body: JSON.stringify({ query: query.query, variables: query.variables, extensions }) };
}

/**
 * The operation as a hashed GET, as Apollo Client sends it with `useGETForHashedQueries`: the URL
 * a CDN caches by, with the content-type that satisfies Apollo's CSRF prevention.
 */
function hashedGetOf(url: string, query: BenchQuery): HttpRequest {
  const search = new URLSearchParams({ variables: JSON.stringify(query.variables), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query.query) } }) });
  return { method: "GET", url: `${url}?${search}`, headers: { "content-type": "application/json" } };
}

/** A bench server child process and what the parent can ask of it. */
class BenchServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(request: BenchServerRequest): Promise<BenchServer> {
    // Advanced serialization carries recorded rows as they are, dates included.
    const child = fork(SERVER_SCRIPT, [], { execArgv: startScriptNodeFlags(), serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.send(request);
    const ready = await nextReply(child);
    if (ready.type !== "ready") {
      child.kill();
      throw new Error(`the bench server did not start: ${ready.type === "failed" ? ready.error : ready.type}`);
    }
    return new BenchServer(child, ready.url);
  }

  /** Sends one request and returns the body answered; a GraphQL error fails the benchmark. */
  async answer(request: HttpRequest): Promise<string> {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    const body = await response.text();
    if (!response.ok || (JSON.parse(body) as { errors?: unknown }).errors) throw new Error(`the bench query failed (${response.status}): ${body.slice(0, 500)}`);
    return body;
  }

  /** Statements the server has sent to its database so far. */
  async statements(): Promise<number> {
    return (await this.stats()).statements;
  }

  /** Starts keeping the result of every statement the server runs, for the ceiling. */
  async record(): Promise<void> {
    await this.ask({ type: "record" }, "recording");
  }

  /** The statements run since {@link record} with their results; recording stops. */
  async recorded(): Promise<RecordedResult[]> {
    return (await this.ask({ type: "recorded" }, "recorded")).results;
  }

  /** Load for the configured time after a one-second warm-up; at most `rate` requests a second when given. */
  async load(request: HttpRequest, options: Options, rate?: number): Promise<LoadFigures> {
    const settings = {
      ...request,
      connections: options.connections,
      ...(rate === undefined ? {} : { overallRate: rate }),
    };
    await autocannon({ ...settings, duration: 1 });
    const result = await autocannon({ ...settings, duration: options.durationS });
    return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, failures: result.errors + result.timeouts + result.non2xx };
  }

  /** Ends the process at once if it still runs (after a failure); a no-op once stopped. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }

  /** Stops the server and returns its peak resident memory in bytes. */
  async stop(): Promise<number> {
    const { maxRssBytes } = await this.stats();
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    await exited;
    return maxRssBytes;
  }

  private stats(): Promise<Extract<BenchServerReply, { type: "stats" }>> {
    return this.ask({ type: "stats" }, "stats");
  }

  /** Sends `request` and returns the child's reply, which must be of type `expected`. */
  private async ask<T extends BenchServerReply["type"]>(request: BenchServerRequest, expected: T): Promise<Extract<BenchServerReply, { type: T }>> {
    this.child.send(request);
    const reply = await nextReply(this.child);
    if (reply.type !== expected) throw new Error(`unexpected reply from the bench server: ${reply.type}`);
    return reply as Extract<BenchServerReply, { type: T }>;
  }
}

function nextReply(child: ChildProcess): Promise<BenchServerReply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the bench server exited with code ${code}`));
    child.once("exit", onExit);
    child.once("message", (message: BenchServerReply) => {
      child.off("exit", onExit);
      resolve(message);
    });
  });
}

/** The operation with `__typename` in every selection set, so the answer-only server can tell each object's type. */
function withTypenames(query: string): string {
  const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } };
  return print(
    visit(parse(query), {
      SelectionSet: (node, _key, parent) =>
        (parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION ? undefined : { ...node, selections: [...node.selections, typename] },
    }),
  );
}

async function storyCount(database: DatabaseConfig): Promise<number> {
  const dataSource = await openDataSource(database);
  try {
    const [{ stories }] = await dataSource.query(`SELECT COUNT(*) AS stories FROM article`);
    return Number(stories);
  } finally {
    await dataSource.destroy();
  }
}

/** One corpus's figures as a markdown table. */
function table(result: CorpusResult): string {
  const ms = (value: number) => `${value}`;
  const percent = (ratio: number) => `${(100 * ratio).toFixed(0)}%`;
  const failures = (q: QueryResult) => q.database.failures + q.ceiling.failures + q.answerOnly.failures + q.cached.failures;
  const notes = (q: QueryResult) =>
    `${q.sameAnswer ? "" : " (answers differ)"}${failures(q) > 0 ? ` (${failures(q)} failed requests)` : ""}` +
    `${q.ceilingStatementsPerRequest > 0 ? ` (ceiling: ${q.ceilingStatementsPerRequest} SQL)` : ""}${q.cachedStatementsPerRequest > 0 ? ` (cached: ${q.cachedStatementsPerRequest} SQL)` : ""}`;
  const lines = [
    `### ${result.corpus} (${result.stories.toLocaleString("en")} stories) on ${result.database}`,
    "",
    `Preparation: ${result.preparation}. Start-up to the first answer: ${Math.round(result.startupMs)} ms. ` +
      `Peak RSS: database server ${result.peakRssMb.database} MB, ceiling ${result.peakRssMb.ceiling} MB, answer-only ${result.peakRssMb.answerOnly} MB, cached ${result.peakRssMb.cached} MB.`,
    "",
    "| query | SQL/request | req/s | p50 ms | p99 ms | p99 ms at half rate | ceiling req/s | ceiling p99 ms | database / ceiling | answer-only req/s | database / answer-only | cached req/s | cached p99 ms | cached / ceiling |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...result.queries.map(
      (q) =>
        `| ${q.label} | ${q.statementsPerRequest} | ${Math.round(q.database.requestsPerSecond)} | ${ms(q.database.p50Ms)} | ${ms(q.database.p99Ms)} | ${ms(q.databaseAtHalfRate.p99Ms)} | ` +
        `${Math.round(q.ceiling.requestsPerSecond)} | ${ms(q.ceiling.p99Ms)} | ${percent(q.ratio)} | ${Math.round(q.answerOnly.requestsPerSecond)} | ` +
        `${percent(q.database.requestsPerSecond / q.answerOnly.requestsPerSecond)} | ${Math.round(q.cached.requestsPerSecond)} | ${ms(q.cached.p99Ms)} | ${percent(q.cachedRatio)}${notes(q)} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

function parseOptions(argv: string[]): Options {
  const options: Options = { size: 10_000, seed: 1, durationS: 5, connections: 10, corpora: true, database: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--no-corpora") {
      options.corpora = false;
      continue;
    }
    if (flag === "--database") {
      options.database = postgresServer(argv[++i]);
      continue;
    }
    const value = Number(argv[++i]);
    const key = ({ "--size": "size", "--seed": "seed", "--duration": "durationS", "--connections": "connections" } as const satisfies Record<string, keyof Options>)[flag as "--size" | "--seed" | "--duration" | "--connections"] as "size" | "seed" | "durationS" | "connections" | undefined;
    if (key === undefined) throw new Error(`unknown option ${flag}; use --size, --seed, --duration, --connections, --database or --no-corpora`);
    if (!Number.isInteger(value) || value < (key === "seed" ? 0 : 1)) throw new Error(`${flag} needs a positive integer, got ${argv[i]}`);
    options[key] = value;
  }
  return options;
}

/** The value of `--database`: a PostgreSQL database the bench may create schemas in; it picks their names itself. */
function postgresServer(url: string | undefined): string {
  const database = parseDatabaseUrl(url ?? "");
  if (database.kind !== "postgres") throw new Error("--database takes postgres://user:password@host:port/database; without it the corpora are SQLite files under var/bench/");
  if (database.schema !== undefined) throw new Error("--database takes no ?schema=: the bench names a schema after each corpus (bench_synthetic_<size>_seed<seed>_v<version>, bench_corpora)");
  return database.url;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
