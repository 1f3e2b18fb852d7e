import fs from "node:fs";
import path from "node:path";
import { DataSource, type Logger } from "typeorm";
import type { DatabaseConfig } from "./config";
import { Article } from "./entities/article";
import { ArticleAuthor } from "./entities/article-author";
import { ArticlePhoto } from "./entities/article-photo";
import { ArticleTopic } from "./entities/article-topic";
import { EntityAlias } from "./entities/entity-alias";
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

/** Every TypeORM entity of the graph. */
export const ENTITIES = [
  Article,
  ArticleAuthor,
  ArticlePhoto,
  ArticleTopic,
  EntityAlias,
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
export const MIGRATIONS = [InitialSchema1732060800000, PersonTransliterationKey1764000000000];

/**
 * Opens the database and brings its schema up to date by running pending migrations, so a
 * database made by an older version upgrades in place. SQLite files get WAL, which lets readers
 * go on while a writer commits, and a busy timeout so a second process waits instead of failing.
 */
export async function openDataSource(database: DatabaseConfig, options: { logger?: Logger } = {}): Promise<DataSource> {
  if (database.file !== ":memory:") fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const dataSource = new DataSource({
    type: "sqlite",
    database: database.file,
    enableWAL: database.file !== ":memory:",
    busyTimeout: 10_000,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: "each",
    logger: options.logger,
    logging: options.logger ? ["query", "error"] : ["error"],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
