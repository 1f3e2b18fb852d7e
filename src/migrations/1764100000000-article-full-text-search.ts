import type { MigrationInterface, QueryRunner } from "typeorm";
import { dialectOf, PG_SEARCH_CONFIG, pgIndexedText } from "../services/sql-dialect";

/**
 * Full-text search over headline, summary and body: an SQLite FTS5 index that reads its text from
 * the article table (external content, so the text is stored once) and triggers that keep it in
 * step with every insert, update and delete, then a rebuild for the stories already stored.
 * Accents are folded, so "Zurich" finds "Zürich".
 *
 * PostgreSQL has its own: a stored generated `tsvector` column on `article` (headline weighted A,
 * summary B, body C) with a GIN index, under a text search configuration like FTS5's tokenizer
 * (the `simple` parser and dictionary: no stemming, no stop words). Accents are folded by the
 * `unaccent` extension (part of PostgreSQL's contrib, a trusted extension the database owner may
 * create); where it is not available or may not be created, the configuration keeps accents.
 */
export class ArticleFullTextSearch1764100000000 implements MigrationInterface {
  name = "ArticleFullTextSearch1764100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) === "postgres") return upPostgres(queryRunner);
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
    if (dialectOf(queryRunner) === "postgres") {
      await queryRunner.query(`DROP INDEX "IDX_article_search"`);
      await queryRunner.query(`ALTER TABLE article DROP COLUMN search_vector`);
      await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION ${PG_SEARCH_CONFIG}`);
      return;
    }
    for (const trigger of ["article_search_insert", "article_search_delete", "article_search_update"]) {
      await queryRunner.query(`DROP TRIGGER ${trigger}`);
    }
    await queryRunner.query(`DROP TABLE article_search`);
  }
}

async function upPostgres(queryRunner: QueryRunner): Promise<void> {
  // An extension exists once per database while schemas (one per test graph) each run this, so
  // concurrent runs take turns, and the extension goes to `public`, outside any one schema.
  await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('content-graph: unaccent'))`);
  const [{ installed, creatable }] = await queryRunner.query(
    `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') AS installed,
            EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent')
              AND has_database_privilege(current_database(), 'CREATE')
              AND has_schema_privilege('public', 'CREATE') AS creatable`,
  );
  if (!installed && creatable) await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
  const folding = installed || creatable ? "unaccent, simple" : "simple";
  await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION ${PG_SEARCH_CONFIG} (COPY = simple)`);
  await queryRunner.query(`ALTER TEXT SEARCH CONFIGURATION ${PG_SEARCH_CONFIG} ALTER MAPPING FOR hword, hword_part, word WITH ${folding}`);
  const weighted = (column: string, weight: string) => `setweight(to_tsvector('${PG_SEARCH_CONFIG}', ${pgIndexedText(column)}), '${weight}')`;
  await queryRunner.query(
    `ALTER TABLE article ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (${weighted("headline", "A")} || ${weighted("summary", "B")} || ${weighted("body", "C")}) STORED`,
  );
  await queryRunner.query(`CREATE INDEX "IDX_article_search" ON article USING GIN (search_vector)`);
}
