import type { GraphQLObjectType, GraphQLSchema } from "graphql";
import { DEFAULT_LIMITS } from "../../src/limits/limits-config";
import { FIELD_BASE_COSTS } from "../../src/limits/query-cost";
import { buildGraphSchema } from "../../src/schema";
import { startServer, type RunningServer, type ServerOptions } from "../../src/server";
import { openTestDataSource } from "../support/database";
import { StatementCounter } from "../support/graph";
import { SEED_STORY } from "../support/seed-story-query";

/** What a client reads back from the server: the HTTP status, the JSON body, the headers, and how long it took. */
interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }>; extensions?: Record<string, any> };
  headers: Headers;
  milliseconds: number;
}

/** A server on loopback, port 0, with its own database (see openTestDataSource); stopped by `close`. */
async function serve(schema: GraphQLSchema, options: Partial<ServerOptions> = {}) {
  const counter = new StatementCounter();
  const database = await openTestDataSource({ logger: counter });
  // Live updates poll the database; a long interval keeps their statements out of the counts below.
  const server: RunningServer = await startServer(schema, database.dataSource, { host: "127.0.0.1", port: 0, production: false, eventPollIntervalMs: 60_000, ...options });
  const send = async (init: RequestInit & { search?: string }): Promise<Answer> => {
    const started = performance.now();
    const response = await fetch(server.url + (init.search ?? ""), init);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers, milliseconds: performance.now() - started };
  };
  return {
    server,
    counter,
    send,
    post: (body: unknown, headers: Record<string, string> = {}) => send({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }),
    close: async () => {
      await server.stop();
      await database.close();
    },
  };
}

const NORMAL_QUERY = `{ topic(slug: "syria") { name articles(first: 2) { totalCount } } }`;
const codes = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code);

