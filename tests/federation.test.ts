import { ApolloServer } from "@apollo/server";
import { parse } from "graphql";
import { loadConfig } from "../src/config";
import { createContext, type Context } from "../src/context.type";
import { buildSubgraphGraphSchema } from "../src/federation/subgraph-schema";
import { formatError } from "../src/format-error";
import { queryCost } from "../src/limits/query-cost";
import { encodeGlobalId } from "../src/services/global-id";
import { openTestDataSource, type TestDataSource } from "./support/database";
import { StatementCounter } from "./support/graph";

const KEYED_TYPES = ["Article", "Person", "Place", "Organization", "Topic", "Photo"];
const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  __typename
  ... on Article { id headline }
  ... on Person { id name }
  ... on Place { id name }
  ... on Organization { id name }
  ... on Topic { id name }
  ... on Photo { id caption }
} }`;

describe("the graph as an Apollo Federation 2 subgraph (FEDERATION=true)", () => {
  let database: TestDataSource;
  let apollo: ApolloServer<Context>;
  const counter = new StatementCounter();
  beforeAll(async () => {
    database = await openTestDataSource({ logger: counter });
    apollo = new ApolloServer<Context>({ schema: await buildSubgraphGraphSchema(), formatError: formatError(false) });
    await apollo.start();
  });
  afterAll(async () => {
    await apollo.stop();
    await database.close();
  });

  async function run(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }> {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(database.dataSource) });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return response.body.singleResult as never;
  }

  /** The global IDs of the seed story and of things it touches, found through the ordinary API. */
  async function seedIds() {
    const { data } = await run(`{ article(slug: "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push") {
      id headline people { id name } places { id name } organizations { id name } topics { id name } photos { id caption } } }`);
    return data.article;
  }

  it("publishes its SDL with the federation @link and a @key on every type with a global ID", async () => {
    const { data, errors } = await run(`{ _service { sdl } }`);
    expect(errors).toBeUndefined();
    const sdl: string = data._service.sdl;
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    for (const type of KEYED_TYPES) {
      expect(sdl).toMatch(new RegExp(`type ${type} implements [^{]*@key\\(fields: "id"\\)`));
    }
    expect(sdl).not.toMatch(/type ArticleConnection[^{]*@key/);
    expect(sdl).toMatch(/type Article implements [^{]*@cacheControl\(maxAge: 60\)/);
  });

  it("resolves representations of several types in the order given, null for an ID that names nothing", async () => {
    const article = await seedIds();
    const [person, place, organization, topic, photo] = [article.people[0], article.places[0], article.organizations[0], article.topics[0], article.photos[0]];
    const representations = [
      { __typename: "Topic", id: topic.id },
      { __typename: "Article", id: article.id },
      { __typename: "Person", id: encodeGlobalId("Person", 999_999) },
      { __typename: "Photo", id: photo.id },
      { __typename: "Person", id: person.id },
      { __typename: "Organization", id: organization.id },
      { __typename: "Place", id: place.id },
    ];
    const { data, errors } = await run(ENTITIES, { representations });
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([
      { __typename: "Topic", id: topic.id, name: topic.name },
      { __typename: "Article", id: article.id, headline: "Blinken makes unannounced Iraq visit as part of Syria diplomacy push" },
      null,
      { __typename: "Photo", id: photo.id, caption: photo.caption },
      { __typename: "Person", id: person.id, name: "Antony Blinken" },
      { __typename: "Organization", id: organization.id, name: organization.name },
      { __typename: "Place", id: place.id, name: "Iraq" },
    ]);
  });

  it("answers null and BAD_USER_INPUT for an ID of another type than the representation's and for a malformed one, and resolves the rest", async () => {
    const article = await seedIds();
    const { data, errors } = await run(ENTITIES, {
      representations: [
        { __typename: "Person", id: article.id },
        { __typename: "Article", id: "not an id" },
        { __typename: "Article", id: article.id },
      ],
    });
    expect(data._entities[0]).toBeNull();
    expect(data._entities[1]).toBeNull();
    expect(data._entities[2].headline).toBe(article.headline);
    expect(errors).toHaveLength(2);
    expect(errors!.map((error) => error.extensions.code)).toEqual(["BAD_USER_INPUT", "BAD_USER_INPUT"]);
  });

  it("costs each representation's selections once per representation, as the query limits count them", async () => {
    const schema = await buildSubgraphGraphSchema();
    const costOf = (count: number) =>
      queryCost(schema, parse(ENTITIES), { representations: Array.from({ length: count }, (_, index) => ({ __typename: "Person", id: encodeGlobalId("Person", index + 1) })) }, undefined);
    expect(costOf(10) - costOf(1)).toBe(9 * (costOf(2) - costOf(1)));
    expect(costOf(2)).toBeGreaterThan(costOf(1));
  });

  it("loads many representations with one statement per table, not one per representation", async () => {
    const article = await seedIds();
    const entities = [...article.people, ...article.places, ...article.organizations];
    const representations = [
      { __typename: "Article", id: article.id },
      ...entities.map((entity: { id: string }) => ({ __typename: Buffer.from(entity.id, "base64url").toString().split(":")[0], id: entity.id })),
      ...article.topics.map((topic: { id: string }) => ({ __typename: "Topic", id: topic.id })),
      { __typename: "Photo", id: article.photos[0].id },
    ];
    expect(representations.length).toBeGreaterThan(20);
    counter.statements = [];
    const { data, errors } = await run(ENTITIES, { representations });
    expect(errors).toBeUndefined();
    expect(data._entities.map((entity: { id: string }) => entity.id)).toEqual(representations.map((representation) => representation.id));
    // stories, entities (people, places, organizations and topics share a table), photos
    expect(counter.statements).toHaveLength(3);
  });

  it("refuses more than 100 representations in one call", async () => {
    const representations = Array.from({ length: 101 }, (_, index) => ({ __typename: "Article", id: encodeGlobalId("Article", index + 1) }));
    const { errors } = await run(ENTITIES, { representations });
    expect(errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors![0].message).toBe("representations may hold at most 100 objects, got 101");
  });

  it("is chosen by FEDERATION=true, off by default", () => {
    expect(loadConfig({}).federation).toBe(false);
    expect(loadConfig({ FEDERATION: "true" }).federation).toBe(true);
    expect(() => loadConfig({ FEDERATION: "yes" })).toThrow('FEDERATION "yes" must be true or false');
  });

  it("still answers the ordinary API", async () => {
    const { data, errors } = await run(`{ topic(slug: "syria") { name articles(first: 5) { totalCount edges { node { headline dateline { name } } } } } node(id: "QXJ0aWNsZTox") { __typename } }`);
    expect(errors).toBeUndefined();
    expect(data.topic.name).toBe("Syria");
    expect(data.topic.articles.totalCount).toBe(2);
    expect(data.topic.articles.edges[0].node.dateline).toEqual({ name: "Baghdad" });
    expect(data.node).toEqual({ __typename: "Article" });
  });
});
