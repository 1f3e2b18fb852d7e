import { Field, Float, ID, InputType } from "type-graphql";
import { MentionRole } from "../../entities/mention-role";

/** An entity or topic to tag a story with, or take off it. */
@InputType({
  description: "The entity or topic to tag a story with (or untag): exactly one of `entity`, `person`, `place`, `organization` or `topic`. A name that is not known yet registers a new entity when tagging.",
})
export class ArticleTagInput {
  @Field(() => ID, { nullable: true, description: "A person, place, organization or topic by global ID." })
  entity?: string;

  @Field(() => String, { nullable: true, description: "A person by name or alias." })
  person?: string;

  @Field(() => String, { nullable: true, description: "A place by name or alias." })
  place?: string;

  @Field(() => String, { nullable: true, description: "An organization by name or alias." })
  organization?: string;

  @Field(() => String, { nullable: true, description: 'A topic by slug ("syria").' })
  topic?: string;

  @Field(() => MentionRole, { nullable: true, description: "How the entity figures in the story (tagging only; not for topics); kept from the text when absent." })
  role?: MentionRole;

  @Field(() => Float, { nullable: true, description: "How central the entity is, or how much of the story is about the topic, 0 to 1 (tagging only); measured when absent." })
  salience?: number;
}
