import { Field, InputType } from "type-graphql";

/** A photo of an ingested story. */
@InputType({ description: "A photo of an ingested story. What the credit line and caption tell (photographer, agency, people shown) is filled in when not given." })
export class PhotoInput {
  @Field(() => String, { nullable: true, description: "Address of the image file." })
  url?: string;

  @Field({ description: "The caption as published." })
  caption!: string;

  @Field(() => String, { nullable: true, description: 'The credit line as printed ("BRYAN R. SMITH/Pool via Reuters/File Photo").' })
  credit?: string;

  @Field(() => String, { nullable: true, description: "Name of the photographer." })
  photographer?: string;

  @Field(() => String, { nullable: true, description: "Name of the distributing agency." })
  agency?: string;

  @Field(() => Boolean, { nullable: true, description: "True for a pool photo." })
  isPool?: boolean;

  @Field(() => Boolean, { nullable: true, description: "True for a file photo, taken before the events of the story." })
  isFilePhoto?: boolean;

  @Field(() => String, { nullable: true, description: "When the photo was taken: ISO 8601 date or timestamp." })
  takenAt?: string;

  @Field(() => String, { nullable: true, description: "Name of the place where the photo was taken." })
  takenIn?: string;

  @Field(() => [String], { nullable: true, description: "Names of the people the photo shows." })
  depicts?: string[];
}
