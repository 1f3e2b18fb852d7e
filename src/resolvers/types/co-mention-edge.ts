import { Field, Int, ObjectType } from "type-graphql";

/** An entity named in the same stories as another. */
@ObjectType({ description: "An entity named in the same stories as another, and how many stories they share." })
export class CoMentionEdge {
  @Field(() => Int, { description: "Stories that name both." })
  count!: number;

  /** Resolved by the edge's resolver, batched across edges. */
  entityId!: number;
}
