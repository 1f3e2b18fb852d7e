import { Table, type MigrationInterface, type QueryRunner } from "typeorm";
import { dialectOf, portableTable } from "../services/sql-dialect";

/**
 * How many events `article_event` keeps: the newest this many, older ones pruned as new ones are
 * written. A server polls several times a second, so this is hours of ingestion at full speed;
 * a reader that falls further behind is told it missed events (see ArticleEventFeed).
 */
export const ARTICLE_EVENT_RETENTION = 100_000;

/**
 * The change feed behind live updates: `article_event`, one row per committed change to a story,
 * numbered in commit order, written by triggers on `article`. Every writer (a server's mutation,
 * the ingest command in another process) thus records its events in the transaction that writes
 * the story, visible to readers exactly when the story is. Existing stories get no events: they
 * are not news to anyone subscribing from now on.
 */
export class ArticleEvents1764300000000 implements MigrationInterface {
  name = "ArticleEvents1764300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "article_event",
        columns: [
          // AUTOINCREMENT on SQLite, a sequence on PostgreSQL: a number is never reused, even after
          // the newest rows are pruned or a transaction rolls back, so `seq > last` is a safe cursor.
          { name: "seq", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "articleId", type: "integer" },
          { name: "kind", type: "varchar", length: "16" },
          { name: "at", type: "datetime", default: "CURRENT_TIMESTAMP" },
        ],
      })),
    );
    if (dialectOf(queryRunner) === "postgres") return upPostgres(queryRunner);
    await queryRunner.query(
      `CREATE TRIGGER article_event_published AFTER INSERT ON article BEGIN
         INSERT INTO article_event("articleId", kind) VALUES (new.id, 'published');
       END`,
    );
    // Any update of the row: re-ingestion with changes rewrites it, and writers that change only a
    // story's edges touch its "revisedAt". Several updates in one transaction, or an update in the
    // transaction that created the story, are folded together by the reader (ArticleEventHub).
    await queryRunner.query(
      `CREATE TRIGGER article_event_updated AFTER UPDATE ON article BEGIN
         INSERT INTO article_event("articleId", kind) VALUES (new.id, 'updated');
       END`,
    );
    // Deletes at most the one row that just fell out of the window, through the primary key.
    await queryRunner.query(
      `CREATE TRIGGER article_event_prune AFTER INSERT ON article_event BEGIN
         DELETE FROM article_event WHERE seq <= new.seq - ${ARTICLE_EVENT_RETENTION};
       END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) === "postgres") {
      // Dropping the functions drops the triggers that call them.
      await queryRunner.query(`DROP FUNCTION article_event_record() CASCADE`);
      await queryRunner.query(`DROP FUNCTION article_event_prune() CASCADE`);
      await queryRunner.dropTable("article_event");
      return;
    }
    for (const trigger of ["article_event_prune", "article_event_updated", "article_event_published"]) {
      await queryRunner.query(`DROP TRIGGER ${trigger}`);
    }
    await queryRunner.dropTable("article_event");
  }
}

/** The same triggers on PostgreSQL, where a trigger runs a function. */
async function upPostgres(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `CREATE FUNCTION article_event_record() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO article_event("articleId", kind) VALUES (NEW.id, CASE TG_OP WHEN 'INSERT' THEN 'published' ELSE 'updated' END);
       RETURN NULL;
     END $$`,
  );
  await queryRunner.query(`CREATE TRIGGER article_event_published AFTER INSERT ON article FOR EACH ROW EXECUTE FUNCTION article_event_record()`);
  await queryRunner.query(`CREATE TRIGGER article_event_updated AFTER UPDATE ON article FOR EACH ROW EXECUTE FUNCTION article_event_record()`);
  await queryRunner.query(
    `CREATE FUNCTION article_event_prune() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       DELETE FROM article_event WHERE seq <= NEW.seq - ${ARTICLE_EVENT_RETENTION};
       RETURN NULL;
     END $$`,
  );
  await queryRunner.query(`CREATE TRIGGER article_event_prune AFTER INSERT ON article_event FOR EACH ROW EXECUTE FUNCTION article_event_prune()`);
}
