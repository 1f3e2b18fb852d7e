import { Field, InputType } from "type-graphql";

/** Changes to a stored story. */
@InputType({ description: "Changes to a story. Fields left out are kept; null clears an optional field. The slug, URL and identity stay as they are." })
export class ArticlePatchInput {
  @Field(() => String, { nullable: true, description: "A new headline (not empty)." })
  headline?: string;

  @Field(() => String, { nullable: true, description: "A new dek; null removes it." })
  summary?: string | null;

  @Field(() => [String], { nullable: true, description: "New text, one string per paragraph." })
  body?: string[];

  @Field(() => String, { nullable: true, description: "When the story was published: ISO 8601 date or timestamp; null when unknown." })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true, description: "When the publisher last revised it: ISO 8601 date or timestamp; null when never." })
  updatedAt?: string | null;

  @Field(() => String, { nullable: true, description: "The publisher's section; null removes it." })
  section?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag ("en", "pt-BR").' })
  language?: string;

  @Field(() => String, { nullable: true, description: "The byline as printed; null removes it." })
  byline?: string | null;
}
