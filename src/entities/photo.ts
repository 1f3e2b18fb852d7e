import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { ENTITY_CACHE_HINT } from "../cache-hints/cache-control";
import { Node } from "./node";

/** A news photo with its caption and the credit line parsed into who took it and for whom. */
@Entity("photo")
@Directive(ENTITY_CACHE_HINT)
@ObjectType({
  implements: Node,
  description: "A news photo: its caption, the credit line, and who took it, for which agency, where, when and of whom.",
})
export class Photo extends Node {
  get nodeType(): "Photo" {
    return "Photo";
  }

  /** What makes the same photo in two stories one photo: its URL, else a hash of caption and credit. */
  @Column({ type: "varchar", length: 64 })
  identityKey!: string;

  @Field(() => String, { nullable: true, description: "Address of the image file; null when only the caption is known." })
  @Column({ type: "varchar", length: 2000, nullable: true })
  url!: string | null;

  @Field({ description: "The caption as published." })
  @Column({ type: "text" })
  caption!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The credit line as printed ("BRYAN R. SMITH/Pool via Reuters/File Photo").',
  })
  @Column({ type: "varchar", length: 500, nullable: true })
  credit!: string | null;

  @Field({ description: "True when the photo was taken by a pool photographer and shared among outlets." })
  @Column({ type: "boolean", default: false })
  isPool!: boolean;

  @Field({ description: "True when the photo is a file photo: taken earlier, not at the events of the story." })
  @Column({ type: "boolean", default: false })
  isFilePhoto!: boolean;

  @Field(() => Date, { nullable: true, description: "When the photo was taken (UTC); null when unknown." })
  @Column({ type: Date, nullable: true })
  takenAt!: Date | null;

  /** The person credited with the photo. */
  @Column({ type: "integer", nullable: true })
  photographerId!: number | null;

  /** The agency that distributes the photo. */
  @Column({ type: "integer", nullable: true })
  agencyId!: number | null;

  /** Where the photo was taken. */
  @Column({ type: "integer", nullable: true })
  takenInId!: number | null;
}
