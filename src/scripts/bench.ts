import "reflect-metadata";
import { fork, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import { Kind, parse, print, visit, type FieldNode } from "graphql";
import { ARTICLE_PAGE_QUERY } from "../article-page-query";
import { corporaDir } from "../corpora-dir";
import { openDataSource } from "../datasource";
import { projectRoot } from "../project-root";
import { encodeGlobalId } from "../services/global-id";
import { syntheticVocabulary, VOCABULARY_SIZE } from "../services/synthetic/synthetic-corpus";
import { syntheticDatabase } from "../services/synthetic/synthetic-database";
import type { BenchServerReply, BenchServerRequest } from "./bench-server";

/**
 * `npm run bench`: throughput, latency, SQL statements per request and server memory for the
 * pages clients render, on a synthetic corpus (and on the real corpora when present), each beside
 * a ceiling measured in the same run. Options: `--size N` (stories, default 10,000), `--seed N`,
 * `--duration S` (seconds of load per query, default 5), `--connections N` (default 10),
 * `--no-corpora`. Prints markdown tables; writes JSON to `var/bench/results-<size>.json`.
 */

/** One page the benchmark loads the server with. */
interface BenchQuery {
  name: string;
  /** What the table says the query is. */
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** Also measured at half the maximum throughput (the latency target of the article and topic pages). */
  atHalfRate: boolean;
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
  databaseAtHalfRate: LoadFigures | null;
  ceiling: LoadFigures;
  /** True when the ceiling's answer was the database's, to the byte. */
  sameAnswer: boolean;
  ratio: number;
}

/** Everything measured on one corpus. */
interface CorpusResult {
  corpus: string;
  stories: number;
  preparation: string;
  startupMs: number;
  peakRssMb: { database: number; ceiling: number };
  queries: QueryResult[];
}

interface Options {
  size: number;
  seed: number;
  durationS: number;
  connections: number;
  corpora: boolean;
}

const BENCH_DIR = path.join(projectRoot(), "var", "bench");
const SERVER_SCRIPT = path.join(__dirname, "bench-server.js");

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const results: CorpusResult[] = [];

  log(`synthetic corpus: ${options.size} stories, seed ${options.seed}`);
  const synthetic = await syntheticDatabase({ size: options.size, seed: options.seed }, BENCH_DIR, (stored) => log(`  stored ${stored}`));
  const preparation = `${synthetic.cached ? "cached; made in an earlier run: " : ""}generation ${(synthetic.generateMs / 1000).toFixed(1)} s, loading ${(synthetic.loadMs / 1000).toFixed(1)} s (${Math.round(synthetic.stories / (synthetic.loadMs / 1000))} stories/s)`;
  log(`  ${preparation}`);
  const vocabulary = syntheticVocabulary(options.seed);
  // Rank 20 of a Zipf vocabulary is in about 80% of stories of this length; the last third of it in a few dozen per 10,000.
  results.push(await benchCorpus(`synthetic ${options.size}`, synthetic.file, preparation, options, { rare: vocabulary[Math.floor(VOCABULARY_SIZE / 3)], common: vocabulary[20] }));

  if (options.corpora) {
    const corpora = corporaDatabase();
    if (corpora) results.push(await benchCorpus("real corpora", corpora.file, corpora.preparation, options, { rare: "measles", common: "the" }));
    else log(`no corpora at ${corporaDir()}: skipped`);
  }

  const output = path.join(BENCH_DIR, `results-${options.size}.json`);
  fs.writeFileSync(output, `${JSON.stringify({ measuredAt: new Date().toISOString(), options, results }, null, 2)}\n`);
  process.stdout.write(`\n${results.map(table).join("\n")}\nJSON: ${path.relative(process.cwd(), output)}\n`);
}

