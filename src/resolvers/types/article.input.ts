import { Field, InputType } from "type-graphql";
import type { ArticleInput as StoryRecord } from "../../services/article-input";
import { ArticleTagsInput } from "./article-tags.input";
import { PhotoInput } from "./photo.input";
import { RelatedLinkInput } from "./related-link.input";

/** A story in the project's article schema (`src/services/article-input.ts`), as a GraphQL input. */
@InputType({
  description: "A story in the project's article schema, the same as the JSON files `npm run ingest` reads. Entities are named, not numbered: names link to known entities by name or alias, and new names register new entities.",
})
export class ArticleInput {
  @Field(() => String, { nullable: true, description: "Canonical URL; the story's identity when given (sending it again updates the story in place)." })
  url?: string;

  @Field(() => String, { nullable: true, description: "URL-safe key; made from the headline when absent." })
  slug?: string;

  @Field({ description: "The headline as published." })
  headline!: string;

  @Field(() => String, { nullable: true, description: "The dek: one or two sentences under the headline." })
  summary?: string;

  @Field(() => [String], { description: "The text, one string per paragraph, without site boilerplate." })
  body!: string[];

  @Field(() => String, { nullable: true, description: "When the story was published: ISO 8601 date or timestamp." })
  publishedAt?: string;

  @Field(() => String, { nullable: true, description: "When the publisher last revised the story: ISO 8601 date or timestamp." })
  updatedAt?: string;

  @Field(() => String, { nullable: true, description: 'The publisher\'s section ("World").' })
  section?: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag; "en" when absent.' })
  language?: string;

  @Field(() => String, { nullable: true, description: "Name of the publishing organization." })
  publisher?: string;

  @Field(() => String, { nullable: true, description: 'The byline as printed ("By Simon Lewis").' })
  byline?: string;

  @Field(() => [String], { nullable: true, description: "Author names in byline order." })
  authors?: string[];

  @Field(() => String, { nullable: true, description: "Name of the place the story was filed from." })
  dateline?: string;

  @Field(() => [PhotoInput], { nullable: true, description: "The story's photos, lead photo first." })
  photos?: PhotoInput[];

  @Field(() => ArticleTagsInput, { nullable: true, description: "Editorial tags; they win over extraction." })
  tags?: ArticleTagsInput;

  @Field(() => [RelatedLinkInput], { nullable: true, description: "Editorial related links, in page order." })
  related?: RelatedLinkInput[];

  /** The story as the ingestion pipeline takes it: plain objects, as parsed from a JSON file. */
  toStoryRecord(): StoryRecord {
    return JSON.parse(JSON.stringify(this)) as StoryRecord;
  }
}
