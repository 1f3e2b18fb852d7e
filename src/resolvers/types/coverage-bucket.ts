import { GraphQLDate } from "graphql-scalars";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { INHERIT_CACHE_HINT } from "../../cache-hints/cache-control";

/** One bucket of a coverage timeline. */
@Directive(INHERIT_CACHE_HINT)
@ObjectType({ description: "One day, week or month of a coverage timeline." })
export class CoverageBucket {
  @Field(() => GraphQLDate, { description: "The first day of the bucket (UTC): a Monday for weeks, the 1st for months." })
  start!: Date;

  @Field(() => Int, { description: "Stories published in the bucket, and within the timeline's from and to; 0 when none." })
  count!: number;
}
