import { MIGRATIONS, openDataSource } from "../src/datasource";
import { InitialSchema1732060800000 } from "../src/migrations/1732060800000-initial-schema";
import { EntityRegistry } from "../src/services/entity-registry";
import { Article } from "../src/entities/article";
import { Mention } from "../src/entities/mention";
import type { Place } from "../src/entities/place";
import { ArticleWriter } from "../src/services/article-writer";
import { InvalidInputError } from "../src/services/errors";
import { loadSeedData } from "../src/services/seed-loader";
import { itOnPostgres, itOnSqlite, openTestDatabase, type TestDatabase } from "./support/database";
import { syriaStory } from "./support/stories";

describe("storage", () => {
  /** A database that outlives one data source, so a test can open it again, as a restart would. */
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase({ onDisk: true });
  });
  afterEach(() => database.drop());

  it("creates the schema by migrations in a new database", async () => {
    const dataSource = await openDataSource(database.config);
    const migrations = await dataSource.query(`SELECT name FROM migrations ORDER BY id`);
    await dataSource.destroy();
    expect(migrations.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  itOnSqlite("turns WAL on in a new SQLite file", "PostgreSQL has its own write-ahead log, always on", async () => {
    const dataSource = await openDataSource(database.config);
    const [{ journal_mode }] = await dataSource.query("PRAGMA journal_mode");
    await dataSource.destroy();
    expect(journal_mode).toBe("wal");
  });

  // Only a postgres:// DATABASE_URL names a schema; SQLite has none to create.
  itOnPostgres("creates the schema a postgres:// URL names with ?schema= when it is missing", "SQLite has no schemas", async () => {
    if (database.config.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    await database.drop();
    const dataSource = await openDataSource(database.config);
    const [{ schema }] = await dataSource.query(`SELECT current_schema() AS schema`);
    const [{ stories }] = await dataSource.query(`SELECT count(*)::int AS stories FROM article`);
    await dataSource.destroy();
    expect(schema).toBe(database.config.schema);
    expect(stories).toBe(0);
  });

  it("upgrades a database made by an older version in place, keeping its data", async () => {
    const old = await openDataSource(database.config, { migrations: [InitialSchema1732060800000] });
    await old.query(`INSERT INTO entity (type, name, "nameKey") VALUES ('PERSON', 'Qasem Soleimani', 'qasem soleimani')`);
    await old.destroy();

    const upgraded = await openDataSource(database.config);
    const people = await upgraded.query(`SELECT name, "transliterationKey" FROM entity`);
    const found = await new EntityRegistry(upgraded.manager).findByName("Person", "Qassem Soleimani");
    await upgraded.destroy();
    expect(people).toEqual([{ name: "Qasem Soleimani", transliterationKey: "qsm soleimani" }]);
    expect(found?.name).toBe("Qasem Soleimani");
  });

  it("loads the shipped data once: a second start changes nothing", async () => {
    const first = await openDataSource(database.config);
    const loaded = await loadSeedData(first);
    const before = await first.query(`SELECT id, "revisedAt", "contentHash" FROM article ORDER BY id`);
    await first.destroy();

    const second = await openDataSource(database.config);
    const reloaded = await loadSeedData(second);
    const after = await second.query(`SELECT id, "revisedAt", "contentHash" FROM article ORDER BY id`);
    const pending = await second.showMigrations();
    await second.destroy();

    expect(loaded.articles.created).toBe(2);
    expect(reloaded).toEqual({ entities: { created: 0, updated: 0, unchanged: loaded.entities.created }, articles: { created: 0, updated: 0, unchanged: 2 } });
    expect(after).toEqual(before);
    expect(pending).toBe(false);
  });

  it("completes a new place from gazetteer facts: kind, coordinates and the country it is in", async () => {
    const dataSource = await openDataSource(database.config);
    await loadSeedData(dataSource);
    const registry = new EntityRegistry(dataSource.manager);
    const kerman = (await registry.findOrCreate("Place", "Kerman")) as Place;
    await registry.completePlaces([{ place: kerman, facts: { kind: "CITY", latitude: 30.28, longitude: 57.08, countryCode: "IR", countryName: "Iran" } }]);
    const [row] = await dataSource.query(`SELECT "placeKind", "organizationKind", latitude, "containedInId" FROM entity WHERE name = 'Kerman'`);
    const [iran] = await dataSource.query(`SELECT id FROM entity WHERE name = 'Iran'`);
    await dataSource.destroy();
    expect(row).toEqual({ placeKind: "CITY", organizationKind: null, latitude: 30.28, containedInId: iran.id });
  });

  describe("writing a story", () => {
    it("updates a re-ingested story in place: same ID, edges replaced, no duplicate", async () => {
      const dataSource = await openDataSource(database.config);
      await loadSeedData(dataSource);
      const writer = new ArticleWriter(dataSource);
      const created = await writer.write(syriaStory(1));
      const again = await writer.write(syriaStory(1));
      const changed = await writer.write({ ...syriaStory(1), body: ["Only Joe Biden spoke."], tags: { people: [{ name: "Joe Biden" }] } });
      const mentions = await dataSource.getRepository(Mention).find({ where: { articleId: created.article.id }, relations: { entity: true } });
      const count = await dataSource.getRepository(Article).count();
      await dataSource.destroy();

      expect([created.outcome, again.outcome, changed.outcome]).toEqual(["created", "unchanged", "updated"]);
      expect(changed.article.id).toBe(created.article.id);
      // The new tags, plus the person the unchanged photo still shows.
      expect(mentions.map((mention) => mention.entity.name).sort()).toEqual(["Bashar al-Assad", "Joe Biden"]);
      expect(count).toBe(3);
    });

    it("is all or nothing: a story failing midway leaves no trace", async () => {
      const dataSource = await openDataSource(database.config);
      await loadSeedData(dataSource);
      const story = { ...syriaStory(2), authors: ["A Brand New Author"], tags: { topics: [{ slug: "no-such-topic" }] } };
      await expect(new ArticleWriter(dataSource).write(story)).rejects.toThrow(new InvalidInputError('unknown topic "no-such-topic"', "tags.topics[0].slug"));
      const articles = await dataSource.query(`SELECT COUNT(*) AS n FROM article`);
      const authors = await dataSource.query(`SELECT COUNT(*) AS n FROM entity WHERE name = 'A Brand New Author'`);
      await dataSource.destroy();
      expect(Number(articles[0].n)).toBe(2);
      expect(Number(authors[0].n)).toBe(0);
    });

    it("leaves out a blank name in a byline or among a photo's people, and stores the rest", async () => {
      const dataSource = await openDataSource(database.config);
      await loadSeedData(dataSource);
      const story = {
        ...syriaStory(3),
        authors: ["", "Correspondent 0", "  "],
        photos: [{ caption: "A photo", depicts: ["", "Joe Biden"] }],
      };
      const { article } = await new ArticleWriter(dataSource).write(story);
      const authors = await dataSource.query(`SELECT e.name FROM article_author w JOIN entity e ON e.id = w."personId" WHERE w."articleId" = ${article.id}`);
      const blank = await dataSource.query(`SELECT COUNT(*) AS n FROM entity WHERE TRIM(name) = ''`);
      const people = await dataSource.getRepository(Mention).find({ where: { articleId: article.id }, relations: { entity: true } });
      await dataSource.destroy();
      expect(authors.map((row: { name: string }) => row.name)).toEqual(["Correspondent 0"]);
      expect(Number(blank[0].n)).toBe(0);
      expect(people.map((mention) => mention.entity.name)).toContain("Joe Biden");
    });

    it("rejects malformed stories, naming the field", async () => {
      const dataSource = await openDataSource(database.config);
      const writer = new ArticleWriter(dataSource);
      await expect(writer.write({ headline: "", body: [] })).rejects.toMatchObject({ field: "headline" });
      await expect(writer.write({ headline: "Fine", body: "not paragraphs" as never })).rejects.toMatchObject({ field: "body" });
      await expect(writer.write({ headline: "Fine", body: [], publishedAt: "yesterday-ish" })).rejects.toMatchObject({ field: "publishedAt" });
      // PostgreSQL cannot store U+0000 in text; SQLite could, but a story is refused alike on both.
      await expect(writer.write({ headline: "Fine", body: ["One.", "Tw\u0000o."] })).rejects.toThrow(new InvalidInputError("body[1] contains the NUL character (U+0000), which cannot be stored", "body[1]"));
      await expect(writer.write({ headline: "Fine", body: [], photos: [{ caption: "x", depicts: ["\u0000"] }] })).rejects.toMatchObject({ field: "photos[0].depicts[0]" });
      await dataSource.destroy();
    });
  });
});
