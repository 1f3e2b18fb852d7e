import { ObjectType } from "type-graphql";
import { ChildEntity } from "typeorm";
import { NamedEntity } from "./named-entity";
import { Node } from "./node";

/** A person in the news: someone mentioned, quoted or pictured, or a journalist. */
@ChildEntity("PERSON")
@ObjectType({
  implements: [Node, NamedEntity],
  description: "A person in the news: someone a story mentions, quotes or pictures, or who wrote or photographed it.",
})
export class Person extends NamedEntity {
  get nodeType(): "Person" {
    return "Person";
  }
}
