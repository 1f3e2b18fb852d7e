import { Directive, Field, Int, ObjectType } from "type-graphql";
import { DASHBOARD_CACHE_HINT } from "../../cache-hints/cache-control";
import { EntityFacetValue } from "./entity-facet-value";
import { SectionFacetValue } from "./section-facet-value";

/** The matching stories counted by topic, person, place, organization, author, section and publisher. */
@Directive(DASHBOARD_CACHE_HINT)
@ObjectType({
  description:
    "The stories matching a filter (and search), counted by topic, person, place, organization, author, section and publisher; each list has the largest counts first, ties going to the entity registered first (sections A to Z).",
})
export class Facets {
  @Field(() => Int, { description: "How many stories match." })
  totalCount!: number;

  @Field(() => [EntityFacetValue], { description: "Topics, a story counting for its topics and every topic above them." })
  topics!: EntityFacetValue[];

  @Field(() => [EntityFacetValue], { description: "People the stories name." })
  people!: EntityFacetValue[];

  @Field(() => [EntityFacetValue], { description: "Places the stories name or are datelined in, a story counting also for every place containing those (Baghdad's stories count for Iraq)." })
  places!: EntityFacetValue[];

  @Field(() => [EntityFacetValue], { description: "Organizations the stories name." })
  organizations!: EntityFacetValue[];

  @Field(() => [EntityFacetValue], { description: "Writers in the stories' bylines." })
  authors!: EntityFacetValue[];

  @Field(() => [SectionFacetValue], { description: "The publishers' sections; stories without a section are left out." })
  sections!: SectionFacetValue[];

  @Field(() => [EntityFacetValue], { description: "The organizations that published the stories." })
  publishers!: EntityFacetValue[];
}
