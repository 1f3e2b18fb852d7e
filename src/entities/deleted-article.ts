import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { STORY_CACHE_HINT } from "../cache-hints/cache-control";
import { encodeGlobalId } from "../services/global-id";
import { Node } from "./node";

/**
 * What a deleted story leaves behind: its ID and when it went. `node(id:)` answers with it, so a
 * client holding the ID learns the story is gone (and can drop it from its cache) instead of
 * getting an error. Article IDs are never reused, so the ID keeps this meaning.
 */
@Entity("deleted_article")
@Directive(STORY_CACHE_HINT)
@ObjectType({
  implements: Node,
  description: "A story that was deleted. `node(id:)` returns this for the ID a deleted story had; the story is in no list, search, facet or related coverage any more.",
})
export class DeletedArticle {
  /** The ID the story had. */
  @PrimaryColumn({ type: "integer" })
  id!: number;

  /** The deleted story's identity key, kept to tell which source record it was. */
  @Column({ type: "varchar", length: 64 })
  identityKey!: string;

  @Field(() => Date, { description: "When the story was deleted (UTC)." })
  @Column({ type: Date, default: () => "CURRENT_TIMESTAMP" })
  deletedAt!: Date;

  /** The GraphQL type this object resolves to. */
  get nodeType(): "DeletedArticle" {
    return "DeletedArticle";
  }

  @Field(() => ID, { name: "id", description: "The global ID the story had: the same `Article` ID clients hold." })
  get globalId(): string {
    return encodeGlobalId("Article", this.id);
  }
}
