import { Directive, Field, ObjectType } from "type-graphql";
import { ChildEntity, Column } from "typeorm";
import { ENTITY_CACHE_HINT } from "../cache-hints/cache-control";
import { NamedEntity } from "./named-entity";
import { Node } from "./node";

/**
 * A subject in the taxonomy. The top level follows the IPTC Media Topics; story topics such as
 * "Syria" sit below them.
 */
@ChildEntity("TOPIC")
@Directive(ENTITY_CACHE_HINT)
@ObjectType({
  implements: [Node, NamedEntity],
  description:
    'A subject in the taxonomy. The top level follows the IPTC Media Topics ("conflict, war and peace"); story topics such as "Syria" sit below them.',
})
export class Topic extends NamedEntity {
  get nodeType(): "Topic" {
    return "Topic";
  }

  @Field({ description: 'URL-safe key, stable across renames ("syria").' })
  @Column({ type: "varchar", length: 120, nullable: true })
  slug!: string;

  @Field(() => String, {
    nullable: true,
    description: 'IPTC Media Topic code ("medtop:16000000") where the topic is one; null for story topics.',
  })
  @Column({ type: "varchar", length: 32, nullable: true })
  iptcCode!: string | null;

  /** The broader topic; null at the top level. */
  @Column({ type: "integer", nullable: true })
  parentId!: number | null;
}
