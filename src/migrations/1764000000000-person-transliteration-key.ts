import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { transliterationKey } from "../services/names";

/**
 * Adds the transliteration key of people's names, so "Qassem Soleimani" in one story links to
 * "Qasem Soleimani" of another, and fills it for the people already stored.
 */
export class PersonTransliterationKey1764000000000 implements MigrationInterface {
  name = "PersonTransliterationKey1764000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("entity", new TableColumn({ name: "transliterationKey", type: "varchar", length: "300", isNullable: true }));
    await queryRunner.createIndex("entity", new TableIndex({ name: "IDX_entity_transliteration", columnNames: ["type", "transliterationKey"] }));
    const people: Array<{ id: number; name: string }> = await queryRunner.query(`SELECT id, name FROM entity WHERE type = 'PERSON'`);
    for (const person of people) {
      await queryRunner.manager
        .createQueryBuilder()
        .update("entity")
        .set({ transliterationKey: transliterationKey(person.name) })
        .where("id = :id", { id: person.id })
        .execute();
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("entity", "IDX_entity_transliteration");
    await queryRunner.dropColumn("entity", "transliterationKey");
  }
}
