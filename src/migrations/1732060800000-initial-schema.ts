import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import type { TableColumnOptions } from "typeorm/schema-builder/options/TableColumnOptions";
import { portableTable } from "../services/sql-dialect";

const id: TableColumnOptions = { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" };
const timestamp = (name: string, nullable = false): TableColumnOptions =>
  nullable ? { name, type: "datetime", isNullable: true } : { name, type: "datetime", default: "CURRENT_TIMESTAMP" };
const text = (name: string, length?: number, nullable = false): TableColumnOptions =>
  length ? { name, type: "varchar", length: String(length), isNullable: nullable } : { name, type: "text", isNullable: nullable };
const integer = (name: string, nullable = false): TableColumnOptions => ({ name, type: "integer", isNullable: nullable });
const real = (name: string, nullable = false): TableColumnOptions => ({ name, type: "double precision", isNullable: nullable });
const flag = (name: string): TableColumnOptions => ({ name, type: "boolean", default: false });
const references = (column: string, table: string, onDelete: "CASCADE" | "SET NULL") =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ["id"], onDelete });

/**
 * The first schema of the graph. Written with TypeORM's schema builder rather than raw SQL so the
 * same migration runs on each database TypeORM supports.
 */
export class InitialSchema1732060800000 implements MigrationInterface {
  name = "InitialSchema1732060800000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "entity",
        columns: [
          id,
          text("type", 16),
          text("name", 300),
          text("nameKey", 300),
          text("description", undefined, true),
          text("wikidataId", 32, true),
          text("organizationKind", 32, true),
          text("placeKind", 32, true),
          real("latitude", true),
          real("longitude", true),
          text("isoCode", 2, true),
          integer("containedInId", true),
          text("slug", 120, true),
          text("iptcCode", 32, true),
          integer("parentId", true),
          timestamp("createdAt"),
          timestamp("updatedAt"),
        ],
        foreignKeys: [references("containedInId", "entity", "SET NULL"), references("parentId", "entity", "SET NULL")],
        indices: [
          new TableIndex({ name: "UQ_entity_type_name", columnNames: ["type", "nameKey"], isUnique: true }),
          new TableIndex({ name: "UQ_entity_slug", columnNames: ["slug"], isUnique: true }),
          new TableIndex({ name: "IDX_entity_containedIn", columnNames: ["containedInId"] }),
          new TableIndex({ name: "IDX_entity_parent", columnNames: ["parentId"] }),
        ],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "entity_alias",
        columns: [
          { ...integer("entityId"), isPrimary: true },
          { ...text("alias", 300), isPrimary: true },
          text("aliasKey", 300),
        ],
        foreignKeys: [references("entityId", "entity", "CASCADE")],
        indices: [new TableIndex({ name: "IDX_entity_alias_key", columnNames: ["aliasKey"] })],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "article",
        columns: [
          id,
          text("identityKey", 64),
          text("contentHash", 64),
          text("url", 2000, true),
          text("slug", 300),
          text("headline", 1000),
          text("summary", undefined, true),
          text("body"),
          timestamp("publishedAt", true),
          timestamp("updatedAt", true),
          text("section", 120, true),
          { ...text("language", 35), default: "'en'" },
          integer("wordCount"),
          text("byline", 500, true),
          integer("publisherId", true),
          integer("datelineId", true),
          timestamp("ingestedAt"),
          timestamp("revisedAt"),
        ],
        foreignKeys: [references("publisherId", "entity", "SET NULL"), references("datelineId", "entity", "SET NULL")],
        indices: [
          new TableIndex({ name: "UQ_article_identity", columnNames: ["identityKey"], isUnique: true }),
          new TableIndex({ name: "UQ_article_url", columnNames: ["url"], isUnique: true }),
          new TableIndex({ name: "UQ_article_slug", columnNames: ["slug"], isUnique: true }),
          new TableIndex({ name: "IDX_article_published", columnNames: ["publishedAt", "id"] }),
          new TableIndex({ name: "IDX_article_dateline", columnNames: ["datelineId"] }),
          new TableIndex({ name: "IDX_article_publisher", columnNames: ["publisherId"] }),
        ],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "article_author",
        columns: [{ ...integer("articleId"), isPrimary: true }, { ...integer("personId"), isPrimary: true }, integer("position")],
        foreignKeys: [references("articleId", "article", "CASCADE"), references("personId", "entity", "CASCADE")],
        indices: [new TableIndex({ name: "IDX_article_author_person", columnNames: ["personId", "articleId"] })],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "article_mention",
        columns: [id, integer("articleId"), integer("entityId"), text("role", 16), real("salience"), integer("count"), text("evidence", undefined, true)],
        foreignKeys: [references("articleId", "article", "CASCADE"), references("entityId", "entity", "CASCADE")],
        indices: [
          new TableIndex({ name: "UQ_article_mention", columnNames: ["articleId", "entityId"], isUnique: true }),
          new TableIndex({ name: "IDX_article_mention_entity", columnNames: ["entityId", "articleId"] }),
        ],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "article_topic",
        columns: [{ ...integer("articleId"), isPrimary: true }, { ...integer("topicId"), isPrimary: true }, real("weight")],
        foreignKeys: [references("articleId", "article", "CASCADE"), references("topicId", "entity", "CASCADE")],
        indices: [new TableIndex({ name: "IDX_article_topic_topic", columnNames: ["topicId", "articleId"] })],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "photo",
        columns: [
          id,
          text("identityKey", 64),
          text("url", 2000, true),
          text("caption"),
          text("credit", 500, true),
          flag("isPool"),
          flag("isFilePhoto"),
          timestamp("takenAt", true),
          integer("photographerId", true),
          integer("agencyId", true),
          integer("takenInId", true),
        ],
        foreignKeys: [
          references("photographerId", "entity", "SET NULL"),
          references("agencyId", "entity", "SET NULL"),
          references("takenInId", "entity", "SET NULL"),
        ],
        indices: [
          new TableIndex({ name: "UQ_photo_identity", columnNames: ["identityKey"], isUnique: true }),
          new TableIndex({ name: "IDX_photo_photographer", columnNames: ["photographerId"] }),
          new TableIndex({ name: "IDX_photo_taken_in", columnNames: ["takenInId"] }),
        ],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "article_photo",
        columns: [{ ...integer("articleId"), isPrimary: true }, { ...integer("photoId"), isPrimary: true }, integer("position")],
        foreignKeys: [references("articleId", "article", "CASCADE"), references("photoId", "photo", "CASCADE")],
        indices: [new TableIndex({ name: "IDX_article_photo_photo", columnNames: ["photoId", "articleId"] })],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "photo_depiction",
        columns: [{ ...integer("photoId"), isPrimary: true }, { ...integer("personId"), isPrimary: true }, integer("position")],
        foreignKeys: [references("photoId", "photo", "CASCADE"), references("personId", "entity", "CASCADE")],
        indices: [new TableIndex({ name: "IDX_photo_depiction_person", columnNames: ["personId", "photoId"] })],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "related_link",
        columns: [
          { ...integer("articleId"), isPrimary: true },
          { ...integer("position"), isPrimary: true },
          text("headline", 1000),
          text("slug", 300),
          text("url", 2000, true),
          text("label", 200, true),
        ],
        foreignKeys: [references("articleId", "article", "CASCADE")],
      })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      "related_link",
      "photo_depiction",
      "article_photo",
      "photo",
      "article_topic",
      "article_mention",
      "article_author",
      "article",
      "entity_alias",
      "entity",
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
