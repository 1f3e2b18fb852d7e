import { Field, InputType } from "type-graphql";
import { EntityTagInput } from "./entity-tag.input";
import { TopicTagInput } from "./topic-tag.input";

/** The editorial tags of an ingested story. */
@InputType({ description: "Editorial tags of an ingested story. They win over what extraction finds; extraction adds what they leave out." })
export class ArticleTagsInput {
  @Field(() => [EntityTagInput], { nullable: true, description: "People the story is about." })
  people?: EntityTagInput[];

  @Field(() => [EntityTagInput], { nullable: true, description: "Places the story is about." })
  places?: EntityTagInput[];

  @Field(() => [EntityTagInput], { nullable: true, description: "Organizations the story is about." })
  organizations?: EntityTagInput[];

  @Field(() => [TopicTagInput], { nullable: true, description: "Topics the story is filed under." })
  topics?: TopicTagInput[];
}