/** The real corpora ingested once by the ingest command into `var/bench/corpora.sqlite`. */
function corporaDatabase(): { file: string; preparation: string } | null {
  const dir = corporaDir();
  if (!fs.existsSync(dir)) return null;
  const file = path.join(BENCH_DIR, "corpora.sqlite");
  if (fs.existsSync(file)) return { file, preparation: "cached: ingested in an earlier run" };
  const partial = `${file}.partial`;
  for (const stale of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(stale, { force: true });
  log(`ingesting ${dir} (about a minute)`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(__dirname, "ingest.js"), dir], { env: { ...process.env, DATABASE_URL: `sqlite:${partial}` }, stdio: ["ignore", "ignore", "inherit"] });
  // Exit 1 means some records failed (the corpora hold a few malformed ones); the rest are stored.
  if (run.status !== 0 && run.status !== 1) throw new Error(`ingesting the corpora failed with exit code ${run.status}`);
  fs.renameSync(partial, file);
  return { file, preparation: `ingested with extraction in ${((performance.now() - started) / 1000).toFixed(0)} s` };
}

/** The benchmark's queries on one database, their parameters chosen from its data. */
async function queriesFor(file: string, terms: { rare: string; common: string }): Promise<BenchQuery[]> {
  const dataSource = await openDataSource({ kind: "sqlite", file });
  try {
    const people: Array<{ id: number; name: string }> = await dataSource.query(
      `SELECT e.id, e.name FROM article_mention m JOIN entity e ON e.id = m."entityId" WHERE e.type = 'PERSON' GROUP BY e.id ORDER BY COUNT(*) DESC, e.id LIMIT 3`,
    );
    const [story]: Array<{ slug: string }> = await dataSource.query(
      `SELECT a.slug FROM article a JOIN article_mention m ON m."articleId" = a.id
       WHERE m."entityId" = ?
       ORDER BY EXISTS (SELECT 1 FROM article_photo p WHERE p."articleId" = a.id) DESC, m.salience DESC, a.id DESC LIMIT 1`,
      [people[0].id],
    );
    const [topic]: Array<{ id: number; slug: string }> = await dataSource.query(
      `SELECT t.id, t.slug FROM article_topic x JOIN entity t ON t.id = x."topicId" GROUP BY t.id ORDER BY COUNT(*) DESC, t.id LIMIT 1`,
    );
    const [{ newest }]: Array<{ newest: string }> = await dataSource.query(`SELECT max("publishedAt") AS newest FROM article`);
    const to = new Date(newest);
    const from = new Date(Date.UTC(to.getUTCFullYear() - 2, to.getUTCMonth(), 1));
    const day = (date: Date) => date.toISOString().slice(0, 10);
    // The term is written into the operation rather than passed as a variable: the ceiling finds
    // its answer by the operation's text, which must differ between the two searches.
    const search = (term: string) =>
      `query Search { search(query: ${JSON.stringify(term)}, first: 20) { totalCount edges { score snippet headlineHighlight node { headline publishedAt } } } }`;
    return [
      {
        name: "article",
        label: "article page (acceptance query)",
        query: ARTICLE_PAGE_QUERY,
        variables: { slug: story.slug },
        atHalfRate: true,
      },
      {
        name: "topic",
        label: "topic page (20 stories)",
        query: `query TopicPage($slug: String!) { topic(slug: $slug) { name description
  articles(first: 20) { totalCount edges { node { headline summary publishedAt authors { name } photos { caption credit } people { name } } } } } }`,
        variables: { slug: topic.slug },
        atHalfRate: true,
      },
      {
        name: "person",
        label: "person page",
        query: `query PersonPage($name: String!) { person(name: $name) { name aliases description
  articles(first: 20) { totalCount edges { node { headline publishedAt topics { name } } } }
  coMentions(first: 10) { count entity { name } } } }`,
        variables: { name: people[0].name },
        atHalfRate: false,
      },
      { name: "search-rare", label: `search "${terms.rare}"`, query: search(terms.rare), variables: {}, atHalfRate: false },
      { name: "search-common", label: `search "${terms.common}"`, query: search(terms.common), variables: {}, atHalfRate: false },
      {
        name: "dashboard",
        label: "dashboard (timeline + facets)",
        query: `query Dashboard($entities: [ID!], $from: Date!, $to: Date!, $topic: ID!) {
  coverageTimeline(entities: $entities, interval: MONTH, from: $from, to: $to) { entity { name } buckets { start count } }
  facets(filter: { topics: { anyOf: [$topic] } }, first: 5) { totalCount people { entity { name } count } places { entity { name } count } publishers { entity { name } count } } }`,
        variables: { entities: people.map((person) => encodeGlobalId("Person", person.id)), from: day(from), to: day(to), topic: encodeGlobalId("Topic", topic.id) },
        atHalfRate: false,
      },
    ];
  } finally {
    await dataSource.destroy();
  }
}

