import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Indexes entities by folded name alone. Ingestion looks a story's names up without knowing
 * their type (a name extraction calls a place may be registered as an organization), and the
 * unique index on (type, name) cannot serve that: without this one every lookup read the whole
 * table, so ingestion slowed as the graph grew.
 */
export class EntityNameKeyIndex1764150000000 implements MigrationInterface {
  name = "EntityNameKeyIndex1764150000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex("entity", new TableIndex({ name: "IDX_entity_name_key", columnNames: ["nameKey"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("entity", "IDX_entity_name_key");
  }
}
