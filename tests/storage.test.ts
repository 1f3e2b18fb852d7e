import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DataSource } from "typeorm";
import { MIGRATIONS, openDataSource } from "../src/datasource";
import { InitialSchema1732060800000 } from "../src/migrations/1732060800000-initial-schema";
import { EntityRegistry } from "../src/services/entity-registry";
import { Article } from "../src/entities/article";
import { Mention } from "../src/entities/mention";
import type { Place } from "../src/entities/place";
import { ArticleWriter } from "../src/services/article-writer";
import { InvalidInputError } from "../src/services/errors";
import { loadSeedData } from "../src/services/seed-loader";
import { syriaStory } from "./support/stories";

describe("storage", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-graph-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("creates the schema by migrations in a new SQLite file, with WAL on", async () => {
    const dataSource = await openDataSource({ kind: "sqlite", file: path.join(dir, "graph.sqlite") });
    const [{ journal_mode }] = await dataSource.query("PRAGMA journal_mode");
    const migrations = await dataSource.query(`SELECT name FROM migrations`);
    await dataSource.destroy();
    expect(journal_mode).toBe("wal");
    expect(migrations.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  it("upgrades a database made by an older version in place, keeping its data", async () => {
    const file = path.join(dir, "old.sqlite");
    const old = new DataSource({ type: "sqlite", database: file, migrations: [InitialSchema1732060800000] });
    await old.initialize();
    await old.runMigrations();
    await old.query(`INSERT INTO entity (type, name, "nameKey") VALUES ('PERSON', 'Qasem Soleimani', 'qasem soleimani')`);
    await old.destroy();

    const upgraded = await openDataSource({ kind: "sqlite", file });
    const people = await upgraded.query(`SELECT name, "transliterationKey" FROM entity`);
    const found = await new EntityRegistry(upgraded.manager).findByName("Person", "Qassem Soleimani");
    await upgraded.destroy();
    expect(people).toEqual([{ name: "Qasem Soleimani", transliterationKey: "qsm soleimani" }]);
    expect(found?.name).toBe("Qasem Soleimani");
  });

  it("loads the shipped data once: a second start changes nothing", async () => {
    const file = path.join(dir, "graph.sqlite");
    const first = await openDataSource({ kind: "sqlite", file });
    const loaded = await loadSeedData(first);
    const before = await first.query(`SELECT id, "revisedAt", "contentHash" FROM article ORDER BY id`);
    await first.destroy();

    const second = await openDataSource({ kind: "sqlite", file });
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
    const dataSource = await openDataSource({ kind: "sqlite", file: ":memory:" });
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
      const dataSource = await openDataSource({ kind: "sqlite", file: ":memory:" });
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
      const dataSource = await openDataSource({ kind: "sqlite", file: ":memory:" });
      await loadSeedData(dataSource);
      const story = { ...syriaStory(2), authors: ["A Brand New Author"], tags: { topics: [{ slug: "no-such-topic" }] } };
      await expect(new ArticleWriter(dataSource).write(story)).rejects.toThrow(new InvalidInputError('unknown topic "no-such-topic"', "tags.topics[0].slug"));
      const articles = await dataSource.query(`SELECT COUNT(*) AS n FROM article`);
      const authors = await dataSource.query(`SELECT COUNT(*) AS n FROM entity WHERE name = 'A Brand New Author'`);
      await dataSource.destroy();
      expect(articles[0].n).toBe(2);
      expect(authors[0].n).toBe(0);
    });

    it("rejects malformed stories, naming the field", async () => {
      const dataSource = await openDataSource({ kind: "sqlite", file: ":memory:" });
      const writer = new ArticleWriter(dataSource);
      await expect(writer.write({ headline: "", body: [] })).rejects.toMatchObject({ field: "headline" });
      await expect(writer.write({ headline: "Fine", body: "not paragraphs" as never })).rejects.toMatchObject({ field: "body" });
      await expect(writer.write({ headline: "Fine", body: [], publishedAt: "yesterday-ish" })).rejects.toMatchObject({ field: "publishedAt" });
      await dataSource.destroy();
    });
  });
});
