import { Field, Float, InputType } from "type-graphql";

/** A topic an ingested story is filed under. */
@InputType({ description: "A topic an editor files an ingested story under." })
export class TopicTagInput {
  @Field({ description: 'The topic\'s slug ("syria").' })
  slug!: string;

  @Field(() => Float, { nullable: true, description: "How much of the story is about the topic, 0 to 1; 1 when absent." })
  weight?: number;
}
