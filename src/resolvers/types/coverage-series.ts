import { Directive, Field, ObjectType } from "type-graphql";
import { DASHBOARD_CACHE_HINT } from "../../cache-hints/cache-control";
import { NamedEntity } from "../../entities/named-entity";
import { CoverageBucket } from "./coverage-bucket";

/** One entity's or topic's coverage over time. */
@Directive(DASHBOARD_CACHE_HINT)
@ObjectType({ description: "How many stories covered one entity or topic in each bucket of time, every bucket present." })
export class CoverageSeries {
  @Field(() => NamedEntity, { description: "The entity or topic charted." })
  entity!: NamedEntity;

  @Field(() => [CoverageBucket], { description: "The buckets from the one holding `from` to the one holding `to`, oldest first." })
  buckets!: CoverageBucket[];
}
