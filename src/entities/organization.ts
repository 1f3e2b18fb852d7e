import { Directive, Field, ObjectType } from "type-graphql";
import { ChildEntity, Column } from "typeorm";
import { ENTITY_CACHE_HINT } from "../cache-hints/cache-control";
import { NamedEntity } from "./named-entity";
import { Node } from "./node";
import { OrganizationKind } from "./organization-kind";

/** A government body, news agency, armed group, party or any other organization. */
@ChildEntity("ORGANIZATION")
@Directive(ENTITY_CACHE_HINT)
@ObjectType({
  implements: [Node, NamedEntity],
  description: "A government body, news agency, armed group, party, company or other organization.",
})
export class Organization extends NamedEntity {
  get nodeType(): "Organization" {
    return "Organization";
  }

  // Named apart from Place's kind: both live in one table (see Place.placeKind).
  @Field(() => OrganizationKind, { name: "kind", description: "What sort of body this is." })
  @Column({ type: "varchar", length: 32, default: OrganizationKind.OTHER })
  organizationKind!: OrganizationKind;
}