/** Loads the database server, then the ceiling, with every query, and compares them. */
async function benchCorpus(corpus: string, file: string, preparation: string, options: Options, terms: { rare: string; common: string }): Promise<CorpusResult> {
  const queries = await queriesFor(file, terms);
  const stories = await sqliteCount(file);
  log(`${corpus}: ${stories} stories`);

  const spawned = performance.now();
  const database = await BenchServer.start({ type: "start", mode: "database", database: file });
  let ceiling: BenchServer | null = null;
  const results: QueryResult[] = [];
  const rss = { database: 0, ceiling: 0 };
  try {
    await database.post(queries[0]);
    const startupMs = performance.now() - spawned;
    // Statements are counted on an idle server, before any load: autocannon stops with requests
    // still in flight, whose statements would land in the next count.
    const single: Array<{ answer: string; statements: number; typed: Record<string, unknown> }> = [];
    for (const query of queries) {
      const before = await database.statements();
      const answer = await database.post(query);
      const statements = (await database.statements()) - before;
      const typed = JSON.parse(await database.post({ ...query, query: withTypenames(query.query) })) as { data: Record<string, unknown> };
      single.push({ answer, statements, typed: typed.data });
    }
    ceiling = await BenchServer.start({ type: "start", mode: "ceiling", answers: queries.map((query, index) => ({ query: query.query, data: single[index].typed })) });
    // Each query loads the database server and then the ceiling, one right after the other, so a
    // change in what else the machine runs moves both figures of a ratio alike.
    for (const [index, query] of queries.entries()) {
      const { answer, statements } = single[index];
      const ceilingAnswer = JSON.parse(await ceiling.post(query)) as unknown;
      const sameAnswer = isDeepStrictEqual(ceilingAnswer, JSON.parse(answer));
      if (!sameAnswer) {
        const file = path.join(BENCH_DIR, `answers-differ-${corpus.replace(/\W+/g, "-")}-${query.name}.json`);
        fs.writeFileSync(file, JSON.stringify({ database: JSON.parse(answer), ceiling: ceilingAnswer }, null, 2));
        log(`  the ceiling's answer to ${query.name} differs from the database's: both in ${path.relative(process.cwd(), file)}`);
      }
      const load = await database.load(query, options);
      const half = query.atHalfRate ? await database.load(query, options, Math.max(1, Math.round(load.requestsPerSecond / 2))) : null;
      const top = await ceiling.load(query, options);
      log(`  ${query.name}: ${statements} statements; database ${load.requestsPerSecond.toFixed(0)} req/s, p99 ${load.p99Ms} ms; ceiling ${top.requestsPerSecond.toFixed(0)} req/s, p99 ${top.p99Ms} ms`);
      const matches = (JSON.parse(answer) as { data: { search?: { totalCount: number } } }).data.search?.totalCount;
      const label = matches === undefined ? query.label : `${query.label} (${matches.toLocaleString("en")} matches, ${((100 * matches) / stories).toFixed(1)}% of stories)`;
      results.push({ name: query.name, label, statementsPerRequest: statements, database: load, databaseAtHalfRate: half, ceiling: top, sameAnswer, ratio: load.requestsPerSecond / top.requestsPerSecond });
    }
    rss.ceiling = await ceiling.stop();
    ceiling = null;
    rss.database = await database.stop();
    const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
    return { corpus, stories, preparation, startupMs, peakRssMb: { database: megabytes(rss.database), ceiling: megabytes(rss.ceiling) }, queries: results };
  } finally {
    // After a failure: stop whatever still runs (stop() of a server already stopped is not called).
    if (ceiling) ceiling.kill();
    database.kill();
  }
}

