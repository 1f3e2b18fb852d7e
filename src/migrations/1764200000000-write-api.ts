import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { portableTable } from "../services/sql-dialect";

/**
 * What the write API needs beyond the stories themselves: API keys (only hashes of their secrets),
 * tombstones of deleted stories so their IDs answer as deleted, redirects from merged entities so
 * their old IDs still resolve, and editorial tag overrides that re-ingestion re-applies.
 */
export class WriteApi1764200000000 implements MigrationInterface {
  name = "WriteApi1764200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "api_key",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "name", type: "varchar", length: "200" },
          { name: "role", type: "varchar", length: "16" },
          { name: "prefix", type: "varchar", length: "16" },
          { name: "keyHash", type: "varchar", length: "64" },
          { name: "createdAt", type: "datetime", default: "CURRENT_TIMESTAMP" },
          { name: "revokedAt", type: "datetime", isNullable: true },
        ],
        indices: [
          new TableIndex({ name: "UQ_api_key_hash", columnNames: ["keyHash"], isUnique: true }),
          new TableIndex({ name: "UQ_api_key_prefix", columnNames: ["prefix"], isUnique: true }),
        ],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "deleted_article",
        columns: [
          // The deleted story's own ID: article IDs are AUTOINCREMENT (a sequence on PostgreSQL), so no later story takes it.
          { name: "id", type: "integer", isPrimary: true },
          { name: "identityKey", type: "varchar", length: "64" },
          { name: "deletedAt", type: "datetime", default: "CURRENT_TIMESTAMP" },
        ],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "entity_redirect",
        columns: [
          { name: "fromId", type: "integer", isPrimary: true },
          { name: "intoId", type: "integer" },
          { name: "mergedAt", type: "datetime", default: "CURRENT_TIMESTAMP" },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["intoId"], referencedTableName: "entity", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
        indices: [new TableIndex({ name: "IDX_entity_redirect_into", columnNames: ["intoId"] })],
      })),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, new Table({
        name: "editorial_tag",
        columns: [
          { name: "articleId", type: "integer", isPrimary: true },
          { name: "entityId", type: "integer", isPrimary: true },
          { name: "action", type: "varchar", length: "8" },
          { name: "role", type: "varchar", length: "16", isNullable: true },
          { name: "salience", type: "double precision", isNullable: true },
          { name: "createdAt", type: "datetime", default: "CURRENT_TIMESTAMP" },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["articleId"], referencedTableName: "article", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["entityId"], referencedTableName: "entity", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
        ],
        indices: [new TableIndex({ name: "IDX_editorial_tag_entity", columnNames: ["entityId"] })],
      })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["editorial_tag", "entity_redirect", "deleted_article", "api_key"]) await queryRunner.dropTable(table);
  }
}
