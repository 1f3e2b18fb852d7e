import { Field, Int, ObjectType } from "type-graphql";

/** A section and how many of the matching stories are in it. */
@ObjectType({ description: "A publisher's section and how many of the matching stories are in it." })
export class SectionFacetValue {
  @Field({ description: 'The section as the publisher names it ("World").' })
  section!: string;

  @Field(() => Int, { description: "Matching stories in the section." })
  count!: number;
}
