import { Field, Float, InputType } from "type-graphql";
import { MentionRole } from "../../entities/mention-role";

/** A person, place or organization an ingested story is tagged with, by name. */
@InputType({ description: "An entity an editor tags an ingested story with, by name or alias; what is not given is measured from the text." })
export class EntityTagInput {
  @Field({ description: 'The entity\'s canonical name or an alias ("Sudani"); a new name registers a new entity.' })
  name!: string;

  @Field(() => MentionRole, { nullable: true, description: "How the entity figures in the story; found from the text when absent." })
  role?: MentionRole;

  @Field(() => Float, { nullable: true, description: "How central the entity is, 0 to 1; measured from the text when absent." })
  salience?: number;
}
