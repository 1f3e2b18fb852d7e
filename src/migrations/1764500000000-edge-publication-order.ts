import type { MigrationInterface, QueryRunner } from "typeorm";
import { dialectOf } from "../services/sql-dialect";

/** The edge tables whose stories are listed per parent, newest first, and the parent column of each. */
const EDGES = [
  { table: "article_mention", parent: "entityId", oldIndex: "IDX_article_mention_entity" },
  { table: "article_topic", parent: "topicId", oldIndex: "IDX_article_topic_topic" },
  { table: "article_author", parent: "personId", oldIndex: "IDX_article_author_person" },
] as const;

/**
 * Lets a person's, place's or topic's newest stories be read in index order. Each story edge
 * (mention, topic, author) gets a copy of its story's `publishedAt` and an index on
 * (parent, publishedAt, articleId), replacing the (parent, articleId) one: a page of 20 is then
 * the first 20 entries of one index range, where it used to mean sorting every story of the
 * parent (all 30,000 of a popular name at 100,000 stories). Stories datelined in a place get the
 * same index on `article`.
 *
 * The copy is kept by triggers, so no writer (ingestion, mutations, merges, a future one) can
 * forget it: a new edge takes its story's date, and a story whose date changes passes it on to
 * its edges. The entity classes do not map the column; it is an index key, not data.
 */
export class EdgePublicationOrder1764500000000 implements MigrationInterface {
  name = "EdgePublicationOrder1764500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = dialectOf(queryRunner) === "postgres";
    for (const edge of EDGES) {
      await queryRunner.query(`ALTER TABLE ${edge.table} ADD COLUMN "publishedAt" ${postgres ? "timestamptz" : "datetime"} NULL`);
      await queryRunner.query(`UPDATE ${edge.table} SET "publishedAt" = (SELECT a."publishedAt" FROM article a WHERE a.id = ${edge.table}."articleId")`);
      await queryRunner.query(`DROP INDEX "${edge.oldIndex}"`);
      await queryRunner.query(`CREATE INDEX "IDX_${edge.table}_${edge.parent}_published" ON ${edge.table} ("${edge.parent}", "publishedAt", "articleId")`);
    }
    await queryRunner.query(`DROP INDEX "IDX_article_dateline"`);
    await queryRunner.query(`CREATE INDEX "IDX_article_dateline_published" ON article ("datelineId", "publishedAt", id)`);
    if (postgres) return upPostgres(queryRunner);
    for (const edge of EDGES) {
      // SQLite cannot change the row being inserted, so the trigger updates it right after, and
      // only when the writer did not give the date itself.
      await queryRunner.query(
        `CREATE TRIGGER ${edge.table}_published AFTER INSERT ON ${edge.table}
         WHEN NEW."publishedAt" IS NOT (SELECT "publishedAt" FROM article WHERE id = NEW."articleId")
         BEGIN
           UPDATE ${edge.table} SET "publishedAt" = (SELECT "publishedAt" FROM article WHERE id = NEW."articleId") WHERE rowid = NEW.rowid;
         END`,
      );
    }
    await queryRunner.query(
      `CREATE TRIGGER article_published_edges AFTER UPDATE OF "publishedAt" ON article
       WHEN NEW."publishedAt" IS NOT OLD."publishedAt"
       BEGIN
         ${EDGES.map((edge) => `UPDATE ${edge.table} SET "publishedAt" = NEW."publishedAt" WHERE "articleId" = NEW.id;`).join("\n         ")}
       END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = dialectOf(queryRunner) === "postgres";
    if (postgres) {
      // Dropping the functions drops the triggers that call them.
      await queryRunner.query(`DROP FUNCTION edge_published_at() CASCADE`);
      await queryRunner.query(`DROP FUNCTION article_published_edges() CASCADE`);
    } else {
      for (const edge of EDGES) await queryRunner.query(`DROP TRIGGER ${edge.table}_published`);
      await queryRunner.query(`DROP TRIGGER article_published_edges`);
    }
    await queryRunner.query(`DROP INDEX "IDX_article_dateline_published"`);
    await queryRunner.query(`CREATE INDEX "IDX_article_dateline" ON article ("datelineId")`);
    for (const edge of EDGES) {
      await queryRunner.query(`DROP INDEX "IDX_${edge.table}_${edge.parent}_published"`);
      await queryRunner.query(`CREATE INDEX "${edge.oldIndex}" ON ${edge.table} ("${edge.parent}", "articleId")`);
      await queryRunner.query(`ALTER TABLE ${edge.table} DROP COLUMN "publishedAt"`);
    }
  }
}

/** The same triggers on PostgreSQL, where a BEFORE trigger sets the new row's date directly. */
async function upPostgres(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `CREATE FUNCTION edge_published_at() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       NEW."publishedAt" := (SELECT "publishedAt" FROM article WHERE id = NEW."articleId");
       RETURN NEW;
     END $$`,
  );
  for (const edge of EDGES) {
    await queryRunner.query(`CREATE TRIGGER ${edge.table}_published BEFORE INSERT ON ${edge.table} FOR EACH ROW EXECUTE FUNCTION edge_published_at()`);
  }
  await queryRunner.query(
    `CREATE FUNCTION article_published_edges() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       ${EDGES.map((edge) => `UPDATE ${edge.table} SET "publishedAt" = NEW."publishedAt" WHERE "articleId" = NEW.id;`).join("\n       ")}
       RETURN NULL;
     END $$`,
  );
  await queryRunner.query(
    `CREATE TRIGGER article_published_edges AFTER UPDATE OF "publishedAt" ON article
     FOR EACH ROW WHEN (NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt") EXECUTE FUNCTION article_published_edges()`,
  );
}
