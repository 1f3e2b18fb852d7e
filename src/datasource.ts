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
import { EdgePublicationOrder1764500000000 } from "./migrations/1764500000000-edge-publication-order";
import { SearchIndexWithoutPendingList1764600000000 } from "./migrations/1764600000000-search-index-without-pending-list";

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
  EdgePublicationOrder1764500000000,
  SearchIndexWithoutPendingList1764600000000,
];

/**
 * Opens the database and brings its schema up to date by running pending migrations, so a
 * database made by an older version upgrades in place. SQLite files get WAL, which lets readers
 * go on while a writer commits, and a busy timeout so a second process waits instead of failing.
 * PostgreSQL sessions run in UTC, so date arithmetic in SQL agrees with SQLite's, and in the
 * configured schema when one is given (tests give each graph its own).
 */
export async function openDataSource(database: DatabaseConfig, options: { logger?: Logger } = {}): Promise<DataSource> {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
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
    await dataSource.runMigrations();
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
