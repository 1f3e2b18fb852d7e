import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Photo } from "./photo";

/** A photo placed in a story, in page order (0 is the lead photo). */
@Entity("article_photo")
export class ArticlePhoto {
  @PrimaryColumn({ type: "integer" })
  articleId!: number;

  @PrimaryColumn({ type: "integer" })
  photoId!: number;

  @ManyToOne(() => Photo, { createForeignKeyConstraints: false })
  @JoinColumn({ name: "photoId" })
  photo!: Photo;

  @Column({ type: "integer" })
  position!: number;
}
