import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/** Left behind by a merge: the removed entity's ID now means the entity it was merged into. */
@Entity("entity_redirect")
export class EntityRedirect {
  @PrimaryColumn({ type: "integer" })
  fromId!: number;

  @Column({ type: "integer" })
  intoId!: number;

  @CreateDateColumn()
  mergedAt!: Date;
}
