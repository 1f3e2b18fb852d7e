import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { INHERIT_CACHE_HINT } from "../cache-hints/cache-control";
import { NamedEntity } from "./named-entity";
import { MentionRole } from "./mention-role";

/** The edge between a story and an entity it names, with how and how much. */
@Entity("article_mention")
@Directive(INHERIT_CACHE_HINT)
@ObjectType({ description: "An entity as a story names it: in what role, how centrally, how often, and where first." })
export class Mention {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "integer" })
  articleId!: number;

  @Column({ type: "integer" })
  entityId!: number;

  @Field(() => NamedEntity, { description: "The person, place or organization named." })
  @ManyToOne(() => NamedEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: "entityId" })
  entity!: NamedEntity;

  @Field(() => MentionRole, { description: "How the entity figures in the story." })
  @Column({ type: "varchar", length: 16 })
  role!: MentionRole;

  @Field(() => Float, {
    description: "How central the entity is to the story, 0 to 1, from the headline, the lead and how often it is named.",
  })
  @Column({ type: "double precision" })
  salience!: number;

  @Field(() => Int, { description: "How many times the text names the entity, by any of its names." })
  @Column({ type: "integer" })
  count!: number;

  @Field(() => String, { nullable: true, description: "The first sentence that names the entity; null for entities tagged but not named in the text." })
  @Column({ type: "text", nullable: true })
  evidence!: string | null;
}
