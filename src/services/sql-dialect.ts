import { Table, type DataSource, type EntityManager, type QueryRunner } from "typeorm";
import type { SearchMatch } from "./search/search-query";

/**
 * The SQL dialects the service runs on. Hand-written SQL is written once in the syntax both
 * accept (double-quoted camelCase identifiers, `IS NOT TRUE`, recursive CTEs, window functions);
 * what they cannot share lives here, so a difference is decided in one place.
 */
export type SqlDialect = "sqlite" | "postgres";

/** The dialect of a connection, entity manager or migration's query runner. */
export function dialectOf(source: DataSource | EntityManager | QueryRunner): SqlDialect {
  const connection = "connection" in source ? source.connection : source;
  return connection.options.type === "postgres" ? "postgres" : "sqlite";
}

/**
 * The table as this dialect declares it. Migrations are written with SQLite's `datetime`, which
 * TypeORM's PostgreSQL driver passes through verbatim and PostgreSQL does not know: there it
 * becomes `timestamptz`, an instant, so sessions in any time zone read the same moment.
 */
export function portableTable(queryRunner: QueryRunner, table: Table): Table {
  if (dialectOf(queryRunner) === "sqlite") return table;
  const portable = table.clone();
  for (const column of portable.columns) if (column.type === "datetime") column.type = "timestamptz";
  return portable;
}

/** The larger of two non-null values: SQLite's scalar `max(a, b)` is PostgreSQL's `greatest`. */
export function greatestSql(manager: EntityManager, a: string, b: string): string {
  return `${dialectOf(manager) === "postgres" ? "greatest" : "max"}(${a}, ${b})`;
}

/**
 * SQL for a timestamp column moved by `:param` days (a bound number, negative for earlier),
 * comparable with stored timestamps: SQLite stores text, so the result is text in the same form.
 */
export function shiftedTimestampSql(manager: EntityManager, column: string, param: string): string {
  return dialectOf(manager) === "postgres"
    ? `(${column} + CAST(:${param} AS integer) * interval '1 day')`
    : `strftime('%Y-%m-%d %H:%M:%f', ${column}, CAST(:${param} AS integer) || ' days')`;
}

/**
 * The text search configuration of PostgreSQL's full-text index (see the migration
 * ArticleFullTextSearch1764100000000): the `simple` parser and dictionary, as SQLite's unicode61
 * tokenizer (no stemming, no stop words), with accents folded by `unaccent` when it is installed.
 */
export const PG_SEARCH_CONFIG = "article_search";

/**
 * Stand-ins for `<`, `>` and `/` in the text PostgreSQL indexes and highlights: its parser reads
 * `<script>` as a markup tag and `/script` as a file path, indexing no word "script" where FTS5
 * finds one. Private-use characters are neither words nor tags nor paths, and
 * {@link highlightedText} turns them back.
 */
const PG_STAND_INS = { from: "<>/", to: "\uE002\uE003\uE004" };

/**
 * The text of a column as PostgreSQL's full-text index reads it (see PG_STAND_INS); the
 * migration's generated column is built from this, so changing it needs a new migration.
 */
export function pgIndexedText(column: string): string {
  return `translate(coalesce(${column}, ''), '${PG_STAND_INS.from}', '${PG_STAND_INS.to}')`;
}

/** Column weights of relevance: a term in the headline counts ten times one in the body. */
const BM25_WEIGHTS = "10.0, 4.0, 1.0";
/** The same weights for PostgreSQL's ts_rank_cd, in its order {D, C, B, A}: body C, summary B, headline A. */
const PG_RANK_WEIGHTS = "{0.0, 0.1, 0.4, 1.0}";

/** The words around a match that a snippet shows (FTS5 counts tokens; ts_headline counts words). */
const SNIPPET_WORDS = 24;

/**
 * How much of a story PostgreSQL's `ts_headline` reads for a snippet. It parses the whole text it
 * is given, so a page of long stories cost 54 ms for 660 KB of text (the real corpora's twenty
 * most relevant stories for "the"), 17 ms for their first 10,000 characters. A story whose only
 * match lies further in shows its opening, unmarked; Solr bounds its highlighter the same way
 * (`hl.maxAnalyzedChars`). FTS5's snippet reads the whole story in a fraction of that time.
 */
const PG_SNIPPET_TEXT_CHARS = 10_000;

/** The compiled match expression of the dialect, to bind as the `match` parameter of the SQL below. */
export function matchExpression(manager: EntityManager, match: SearchMatch): string {
  return dialectOf(manager) === "postgres" ? match.tsquery : match.fts5;
}

/** A condition on the story alias `a`: the story matches the bound match expression `:param`. */
export function textMatchCondition(manager: EntityManager, param: string): string {
  return dialectOf(manager) === "postgres"
    ? `a.search_vector @@ to_tsquery('${PG_SEARCH_CONFIG}', :${param})`
    : `a.id IN (SELECT rowid FROM article_search WHERE article_search MATCH :${param})`;
}

/**
 * SQL listing the newest `:cap` stories that match `:match` and `conditions` (on alias `a`), with
 * `id`, `relevance` (higher is better: BM25 on SQLite, ts_rank_cd on PostgreSQL, both weighting
 * headline 10, summary 4, body 1) and `publishedAt`. SQLite reads the dates from
 * `IDX_article_recency` rather than the rows, which hold them after the body (see its migration).
 */
