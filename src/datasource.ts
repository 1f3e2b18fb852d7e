import fs from "node:fs";
import path from "node:path";
import sqlite3 from "sqlite3";
import { DataSource, type Logger } from "typeorm";
import type { DatabaseConfig } from "./config";
import { ApiKey } from "./entities/api-key";
import { Article } from "./entities/article";
import { ArticleAuthor } from "./entities/article-author";
import { ArticlePhoto } from "./entities/article-photo";
import { ArticleTopic } from "./entities/article-topic";
import { DeletedArticle } from "./entities/deleted-article";
import { EditorialTag } from "./entities/editorial-tag";
import { EntityAlias } from "./entities/entity-alias";
import { EntityRedirect } from "./entities/entity-redirect";
import { Mention } from "./entities/mention";
import { NamedEntity } from "./entities/named-entity";
import { Organization } from "./entities/organization";
import { Person } from "./entities/person";
import { Photo } from "./entities/photo";
import { PhotoDepiction } from "./entities/photo-depiction";
import { Place } from "./entities/place";
import { RelatedLink } from "./entities/related-link";
import { Topic } from "./entities/topic";
import { InitialSchema1732060800000 } from "./migrations/1732060800000-initial-schema";
import { PersonTransliterationKey1764000000000 } from "./migrations/1764000000000-person-transliteration-key";
import { ArticleFullTextSearch1764100000000 } from "./migrations/1764100000000-article-full-text-search";
import { EntityNameKeyIndex1764150000000 } from "./migrations/1764150000000-entity-name-key-index";
import { WriteApi1764200000000 } from "./migrations/1764200000000-write-api";
import { ArticleEvents1764300000000 } from "./migrations/1764300000000-article-events";
import { ArticleEventNotifications1764400000000 } from "./migrations/1764400000000-article-event-notifications";
import { EdgePublicationOrder1764500000000 } from "./migrations/1764500000000-edge-publication-order";
import { SearchIndexWithoutPendingList1764600000000 } from "./migrations/1764600000000-search-index-without-pending-list";
import { ArticleRecencyIndex1764700000000 } from "./migrations/1764700000000-article-recency-index";

/** Every TypeORM entity of the graph. */
export const ENTITIES = [
  ApiKey,
  Article,
  ArticleAuthor,
  ArticlePhoto,
  ArticleTopic,
  DeletedArticle,
  EditorialTag,
  EntityAlias,
  EntityRedirect,
  Mention,
  NamedEntity,
  Organization,
  Person,
  Photo,
  PhotoDepiction,
  Place,
  RelatedLink,
  Topic,
];

/** Every migration, oldest first; `openDataSource` runs the pending ones. */
export const MIGRATIONS = [
  InitialSchema1732060800000,
  PersonTransliterationKey1764000000000,
  ArticleFullTextSearch1764100000000,
  EntityNameKeyIndex1764150000000,
  WriteApi1764200000000,
  ArticleEvents1764300000000,
  ArticleEventNotifications1764400000000,
  EdgePublicationOrder1764500000000,
  SearchIndexWithoutPendingList1764600000000,
  ArticleRecencyIndex1764700000000,
];

/**
 * Opens the database and brings its schema up to date by running pending migrations, so a
 * database made by an older version upgrades in place. SQLite files get WAL, which lets readers
 * go on while a writer commits, and a busy timeout so a second process waits instead of failing.
 * PostgreSQL sessions run in UTC, so date arithmetic in SQL agrees with SQLite's, and in the
 * configured schema when one is given (tests give each graph its own), which is created when
 * missing. `migrations` replaces {@link MIGRATIONS}, so a test can make an older version's database.
 * On PostgreSQL the schema is created and migrated under {@link underStartupLock}, so replicas may
 * start together.
 */
export async function openDataSource(database: DatabaseConfig, options: { logger?: Logger; migrations?: Function[] } = {}): Promise<DataSource> {
  const common = {
    entities: ENTITIES,
    migrations: options.migrations ?? MIGRATIONS,
    migrationsTransactionMode: "each" as const,
    logger: options.logger,
    logging: options.logger ? (["query", "error"] as const) : (["error"] as const),
  };
  if (database.kind === "postgres") {
    const searchPath = database.schema ? `-c search_path=${database.schema},public ` : "";
    const dataSource = new DataSource({
      type: "postgres",
      url: database.url,
      schema: database.schema,
      // `options` is passed to the server at connection start: every pooled session gets it.
      extra: { options: `${searchPath}-c TimeZone=UTC` },
      ...common,
      logging: [...common.logging],
    });
    await dataSource.initialize();
    await underStartupLock(dataSource, async () => {
      if (database.schema) await createSchemaIfMissing(dataSource, database.schema);
      await dataSource.runMigrations();
    });
    return dataSource;
  }
  if (database.file !== ":memory:") fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const dataSource = new DataSource({
    type: "sqlite",
    // TypeORM turns on sqlite3's verbose mode, which records a stack trace on every statement;
    // handing it the plain driver keeps the traces out of the hot path.
    driver: { ...sqlite3, verbose: () => sqlite3 },
    database: database.file,
    enableWAL: database.file !== ":memory:",
    busyTimeout: 10_000,
    ...common,
    logging: [...common.logging],
  });
  await dataSource.initialize();
  // With WAL, NORMAL syncs at checkpoints rather than at every commit: a killed process loses no
  // committed story, only a power cut may lose the last few, and commits get much cheaper.
  if (database.file !== ":memory:") await dataSource.query("PRAGMA synchronous = NORMAL");
  await dataSource.runMigrations();
  return dataSource;
}

/**
 * Creates the schema a `?schema=` URL names unless it exists. Looked up first, because PostgreSQL
 * checks the CREATE privilege on the database even for `CREATE SCHEMA IF NOT EXISTS`, and a role
 * may be given an existing schema without that privilege.
 */
async function createSchemaIfMissing(dataSource: DataSource, schema: string): Promise<void> {
  const [{ exists }] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS exists`, [schema]);
  // The name is checked by parseDatabaseUrl ([a-z_][a-z0-9_]*), so it needs no quoting.
  if (!exists) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
}

/**
 * Runs `work` (migrating, loading the shipped data) while no other process does the same to this
 * database. On PostgreSQL, N replicas starting at once would otherwise all find the same
 * migrations pending and run them together, and all but one fail ("duplicate key value violates
 * unique constraint"): under an advisory lock named after the schema, held by a connection of its
 * own and released when `work` ends, the first replica migrates and the others then find nothing
 * to do. On SQLite it just runs `work`: replicas there share one machine and are started one by one.
 */
export async function underStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== "postgres") return work();
  const key = `content-graph start-up of schema ${dataSource.options.schema ?? "public"}`;
  const holder = dataSource.createQueryRunner();
  try {
    await holder.query(`SELECT pg_advisory_lock(hashtext($1))`, [key]);
    try {
      return await work();
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key]);
    }
  } finally {
    await holder.release();
  }
}
