import { createHash } from "node:crypto";
import { loadConfig } from "../src/config";
import { DEFAULT_LIMITS } from "../src/limits/limits-config";
import { buildGraphSchema } from "../src/schema";
import { startServer, type RunningServer } from "../src/server";
import { ApiKeys } from "../src/services/api-keys";
import { openTestDataSource, type TestDataSource } from "./support/database";
import { StatementCounter } from "./support/graph";

const SLUG = "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push";
const ARTICLE_PAGE = `query ArticlePage($slug: String!) { article(slug: $slug) { headline authors { name } dateline { name } photos { caption photographer { name } } people { name } topics { name } relatedCoverage(first: 3) { article { headline } } } }`;
const TOPIC_PAGE = `query TopicPage($slug: String!) { topic(slug: $slug) { name articles(first: 20) { totalCount edges { node { headline authors { name } photos { caption } people { name } } } pageInfo { hasNextPage } } } }`;
/** A cost limit low enough for a persisted query to cross it by its variables alone. */
const MAX_COST = 300;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** A GraphQL answer's body, for assertions. */
const json = async (response: Response): Promise<any> => response.json();

describe("caching by clients and CDNs", () => {
  let database: TestDataSource;
  let server: RunningServer;
  let editorKey: string;
  beforeAll(async () => {
    database = await openTestDataSource();
    editorKey = (await new ApiKeys(database.dataSource.manager).create("newsroom CMS", "editor")).key;
    server = await startServer(await buildGraphSchema(), database.dataSource, {
      host: "127.0.0.1",
      port: 0,
      production: false,
      limits: { ...DEFAULT_LIMITS, maxCost: MAX_COST },
    });
  });
  afterAll(async () => {
    await server.stop();
    await database.close();
  });

  const post = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });

  /** A hash-only GET as Apollo Client sends it with `useGETForHashedQueries` (it always sends a content-type). */
  const getPersisted = (hash: string, variables: Record<string, unknown>, headers: Record<string, string> = { "content-type": "application/json" }) => {
    const search = new URLSearchParams({
      variables: JSON.stringify(variables),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    });
    return fetch(`${server.url}?${search}`, { headers });
  };

  describe("the cache-control header", () => {
    it("lets any cache keep a story page for a minute", async () => {
      const response = await post(ARTICLE_PAGE, { slug: SLUG });
      expect((await json(response)).data.article.headline).toBe("Blinken makes unannounced Iraq visit as part of Syria diplomacy push");
      expect(response.headers.get("cache-control")).toBe("max-age=60, public");
    });

    it("gives a topic page the age of the stories it lists, and entities alone five minutes", async () => {
      const page = await post(TOPIC_PAGE, { slug: "syria" });
      expect((await json(page)).data.topic.articles.totalCount).toBe(2);
      expect(page.headers.get("cache-control")).toBe("max-age=60, public");

      const entities = await post(`{ topic(slug: "syria") { name parent { name } } person(name: "sudani") { name aliases } place(name: "Baghdad") { containedIn { name } } }`);
      expect((await json(entities)).data.place.containedIn.name).toBe("Iraq");
      expect(entities.headers.get("cache-control")).toBe("max-age=300, public");
    });

    it("keeps search results and dashboard figures for 30 seconds only", async () => {
      const search = await post(`{ search(query: "Blinken") { totalCount edges { snippet node { headline } } } }`);
      expect((await json(search)).data.search.totalCount).toBeGreaterThan(0);
      expect(search.headers.get("cache-control")).toBe("max-age=30, public");

      const facets = await post(`{ facets(first: 3) { totalCount people { entity { name } count } } }`);
      expect((await json(facets)).errors).toBeUndefined();
      expect(facets.headers.get("cache-control")).toBe("max-age=30, public");
    });

    it("makes the answer to a request with an API key private, so no shared cache keeps it", async () => {
      const response = await post(ARTICLE_PAGE, { slug: SLUG }, { authorization: `Bearer ${editorKey}` });
      expect((await json(response)).data.article.headline).toBeDefined();
      expect(response.headers.get("cache-control")).toBe("max-age=60, private");
    });

    it("never lets a mutation's answer be cached, though it returns a cacheable story", async () => {
      const { data } = await json(await post(`{ article(slug: "${SLUG}") { id } }`));
      const response = await post(
        `mutation($id: ID!) { updateArticle(id: $id, patch: { section: "World" }) { section } }`,
        { id: data.article.id },
        { authorization: `Bearer ${editorKey}` },
      );
      expect((await json(response)).data.updateArticle.section).toBe("World");
      expect(response.headers.get("cache-control")).toBe("no-store");
    });

    it("does not let an answer with errors be cached", async () => {
      const response = await post(`{ person(name: "Nobody at all") { name } }`);
      expect((await json(response)).errors[0].extensions.code).toBe("NOT_FOUND");
      expect(response.headers.get("cache-control")).toBe("no-store");
    });
  });

  describe("automatic persisted queries over GET", () => {
    it("asks for the text of an unknown hash, stores it from a POST, then answers the hash by GET with a public cache-control", async () => {
      const hash = sha256(TOPIC_PAGE);

      const unknown = await getPersisted(hash, { slug: "syria" });
      expect((await json(unknown)).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(unknown.headers.get("cache-control")).toBe("private, no-cache, must-revalidate");

      const registered = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: TOPIC_PAGE, variables: { slug: "syria" }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      });
      expect((await json(registered)).data.topic.name).toBe("Syria");

      const cached = await getPersisted(hash, { slug: "syria" });
      expect(cached.status).toBe(200);
      const body = await json(cached);
      expect(body.data.topic.articles.edges.map((edge: any) => edge.node.headline)).toContain("Syria’s turning point: Transition or turmoil?");
      expect(cached.headers.get("cache-control")).toBe("max-age=60, public");
    });

    it("refuses a hash that does not match the text sent with it", async () => {
      const mismatched = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ topic(slug: "syria") { name } }`, extensions: { persistedQuery: { version: 1, sha256Hash: sha256("something else") } } }),
      });
      expect(mismatched.status).toBe(400);
      expect((await json(mismatched)).errors[0].message).toBe("provided sha does not match query");
    });

    it("keeps CSRF prevention: a hash-only GET with no content-type or preflight header is refused", async () => {
      const hash = sha256(ARTICLE_PAGE);
      await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: ARTICLE_PAGE, variables: { slug: SLUG }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      });
      const bare = await getPersisted(hash, { slug: SLUG }, {});
      expect(bare.status).toBe(400);
      expect((await bare.text())).toMatch(/Cross-Site Request Forgery/);

      const preflighted = await getPersisted(hash, { slug: SLUG }, { "apollo-require-preflight": "true" });
      expect((await json(preflighted)).data.article.headline).toBe("Blinken makes unannounced Iraq visit as part of Syria diplomacy push");
      expect(preflighted.headers.get("cache-control")).toBe("max-age=60, public");
    });

    it("refuses a persisted mutation over GET", async () => {
      const mutation = `mutation($id: ID!) { deleteArticle(id: $id) { id } }`;
      const hash = sha256(mutation);
      // Registering it by POST runs it, here on an ID that names no story.
      await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${editorKey}` },
        body: JSON.stringify({ query: mutation, variables: { id: "QXJ0aWNsZTo5OTk5" }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      });
      const response = await getPersisted(hash, { id: "QXJ0aWNsZTox" });
      expect(response.status).toBe(405);
      const { data } = await json(await post(`{ article(slug: "${SLUG}") { id } }`));
      expect(data.article.id).toBe("QXJ0aWNsZTox");
    });

    it("applies the cost limit to each run of a persisted query, with its variables", async () => {
      const query = `query Latest($n: Int!) { articles(first: $n) { edges { node { headline people { name } } } } }`;
      const hash = sha256(query);
      const registered = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables: { n: 2 }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      });
      expect((await json(registered)).extensions.cost).toEqual({ requested: 11, limit: MAX_COST });

      const small = await getPersisted(hash, { n: 2 });
      expect((await json(small)).extensions.cost).toEqual({ requested: 11, limit: MAX_COST });

      const large = await getPersisted(hash, { n: 100 });
      expect(large.status).toBe(400);
      const body = await json(large);
      expect(body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost", maximum: MAX_COST, found: 501 });
      expect(body.data).toBeUndefined();
      expect(large.headers.get("cache-control")).toBe("no-store");
    });
  });
});

