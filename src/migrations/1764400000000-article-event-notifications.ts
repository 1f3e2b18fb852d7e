import type { MigrationInterface, QueryRunner } from "typeorm";
import { dialectOf } from "../services/sql-dialect";

/**
 * Live updates on PostgreSQL without polling, and without losing events to concurrent writers.
 *
 * - `article_event.tx`, the writing transaction's ID. On PostgreSQL, sequence numbers are taken at
 *   insert time but become visible at commit, so a transaction holding seq 10 may commit after
 *   another holding seq 11: a reader keeping only "the last seq I read" would skip 10 for ever.
 *   With the transaction ID a reader asks instead "which events were committed since my last
 *   snapshot" (see ArticleEventFeed), which is exact whatever the commit order.
 * - A statement-level trigger that calls `pg_notify` on a channel of the table's schema, so two
 *   graphs in one database do not wake each other. NOTIFY is transactional: listeners hear it when
 *   the writer commits, never for a rolled-back write, and a transaction's identical notifications
 *   are folded into one. The channel name is a function in the database, so the listener asks the
 *   database for it rather than repeating the formula (an md5, since a channel name is limited to
 *   63 bytes and a schema name may use them all).
 *
 * SQLite has one writer at a time, so its sequence numbers commit in order, and no notifications:
 * there is nothing to do.
 */
export class ArticleEventNotifications1764400000000 implements MigrationInterface {
  name = "ArticleEventNotifications1764400000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) !== "postgres") return;
    await queryRunner.query(`ALTER TABLE article_event ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await queryRunner.query(`CREATE INDEX article_event_tx ON article_event (tx)`);
    await queryRunner.query(
      `CREATE FUNCTION article_event_channel(schema_name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
         SELECT 'article_event_' || md5(schema_name)
       $$`,
    );
    await queryRunner.query(
      // Its search path is the migration's, so it finds article_event_channel in this schema
      // whatever the writing session's path is.
      `CREATE FUNCTION article_event_notify() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
       BEGIN
         PERFORM pg_notify(article_event_channel(TG_TABLE_SCHEMA), '');
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(`CREATE TRIGGER article_event_notify AFTER INSERT ON article_event FOR EACH STATEMENT EXECUTE FUNCTION article_event_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) !== "postgres") return;
    // Dropping the function drops the trigger that calls it.
    await queryRunner.query(`DROP FUNCTION article_event_notify() CASCADE`);
    await queryRunner.query(`DROP FUNCTION article_event_channel(text)`);
    await queryRunner.query(`ALTER TABLE article_event DROP COLUMN tx`);
  }
}
