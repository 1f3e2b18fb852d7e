import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * How many events `article_event` keeps: the newest this many, older ones pruned as new ones are
 * written. A server polls several times a second, so this is hours of ingestion at full speed;
 * a poller that falls further behind is told it missed events (see PollingArticleEventSource).
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
      new Table({
        name: "article_event",
        columns: [
          // AUTOINCREMENT: a sequence number is never reused, even after the newest rows are pruned
          // or a transaction rolls back, so `seq > last` is a safe cursor.
          { name: "seq", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "articleId", type: "integer" },
          { name: "kind", type: "varchar", length: "16" },
          { name: "at", type: "datetime", default: "CURRENT_TIMESTAMP" },
        ],
      }),
    );
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
    for (const trigger of ["article_event_prune", "article_event_updated", "article_event_published"]) {
      await queryRunner.query(`DROP TRIGGER ${trigger}`);
    }
    await queryRunner.dropTable("article_event");
  }
}