/** A bench server child process and what the parent can ask of it. */
class BenchServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(request: BenchServerRequest): Promise<BenchServer> {
    const child = fork(SERVER_SCRIPT, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.send(request);
    const ready = await nextReply(child);
    if (ready.type !== "ready") {
      child.kill();
      throw new Error(`the bench server did not start: ${ready.type === "failed" ? ready.error : ready.type}`);
    }
    return new BenchServer(child, ready.url);
  }

  /** Sends one operation and returns the body answered; a GraphQL error fails the benchmark. */
  async post(query: Pick<BenchQuery, "query" | "variables">): Promise<string> {
    const response = await fetch(this.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: query.query, variables: query.variables }) });
    const body = await response.text();
    if (!response.ok || (JSON.parse(body) as { errors?: unknown }).errors) throw new Error(`the bench query failed (${response.status}): ${body.slice(0, 500)}`);
    return body;
  }

  /** Statements the server has sent to its database so far. */
  async statements(): Promise<number> {
    return (await this.stats()).statements;
  }

  /** Load for the configured time after a one-second warm-up; at most `rate` requests a second when given. */
  async load(query: BenchQuery, options: Options, rate?: number): Promise<LoadFigures> {
    const settings = {
      url: this.url,
      method: "POST" as const,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: query.query, variables: query.variables }),
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

  private async stats(): Promise<Extract<BenchServerReply, { type: "stats" }>> {
    this.child.send({ type: "stats" } satisfies BenchServerRequest);
    const reply = await nextReply(this.child);
    if (reply.type !== "stats") throw new Error(`unexpected reply from the bench server: ${reply.type}`);
    return reply;
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

/** The operation with `__typename` in every selection set, so the ceiling can tell each object's type. */
function withTypenames(query: string): string {
  const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } };
  return print(
    visit(parse(query), {
      SelectionSet: (node, _key, parent) =>
        (parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION ? undefined : { ...node, selections: [...node.selections, typename] },
    }),
  );
}

async function sqliteCount(file: string): Promise<number> {
  const dataSource = await openDataSource({ kind: "sqlite", file });
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
  const lines = [
    `### ${result.corpus} (${result.stories.toLocaleString("en")} stories)`,
    "",
    `Preparation: ${result.preparation}. Start-up to the first answer: ${Math.round(result.startupMs)} ms. Peak RSS: database server ${result.peakRssMb.database} MB, ceiling server ${result.peakRssMb.ceiling} MB.`,
    "",
    "| query | SQL/request | req/s | p50 ms | p99 ms | p99 ms at half rate | ceiling req/s | ceiling p99 ms | database / ceiling |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...result.queries.map(
      (q) =>
        `| ${q.label} | ${q.statementsPerRequest} | ${Math.round(q.database.requestsPerSecond)} | ${ms(q.database.p50Ms)} | ${ms(q.database.p99Ms)} | ${q.databaseAtHalfRate ? ms(q.databaseAtHalfRate.p99Ms) : ""} | ${Math.round(q.ceiling.requestsPerSecond)} | ${ms(q.ceiling.p99Ms)} | ${(100 * q.ratio).toFixed(0)}%${q.sameAnswer ? "" : " (answers differ)"}${q.database.failures + q.ceiling.failures > 0 ? ` (${q.database.failures + q.ceiling.failures} failed requests)` : ""} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

function parseOptions(argv: string[]): Options {
  const options: Options = { size: 10_000, seed: 1, durationS: 5, connections: 10, corpora: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--no-corpora") {
      options.corpora = false;
      continue;
    }
    const value = Number(argv[++i]);
    const key = ({ "--size": "size", "--seed": "seed", "--duration": "durationS", "--connections": "connections" } as const satisfies Record<string, keyof Options>)[flag as "--size" | "--seed" | "--duration" | "--connections"] as "size" | "seed" | "durationS" | "connections" | undefined;
    if (key === undefined) throw new Error(`unknown option ${flag}; use --size, --seed, --duration, --connections or --no-corpora`);
    if (!Number.isInteger(value) || value < (key === "seed" ? 0 : 1)) throw new Error(`${flag} needs a positive integer, got ${argv[i]}`);
    options[key] = value;
  }
  return options;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