export function rankedMatchesSql(manager: EntityManager, conditions: string[]): string {
  const and = conditions.map((condition) => `AND ${condition}`).join(" ");
  return dialectOf(manager) === "postgres"
    ? `SELECT a.id, ts_rank_cd('${PG_RANK_WEIGHTS}', a.search_vector, q) AS relevance, a."publishedAt"
       FROM article a, to_tsquery('${PG_SEARCH_CONFIG}', :match) q
       WHERE a.search_vector @@ q ${and}
       ORDER BY a.id DESC LIMIT :cap`
    : `SELECT s.rowid AS id, -bm25(article_search, ${BM25_WEIGHTS}) AS relevance, a."publishedAt"
       FROM article_search s JOIN article a INDEXED BY "IDX_article_recency" ON a.id = s.rowid
       WHERE article_search MATCH :match ${and}
       ORDER BY s.rowid DESC LIMIT :cap`;
}

/**
 * SQL counting the stories that match `:match` as `total`, from the full-text index alone: on
 * SQLite the index holds one row per story, and counting them never reads a story; on PostgreSQL
 * when run {@link withoutSequentialScan}.
 */
export function matchCountSql(manager: EntityManager): string {
  return dialectOf(manager) === "postgres"
    ? `SELECT COUNT(*) AS total FROM article a WHERE a.search_vector @@ to_tsquery('${PG_SEARCH_CONFIG}', :match)`
    : `SELECT COUNT(*) AS total FROM article_search WHERE article_search MATCH :match`;
}

/**
 * Runs `read` in a transaction of its own with PostgreSQL's sequential scans off, for a statement
 * whose filter PostgreSQL misprices; on SQLite it just runs `read`. Testing `search_vector @@ q`
 * on a row reads the row's tsvector, which PostgreSQL stores compressed out of line, yet the
 * planner prices the test like a comparison of two numbers: it counted the stories holding a word
 * found in 85% of them by testing every row (42 ms on 10,000 stories) rather than from the GIN
 * index (3 ms), whose match needs no recheck of the row. `SET LOCAL` ends with the transaction,
 * so the pooled connection keeps its settings.
 */
export async function withoutSequentialScan<T>(manager: EntityManager, read: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dialectOf(manager) !== "postgres") return read(manager);
  return manager.transaction(async (inTransaction) => {
    await inTransaction.query("SET LOCAL enable_seqscan = off");
    return read(inTransaction);
  });
}

/**
 * SQL giving, for the stories `:...ids` that match `:match`, a `snippet` (a passage around the
 * matched terms), the `headline` with every match marked, and, when asked, `relevance` as in
 * {@link rankedMatchesSql}. Matches are wrapped in `:open` and `:close`. BM25 needs how many
 * stories hold each term, which FTS5 learns by reading the term's whole list of stories: for a
 * common word that is most of the cost, so it is computed only when the caller needs it.
 */
export function matchDetailsSql(manager: EntityManager, withRelevance: boolean): string {
  if (dialectOf(manager) === "postgres") {
    // ts_headline takes its marks in an options string; they are bound, never spliced in.
    const options = (extra: string) => `concat('StartSel="', CAST(:open AS text), '", StopSel="', CAST(:close AS text), '", ${extra}')`;
    return `SELECT a.id,
              ts_headline('${PG_SEARCH_CONFIG}', ${pgIndexedText(`left(concat_ws(' ', a.headline, a.summary, a.body), ${PG_SNIPPET_TEXT_CHARS})`)}, q,
                ${options(`MaxFragments=1, MaxWords=${SNIPPET_WORDS}, MinWords=${SNIPPET_WORDS / 2}, ShortWord=0, FragmentDelimiter=" … "`)}) AS snippet,
              ts_headline('${PG_SEARCH_CONFIG}', ${pgIndexedText("a.headline")}, q, ${options("HighlightAll=true")}) AS headline
              ${withRelevance ? `, ts_rank_cd('${PG_RANK_WEIGHTS}', a.search_vector, q) AS relevance` : ""}
       FROM article a, to_tsquery('${PG_SEARCH_CONFIG}', :match) q
       WHERE a.search_vector @@ q AND a.id IN (:...ids)`;
  }
  return `SELECT rowid AS id,
            snippet(article_search, -1, :open, :close, '…', ${SNIPPET_WORDS}) AS snippet,
            highlight(article_search, 0, :open, :close) AS headline
            ${withRelevance ? `, -bm25(article_search, ${BM25_WEIGHTS}) AS relevance` : ""}
     FROM article_search WHERE article_search MATCH :match AND rowid IN (:...ids)`;
}

/**
 * Highlighted text as FTS5 gives it. On PostgreSQL the characters of PG_STAND_INS come back,
 * and since ts_headline marks each word of a phrase on its own (`[state] [of] [emergency]`) where
 * FTS5 marks the phrase once (`[state of emergency]`), marks separated only by spaces are joined.
 */
export function highlightedText(manager: EntityManager, text: string, open: string, close: string): string {
  if (dialectOf(manager) === "sqlite") return text;
  const restored = [...PG_STAND_INS.to].reduce((result, standIn, index) => result.replaceAll(standIn, PG_STAND_INS.from[index]), text);
  return restored.replace(new RegExp(`${close}(\\s+)${open}`, "gu"), "$1");
}
