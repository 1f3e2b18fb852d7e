import { Directive, ObjectType } from "type-graphql";
import { ChildEntity, Column } from "typeorm";
import { ENTITY_CACHE_HINT } from "../cache-hints/cache-control";
import { NamedEntity } from "./named-entity";
import { Node } from "./node";

/** A person in the news: someone mentioned, quoted or pictured, or a journalist. */
@ChildEntity("PERSON")
@Directive(ENTITY_CACHE_HINT)
@ObjectType({
  implements: [Node, NamedEntity],
  description: "A person in the news: someone a story mentions, quotes or pictures, or who wrote or photographed it.",
})
export class Person extends NamedEntity {
  get nodeType(): "Person" {
    return "Person";
  }

  /** The name folded by `transliterationKey`, to link spellings of one name across stories. */
  @Column({ type: "varchar", length: 300, nullable: true })
  transliterationKey!: string | null;
}
