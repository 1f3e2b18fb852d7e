import { ArgsType, Field, Int } from "type-graphql";

/** Relay pagination arguments, shared by every list of the API. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: "Items to return from the start (or from `after`): 0 to 100; 20 when neither `first` nor `last` is given. Above 100 is an error." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return items after this cursor (an edge's `cursor` or `pageInfo.endCursor`)." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: "Items to return from the end (or before `before`): 0 to 100. Not with `first`." })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Return items before this cursor (an edge's `cursor` or `pageInfo.startCursor`)." })
  before?: string | null;
}
