import { Field, InputType } from "type-graphql";

/** A link the publisher placed under an ingested story. */
@InputType({ description: "A related story the publisher links under an ingested story; matched to stored stories by URL or headline when read." })
export class RelatedLinkInput {
  @Field({ description: "The linked story's headline." })
  headline!: string;

  @Field(() => String, { nullable: true, description: "The linked story's URL." })
  url?: string;

  @Field(() => String, { nullable: true, description: 'The kicker shown above the link ("Syria").' })
  label?: string;
}
