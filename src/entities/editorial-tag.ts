import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/**
 * An editor's decision about one entity or topic of one story: tag it (`ADD`, with an optional role
 * and salience, or weight for a topic) or keep it off (`REMOVE`). Stored apart from the mentions so
 * that re-ingesting the story, which rewrites its mentions, applies the decision again.
 */
@Entity("editorial_tag")
export class EditorialTag {
  @PrimaryColumn({ type: "integer" })
  articleId!: number;

  @PrimaryColumn({ type: "integer" })
  entityId!: number;

  @Column({ type: "varchar", length: 8 })
  action!: "ADD" | "REMOVE";

  @Column({ type: "varchar", length: 16, nullable: true })
  role!: string | null;

  /** Salience of an entity, or weight of a topic; measured from the text when null. */
  @Column({ type: "double precision", nullable: true })
  salience!: number | null;

  @CreateDateColumn()
  createdAt!: Date;
}
