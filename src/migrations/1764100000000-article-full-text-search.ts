import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Full-text search over headline, summary and body: an SQLite FTS5 index that reads its text from
 * the article table (external content, so the text is stored once) and triggers that keep it in
 * step with every insert, update and delete, then a rebuild for the stories already stored.
 * Accents are folded, so "Zurich" finds "Zürich".
 */
export class ArticleFullTextSearch1764100000000 implements MigrationInterface {
  name = "ArticleFullTextSearch1764100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const indexed = (row: "new" | "old") => `${row}.id, ${row}.headline, coalesce(${row}.summary, ''), ${row}.body`;
    await queryRunner.query(
      `CREATE VIRTUAL TABLE article_search USING fts5(headline, summary, body, content='article', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER article_search_insert AFTER INSERT ON article BEGIN
         INSERT INTO article_search(rowid, headline, summary, body) VALUES (${indexed("new")});
       END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
         INSERT INTO article_search(article_search, rowid, headline, summary, body) VALUES ('delete', ${indexed("old")});
       END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER article_search_update AFTER UPDATE OF headline, summary, body ON article BEGIN
         INSERT INTO article_search(article_search, rowid, headline, summary, body) VALUES ('delete', ${indexed("old")});
         INSERT INTO article_search(rowid, headline, summary, body) VALUES (${indexed("new")});
       END`,
    );
    await queryRunner.query(`INSERT INTO article_search(article_search) VALUES ('rebuild')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ["article_search_insert", "article_search_delete", "article_search_update"]) {
      await queryRunner.query(`DROP TRIGGER ${trigger}`);
    }
    await queryRunner.query(`DROP TABLE article_search`);
  }
}