describe("the response cache (RESPONSE_CACHE=true)", () => {
  let database: TestDataSource;
  let server: RunningServer;
  let editorKey: string;
  const counter = new StatementCounter();
  beforeAll(async () => {
    database = await openTestDataSource({ logger: counter });
    editorKey = (await new ApiKeys(database.dataSource.manager).create("newsroom CMS", "editor")).key;
    server = await startServer(await buildGraphSchema(), database.dataSource, { host: "127.0.0.1", port: 0, production: false, responseCache: true });
  });
  afterAll(async () => {
    await server.stop();
    await database.close();
  });

  /** Runs `send` and returns its answer with the SQL statements the server sent to answer it. */
  const counting = async (send: () => Promise<Response>): Promise<{ response: Response; body: any; statements: number }> => {
    counter.statements = [];
    const response = await send();
    const body = await json(response);
    return { response, body, statements: counter.statements.length };
  };
  const post = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  const persist = (query: string, variables: Record<string, unknown>) =>
    fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } }),
    });
  const getPersisted = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const search = new URLSearchParams({
      variables: JSON.stringify(variables),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } }),
    });
    return fetch(`${server.url}?${search}`, { headers: { "content-type": "application/json", ...headers } });
  };

  it("is off unless RESPONSE_CACHE is true", () => {
    expect(loadConfig({}).responseCache).toBe(false);
    expect(loadConfig({ RESPONSE_CACHE: "true" }).responseCache).toBe(true);
    expect(() => loadConfig({ RESPONSE_CACHE: "yes" })).toThrow('RESPONSE_CACHE "yes" must be true or false');
  });

  it("answers a second identical hashed GET from memory, without a single SQL statement", async () => {
    expect((await json(await persist(TOPIC_PAGE, { slug: "syria" }))).data.topic.name).toBe("Syria");

    const first = await counting(() => getPersisted(TOPIC_PAGE, { slug: "iraq" }));
    expect(first.body.data.topic.name).toBe("Iraq");
    expect(first.statements).toBeGreaterThan(0);
    expect(first.response.headers.get("age")).toBeNull();

    const second = await counting(() => getPersisted(TOPIC_PAGE, { slug: "iraq" }));
    expect(second.statements).toBe(0);
    expect(second.body.data).toEqual(first.body.data);
    expect(second.response.headers.get("cache-control")).toBe("max-age=60, public");
    // A CDN in front subtracts the time the answer has already spent here from its max-age.
    expect(Number(second.response.headers.get("age"))).toBeGreaterThanOrEqual(0);
  });

  it("keeps POSTed queries too, keyed by text and variables: another story is read from the database", async () => {
    expect((await counting(() => post(ARTICLE_PAGE, { slug: SLUG }))).statements).toBeGreaterThan(0);
    const cached = await counting(() => post(ARTICLE_PAGE, { slug: SLUG }));
    expect(cached.statements).toBe(0);
    expect(cached.body.data.article.headline).toBe("Blinken makes unannounced Iraq visit as part of Syria diplomacy push");

    const other = await counting(() => post(ARTICLE_PAGE, { slug: "syrias-turning-point-transition-or-turmoil" }));
    expect(other.statements).toBeGreaterThan(0);
  });

  it("neither serves nor keeps the answer to a request with an API key", async () => {
    const query = `{ topic(slug: "diplomacy") { name articles(first: 5) { totalCount } } }`;
    const anonymous = await counting(() => post(query));
    expect((await counting(() => post(query))).statements).toBe(0);

    const keyed = await counting(() => post(query, {}, { authorization: `Bearer ${editorKey}` }));
    expect(keyed.statements).toBeGreaterThan(0);
    expect(keyed.body.data).toEqual(anonymous.body.data);
    expect(keyed.response.headers.get("cache-control")).toBe("max-age=60, private");

    // A key holder's answer is not left behind for anyone else either.
    const onlyKeyed = `{ topic(slug: "iraq") { name parent { name } } }`;
    await post(onlyKeyed, {}, { authorization: `Bearer ${editorKey}` });
    expect((await counting(() => post(onlyKeyed, {}, { authorization: `Bearer ${editorKey}` }))).statements).toBeGreaterThan(0);
    expect((await counting(() => post(onlyKeyed))).statements).toBeGreaterThan(0);
  });

  it("runs every mutation, even the same one sent twice", async () => {
    const { data } = await json(await post(`{ article(slug: "${SLUG}") { id } }`));
    const mutation = `mutation($id: ID!) { updateArticle(id: $id, patch: { section: "Diplomacy" }) { section } }`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const sent = await counting(() => post(mutation, { id: data.article.id }, { authorization: `Bearer ${editorKey}` }));
      expect(sent.body.data.updateArticle.section).toBe("Diplomacy");
      expect(sent.statements).toBeGreaterThan(0);
      expect(sent.response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("does not keep an answer with errors", async () => {
    const query = `{ person(name: "Nobody at all") { name } }`;
    await post(query);
    const again = await counting(() => post(query));
    expect(again.body.errors[0].extensions.code).toBe("NOT_FOUND");
    expect(again.statements).toBeGreaterThan(0);
  });
});