describe("the OWASP GraphQL attack catalogue, over HTTP", () => {
  let schema: GraphQLSchema;
  let graph: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    schema = await buildGraphSchema();
    graph = await serve(schema);
  });
  afterAll(() => graph.close());

  /** Each attack is refused quickly, with a typed error, and the next ordinary query is answered in full. */
  async function expectRefused(answer: Answer, status: number, code: string): Promise<NonNullable<Answer["body"]["errors"]>[number]> {
    expect(answer.status).toBe(status);
    expect(codes(answer)).toContain(code);
    expect(answer.body.data ?? undefined).toBeUndefined();
    expect(answer.milliseconds).toBeLessThan(2_000);
    const after = await graph.post({ query: NORMAL_QUERY });
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual({ topic: { name: "Syria", articles: { totalCount: 2 } } });
    return answer.body.errors!.find((error) => error.extensions?.code === code)!;
  }

  it("refuses a query nested 20 deep", async () => {
    const query = `{ topic(slug: "syria") { ${"parent { ".repeat(18)}name${" }".repeat(18)} } }`;
    const error = await expectRefused(await graph.post({ query }), 400, "QUERY_TOO_COMPLEX");
    expect(error.message).toBe(`the query nests 20 fields deep; at most ${DEFAULT_LIMITS.maxDepth} are allowed`);
    expect(error.extensions).toMatchObject({ limit: "depth", maximum: DEFAULT_LIMITS.maxDepth, found: 20 });
  });

  it("refuses 101 aliases", async () => {
    const query = `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: topic(slug: "syria") { name }`).join(" ")} }`;
    const error = await expectRefused(await graph.post({ query }), 400, "QUERY_TOO_COMPLEX");
    expect(error.extensions).toMatchObject({ limit: "aliases", maximum: DEFAULT_LIMITS.maxAliases, found: 101 });
  });

  it("refuses a field duplicated 500 times", async () => {
    const query = `{ topic(slug: "syria") { ${"name ".repeat(500)}} }`;
    const error = await expectRefused(await graph.post({ query }), 400, "QUERY_TOO_COMPLEX");
    expect(error.message).toBe(`the field name is selected 500 times in one selection set; at most ${DEFAULT_LIMITS.maxFieldRepeats} are allowed`);
  });

  it("refuses a batch of 10 operations in one request", async () => {
    const batch = Array.from({ length: 10 }, () => ({ query: NORMAL_QUERY }));
    const error = await expectRefused(await graph.post(batch), 400, "BATCHING_NOT_SUPPORTED");
    expect(error.message).toBe("send one operation per request; a batch of 10 is refused");
  });

  it("refuses fragments that spread each other in a circle", async () => {
    const query = `query { topic(slug: "syria") { ...Up } }
      fragment Up on Topic { name parent { ...Down } }
      fragment Down on Topic { children { ...Up } }`;
    const error = await expectRefused(await graph.post({ query }), 400, "GRAPHQL_VALIDATION_FAILED");
    expect(error.message).toMatch(/Cannot spread fragment "Up" within itself/);
  });

  it("refuses circular introspection through fields and types", async () => {
    const query = `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`;
    const error = await expectRefused(await graph.post({ query }), 400, "GRAPHQL_VALIDATION_FAILED");
    expect(error.message).toBe("Maximum introspection depth exceeded");
  });

  it("refuses a deep chain of __type { ofType { ofType ... } }", async () => {
    const query = `{ __type(name: "Article") { ${"ofType { ".repeat(30)}name${" }".repeat(30)} } }`;
    const error = await expectRefused(await graph.post({ query }), 400, "QUERY_TOO_COMPLEX");
    expect(error.extensions).toMatchObject({ limit: "depth", found: 32 });
  });

  it("still answers the standard introspection query that Sandbox and GraphiQL send", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const answer = await graph.post({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true }) });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.__schema.queryType.name).toBe("Query");
  });

  it("refuses 10 unknown directives on one field", async () => {
    const query = `{ topic(slug: "syria") { name ${Array.from({ length: 10 }, (_, i) => `@d${i}`).join(" ")} } }`;
    const error = await expectRefused(await graph.post({ query }), 400, "QUERY_TOO_COMPLEX");
    expect(error.message).toBe(`the field name carries 10 directives; at most ${DEFAULT_LIMITS.maxDirectivesPerField} are allowed on one`);
  });

  it("refuses first: 99999999 before running anything, naming the argument", async () => {
    graph.counter.statements = [];
    const answer = await graph.post({ query: `{ topic(slug: "syria") { name } articles(first: 99999999) { totalCount } }` });
    expect(graph.counter.statements).toEqual([]);
    const error = await expectRefused(answer, 400, "BAD_USER_INPUT");
    expect(error.message).toBe("first must be an integer from 0 to 100, got 99999999");
    expect(error.extensions!.argument).toBe("first");
  });

  it("refuses a 1 MB string argument without reading it to the end", async () => {
    const answer = await graph.post({ query: `query($q: String!) { search(query: $q) { totalCount } }`, variables: { q: "syria ".repeat(175_000) } });
    const error = await expectRefused(answer, 413, "PAYLOAD_TOO_LARGE");
    expect(error.message).toBe("request body over 1000000 bytes");
  });

  it("refuses 100 × 100 inline fragments", async () => {
    const fragment = `... on Topic { ${Array.from({ length: 100 }, (_, i) => `f${i}: name`).join(" ")} }`;
    const query = `{ topic(slug: "syria") { ${Array(100).fill(fragment).join(" ")} } }`;
    const error = await expectRefused(await graph.post({ query }), 400, "GRAPHQL_PARSE_FAILED");
    // graphql-js spells it "more that".
    expect(error.message).toMatch(new RegExp(`^Syntax Error: Document contains more tha[nt] ${DEFAULT_LIMITS.maxTokens} tokens\\. Parsing aborted\\.$`));
  });

  it("refuses a mutation sent by GET", async () => {
    const search = `?query=${encodeURIComponent("mutation { __typename }")}`;
    const error = await expectRefused(await graph.send({ search, headers: { "apollo-require-preflight": "true" } }), 405, "BAD_REQUEST");
    expect(error.message).toBe("GET requests only support query operations, not mutation operations");
  });

  it("refuses a form POST without a preflight header, as a cross-site page could send it", async () => {
    const form = await graph.send({ method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `query=${encodeURIComponent(NORMAL_QUERY)}` });
    expect((await expectRefused(form, 400, "BAD_REQUEST")).message).toMatch(/Cross-Site Request Forgery/);
    const textPlain = await graph.send({ method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: NORMAL_QUERY }) });
    expect((await expectRefused(textPlain, 400, "BAD_REQUEST")).message).toMatch(/Cross-Site Request Forgery/);
  });
});

describe("query cost", () => {
  let graph: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    graph = await serve(await buildGraphSchema());
  });
  afterAll(() => graph.close());

  it("shows every answer's cost and the limit in extensions.cost", async () => {
    const answer = await graph.post({ query: `{ articles(first: 20) { edges { node { headline people { name } } } } }` });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    // articles 1 + 20 × (edges 1 + node 1 + headline 1 + people 1 + name 1)
    expect(answer.body.extensions).toEqual({ cost: { requested: 101, limit: DEFAULT_LIMITS.maxCost } });
    const seedStory = await graph.post(SEED_STORY);
    expect(seedStory.body.extensions!.cost.requested).toBeLessThan(DEFAULT_LIMITS.maxCost / 10);
  });

  it("prices by the fields the schema has: every field with a base cost exists", async () => {
    const schema = await buildGraphSchema();
    for (const key of Object.keys(FIELD_BASE_COSTS)) {
      const [typeName, fieldName] = key.split(".");
      const type = schema.getType(typeName) as GraphQLObjectType | undefined;
      expect([key, type?.getFields()[fieldName] !== undefined]).toEqual([key, true]);
    }
  });

  it("counts a page size given by a variable", async () => {
    const query = `query($n: Int) { articles(first: $n) { edges { node { headline } } } }`;
    const small = await graph.post({ query, variables: { n: 10 } });
    const large = await graph.post({ query, variables: { n: 100 } });
    expect(small.body.extensions!.cost.requested).toBe(1 + 10 * 3);
    expect(large.body.extensions!.cost.requested).toBe(1 + 100 * 3);
  });

  it("refuses a query over the limit before it runs: no SQL, the cost in the error", async () => {
    const query = `{ articles(first: 100) { edges { node { headline relatedCoverage(first: 20) { article { headline people { name articles(first: 10) { totalCount } } } } } } } }`;
    graph.counter.statements = [];
    const answer = await graph.post({ query });
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    const [error] = answer.body.errors!;
    expect(error.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost", cost: { requested: error.extensions!.found, limit: DEFAULT_LIMITS.maxCost } });
    expect(error.extensions!.found).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(error.message).toBe(`the query costs ${error.extensions!.found}, over the limit of ${DEFAULT_LIMITS.maxCost}; ask for smaller pages or fewer fields`);
    expect(answer.body.extensions).toEqual({ cost: { requested: error.extensions!.found, limit: DEFAULT_LIMITS.maxCost } });
    expect(graph.counter.statements).toEqual([]);
  });
});

describe("server settings", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGraphSchema();
  });

  it("answers a CORS preflight only for the configured origins", async () => {
    const graph = await serve(schema, { corsOrigins: ["https://newsroom.example"] });
    try {
      const preflight = (origin: string) =>
        graph.send({ method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization" } });
      const allowed = await preflight("https://newsroom.example");
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://newsroom.example");
      expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
      expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization");
      const other = await preflight("https://elsewhere.example");
      expect(other.status).toBe(403);
      expect(codes(other)).toEqual(["ORIGIN_NOT_ALLOWED"]);
      expect(other.headers.get("access-control-allow-origin")).toBeNull();

      const read = await graph.post({ query: NORMAL_QUERY }, { origin: "https://newsroom.example" });
      expect(read.headers.get("access-control-allow-origin")).toBe("https://newsroom.example");
      const foreign = await graph.post({ query: NORMAL_QUERY }, { origin: "https://elsewhere.example" });
      expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await graph.close();
    }
  });

  it("allows no cross-origin page by default", async () => {
    const graph = await serve(schema);
    try {
      const preflight = await graph.send({ method: "OPTIONS", headers: { origin: "https://newsroom.example", "access-control-request-method": "POST" } });
      expect(preflight.status).toBe(403);
      const read = await graph.post({ query: NORMAL_QUERY }, { origin: "https://newsroom.example" });
      expect(read.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await graph.close();
    }
  });

  it("with introspection off refuses __schema and drops field suggestions; in production sends no stack trace", async () => {
    const graph = await serve(schema, { introspection: false, production: true });
    try {
      const introspection = await graph.post({ query: `{ __schema { types { name } } }` });
      expect(introspection.status).toBe(400);
      expect(codes(introspection)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      const typo = await graph.post({ query: `{ topic(slug: "syria") { nam } }` });
      expect(typo.body.errors![0].message).toBe(`Cannot query field "nam" on type "Topic".`);
      for (const answer of [introspection, typo]) expect(answer.body.errors![0].extensions!.stacktrace).toBeUndefined();
      expect((await graph.post({ query: NORMAL_QUERY })).body.data).toEqual({ topic: { name: "Syria", articles: { totalCount: 2 } } });
    } finally {
      await graph.close();
    }
  });

  it("suggests field names while introspection is on", async () => {
    const graph = await serve(schema);
    try {
      const typo = await graph.post({ query: `{ topic(slug: "syria") { nam } }` });
      expect(typo.body.errors![0].message).toBe(`Cannot query field "nam" on type "Topic". Did you mean "name"?`);
    } finally {
      await graph.close();
    }
  });

  it("stops a request that runs past the time limit with a TIMEOUT error, and keeps serving", async () => {
    const graph = await serve(schema, { limits: { ...DEFAULT_LIMITS, timeoutMs: 1 } });
    try {
      graph.counter.statements = [];
      const answer = await graph.post(SEED_STORY);
      expect(answer.status).toBe(503);
      expect(codes(answer)).toEqual(["TIMEOUT"]);
      expect(answer.body.errors![0].message).toBe("the request did not finish within 1 ms and was stopped; ask for less (a smaller first, fewer fields) and retry");
      const health = await fetch(graph.server.url.replace(/\/graphql$/, "/health"));
      expect(health.status).toBe(200);
      // The abandoned request stopped resolving: it issued fewer statements than the whole query takes.
      const stoppedAt = graph.counter.statements.length - 1; // the health check's SELECT 1
      const full = await serve(schema);
      try {
        await full.post(SEED_STORY);
        expect(stoppedAt).toBeLessThan(full.counter.statements.length);
      } finally {
        await full.close();
      }
    } finally {
      await graph.close();
    }
  });
});
