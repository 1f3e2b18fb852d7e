import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Person } from "./person";

/** A byline credit: which person wrote which story, in byline order. */
@Entity("article_author")
export class ArticleAuthor {
  @PrimaryColumn({ type: "integer" })
  articleId!: number;

  @PrimaryColumn({ type: "integer" })
  personId!: number;

  @ManyToOne(() => Person, { createForeignKeyConstraints: false })
  @JoinColumn({ name: "personId" })
  person!: Person;

  @Column({ type: "integer" })
  position!: number;
}
