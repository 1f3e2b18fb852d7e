import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Topic } from "./topic";

/** A story filed under a topic, with how much of it is about the topic. */
@Entity("article_topic")
export class ArticleTopic {
  @PrimaryColumn({ type: "integer" })
  articleId!: number;

  @PrimaryColumn({ type: "integer" })
  topicId!: number;

  @ManyToOne(() => Topic, { createForeignKeyConstraints: false })
  @JoinColumn({ name: "topicId" })
  topic!: Topic;

  /** 0..1; editorial tags default to 1. */
  @Column({ type: "double precision" })
  weight!: number;
}
