import { Directive, Field, Int, ObjectType } from "type-graphql";
import { INHERIT_CACHE_HINT } from "../../cache-hints/cache-control";
import { NamedEntity } from "../../entities/named-entity";

/** An entity and how many of the matching stories it accounts for. */
@Directive(INHERIT_CACHE_HINT)
@ObjectType({
  description:
    "An entity and how many of the matching stories it accounts for: those naming it, written or published by it, or filed under it; a place takes in the places inside it and a topic its subtopics, as the filter does.",
})
export class EntityFacetValue {
  @Field(() => NamedEntity, { description: "The person, place, organization or topic." })
  entity!: NamedEntity;

  @Field(() => Int, { description: "Matching stories it accounts for." })
  count!: number;
}
