import { Directive, Field, Int, ObjectType } from "type-graphql";
import { INHERIT_CACHE_HINT } from "../../cache-hints/cache-control";

/** A section and how many of the matching stories are in it. */
@Directive(INHERIT_CACHE_HINT)
@ObjectType({ description: "A publisher's section and how many of the matching stories are in it." })
export class SectionFacetValue {
  @Field({ description: 'The section as the publisher names it ("World").' })
  section!: string;

  @Field(() => Int, { description: "Matching stories in the section." })
  count!: number;
}
