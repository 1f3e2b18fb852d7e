import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { Ingester, StrictModeError } from "../../src/services/ingest/ingester";
import { runSql } from "../../src/services/sql";
import { describeWithSeedPage, SEED_PAGE } from "../support/corpora";
import { openTestDataSource, type TestDataSource } from "../support/database";


describe("ingesting files", () => {
  let dataSource: DataSource;
  let database: TestDataSource;
  let dir: string;
  beforeEach(async () => {
    database = await openTestDataSource();
    dataSource = database.dataSource;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-"));
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const names = async (articleId: number, type: string) =>
    (
      await runSql<{ name: string }>(
        dataSource.manager,
        `SELECT e.name FROM article_mention m JOIN entity e ON e.id = m."entityId" WHERE m."articleId" = :articleId AND e.type = :type ORDER BY e.name`,
        { articleId, type },
      )
    ).map((row) => row.name);

  describeWithSeedPage("the raw seed page", () => {
    it("turns the raw seed page into a story linked to its people, places, organizations and photo", async () => {
      const page = path.join(dir, "seed.txt");
      fs.copyFileSync(SEED_PAGE, page);
      const summary = await new Ingester(dataSource).ingest([page]);
      expect(summary).toMatchObject({ created: 1, failed: 0 });
      const [story] = await runSql<{ id: number; headline: string }>(dataSource.manager, `SELECT id, headline FROM article ORDER BY id DESC LIMIT 1`);
      expect(story.headline).toBe("Blinken makes unannounced Iraq visit as part of Syria diplomacy push");

      expect(await names(story.id, "PERSON")).toEqual(expect.arrayContaining(["Antony Blinken", "Bashar al-Assad", "Joe Biden", "Mohammed Shia al-Sudani"]));
      const places = await names(story.id, "PLACE");
      expect(places).toEqual(expect.arrayContaining(["Baghdad", "Damascus", "Iraq", "Syria", "Iran"]));
      expect(places).not.toContain("Washington, D.C.");
      expect(await names(story.id, "ORGANIZATION")).toEqual(expect.arrayContaining(["Hamas", "Hezbollah", "Islamic State", "Popular Mobilization Forces"]));

      const [photo] = await runSql<{ photographer: string; agency: string; isPool: number | boolean; isFilePhoto: number | boolean }>(
        dataSource.manager,
        `SELECT ph.name AS photographer, ag.name AS agency, p."isPool", p."isFilePhoto" FROM article_photo ap JOIN photo p ON p.id = ap."photoId"
         JOIN entity ph ON ph.id = p."photographerId" JOIN entity ag ON ag.id = p."agencyId" WHERE ap."articleId" = :id`,
        { id: story.id },
      );
      // A raw boolean reads 1 on SQLite and true on PostgreSQL.
      expect({ ...photo, isPool: Boolean(photo.isPool), isFilePhoto: Boolean(photo.isFilePhoto) }).toEqual({ photographer: "Bryan R. Smith", agency: "Reuters", isPool: true, isFilePhoto: true });
      const depicted = await runSql<{ name: string }>(
        dataSource.manager,
        `SELECT e.name FROM photo_depiction d JOIN entity e ON e.id = d."personId" JOIN article_photo ap ON ap."photoId" = d."photoId" WHERE ap."articleId" = :id ORDER BY d.position`,
        { id: story.id },
      );
      expect(depicted.map((row) => row.name)).toEqual(["Antony Blinken", "Mohammed Shia al-Sudani"]);
    });
  });

  it("reports each bad record with its location and reason, and keeps the good ones", async () => {
    const lines = [
      JSON.stringify({ headline: "Floods close the harbour road", body: ["The road along Sydney harbour closed on Monday."] }),
      "{ not json",
      JSON.stringify({ headline: "No body", body: "a string, not paragraphs" }),
      JSON.stringify({ headline: "Unknown topic", body: [], tags: { topics: [{ slug: "astrology" }] } }),
    ];
    const file = path.join(dir, "stories.jsonl");
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    const unknown = path.join(dir, "notes.bin");
    fs.writeFileSync(unknown, "\u0000\u0001 nothing a newsroom sends");

    const summary = await new Ingester(dataSource).ingest([file, unknown]);
    expect(summary.created).toBe(1);
    expect(summary.failures.map((failure) => failure.location)).toEqual([`${file}:2`, `${file}:3`, `${file}:4`, unknown]);
    expect(summary.failures[1].reason).toMatch(/body/);
    expect(summary.failures[2].reason).toBe('unknown topic "astrology"');
    expect(summary.failures[3].reason).toMatch(/^unknown format/);
  });

  it("stops at the first bad record under --strict, keeping the stories before it", async () => {
    const file = path.join(dir, "stories.jsonl");
    fs.writeFileSync(file, [JSON.stringify({ headline: "First", body: [] }), "{ broken", JSON.stringify({ headline: "Third", body: [] })].join("\n"));
    await expect(new Ingester(dataSource).ingest([file], { strict: true })).rejects.toBeInstanceOf(StrictModeError);
    const headlines = await runSql<{ headline: string }>(dataSource.manager, `SELECT headline FROM article WHERE headline IN ('First', 'Third')`);
    expect(headlines).toEqual([{ headline: "First" }]);
  });

  it("is idempotent: the same file again changes nothing", async () => {
    const file = path.join(dir, "stories.jsonl");
    fs.writeFileSync(file, JSON.stringify({ url: "https://example.org/a", headline: "Antony Blinken visits Baghdad", body: ["Antony Blinken met officials in Baghdad."] }));
    const ingester = new Ingester(dataSource);
    expect(await ingester.ingest([file])).toMatchObject({ created: 1 });
    expect(await ingester.ingest([file])).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it("links a transliterated name to the person already known, keeping the spelling as an alias", async () => {
    const file = path.join(dir, "stories.jsonl");
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ headline: "Qasem Soleimani killed in Baghdad strike", body: ["Iranian general Qasem Soleimani was killed."], publishedAt: "2020-01-03" }),
        JSON.stringify({ headline: "Mourners gather for Qassem Soleimani", body: ["Crowds mourned Qassem Soleimani in Tehran."], publishedAt: "2020-01-06" }),
      ].join("\n"),
    );
    await new Ingester(dataSource).ingest([file]);
    const people = await runSql<{ id: number; name: string }>(dataSource.manager, `SELECT id, name FROM entity WHERE type = 'PERSON' AND name LIKE '%Soleimani%'`);
    expect(people.map((person) => person.name)).toEqual(["Qasem Soleimani"]);
    const aliases = await runSql<{ alias: string }>(dataSource.manager, `SELECT alias FROM entity_alias WHERE "entityId" = :id`, { id: people[0].id });
    expect(aliases.map((row) => row.alias)).toContain("Qassem Soleimani");
  });
});
