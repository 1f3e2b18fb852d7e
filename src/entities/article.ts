import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from "typeorm";
import { STORY_CACHE_HINT } from "../cache-hints/cache-control";
import { Node } from "./node";

/** A news story: its text, when and where it was filed, and (through edges) what it touches. */
@Entity("article")
@Directive(STORY_CACHE_HINT)
@ObjectType({
  implements: Node,
  description: "A news story: its text, when and where it was filed, and the people, places, organizations, topics and photos it touches.",
})
export class Article extends Node {
  get nodeType(): "Article" {
    return "Article";
  }

  /** What makes a re-ingested story the same story: its URL, else a hash of publisher, headline and date. */
  @Column({ type: "varchar", length: 64 })
  identityKey!: string;

  /** Hash of everything ingested, so an unchanged story is recognised without rewriting it. */
  @Column({ type: "varchar", length: 64 })
  contentHash!: string;

  @Field(() => String, { nullable: true, description: "The publisher's canonical URL for the story; null when it has none." })
  @Column({ type: "varchar", length: 2000, nullable: true })
  url!: string | null;

  @Field({ description: "URL-safe key: the headline in lower case, ASCII letters and digits, words joined by `-`." })
  @Column({ type: "varchar", length: 300 })
  slug!: string;

  @Field({ description: "The headline as published." })
  @Column({ type: "varchar", length: 1000 })
  headline!: string;

  @Field(() => String, { nullable: true, description: "The dek: the sentence or two under the headline." })
  @Column({ type: "text", nullable: true })
  summary!: string | null;

  /** Paragraphs joined by blank lines, so full-text search indexes one column. */
  @Column({ type: "text", name: "body" })
  bodyText!: string;

  @Field(() => [String], { name: "body", description: "The story's text, one string per paragraph, without site boilerplate." })
  get paragraphs(): string[] {
    return this.bodyText.length > 0 ? this.bodyText.split("\n\n") : [];
  }

  @Field(() => Date, { nullable: true, description: "When the story was first published (UTC); null when the source gives no date." })
  @Column({ type: Date, nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the publisher last revised the story (UTC); null when never revised." })
  @Column({ type: Date, nullable: true })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The publisher\'s section ("World", "Middle East").' })
  @Column({ type: "varchar", length: 120, nullable: true })
  section!: string | null;

  @Field({ description: 'BCP 47 language tag of the text ("en").' })
  @Column({ type: "varchar", length: 35, default: "en" })
  language!: string;

  @Field(() => Int, { description: "Words in the headline, summary and body." })
  @Column({ type: "integer" })
  wordCount!: number;

  @Field(() => String, { nullable: true, description: 'The byline as printed ("By Simon Lewis").' })
  @Column({ type: "varchar", length: 500, nullable: true })
  byline!: string | null;

  /** The organization that published the story. */
  @Column({ type: "integer", nullable: true })
  publisherId!: number | null;

  /** The place the story was filed from. */
  @Column({ type: "integer", nullable: true })
  datelineId!: number | null;

  /** When this service first stored the story. */
  @CreateDateColumn()
  ingestedAt!: Date;

  /** When this service last changed the stored story. */
  @UpdateDateColumn()
  revisedAt!: Date;
}
