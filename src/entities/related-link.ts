import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * A link an editor placed under a story. The target is found at read time by URL or slug, so a
 * link to a story ingested later starts working without rewriting the story that links to it.
 */
@Entity("related_link")
export class RelatedLink {
  @PrimaryColumn({ type: "integer" })
  articleId!: number;

  @PrimaryColumn({ type: "integer" })
  position!: number;

  @Column({ type: "varchar", length: 1000 })
  headline!: string;

  /** Slug of the headline, to find the target when the link has no URL. */
  @Column({ type: "varchar", length: 300 })
  slug!: string;

  @Column({ type: "varchar", length: 2000, nullable: true })
  url!: string | null;

  /** The kicker shown above the link ("Syria"). */
  @Column({ type: "varchar", length: 200, nullable: true })
  label!: string | null;
}
