import { Field, ID, InputType } from "type-graphql";
import type { Loaders } from "../../loaders";
import { followMerges, type ArticleFilter } from "../../services/article-filter";
import { decodeGlobalId } from "../../services/global-id";
import { compileSearchQuery } from "../../services/search/search-query";
import { IdMatchInput } from "./id-match.input";

/** Conditions on stories; every condition given must hold. */
@InputType({
  description:
    "Conditions a story must meet. Every condition given must hold; combine filters with `and`, `or` and `not`. Place conditions take in the places inside (Baghdad counts for Iraq); topic conditions take in subtopics. The ID of an entity merged into another (`mergeEntities`) means the entity it was merged into, as in `node(id:)`, so a saved filter keeps working after a merge.",
})
export class ArticleFilterInput {
  @Field(() => [ID], { nullable: true, description: "Only these stories." })
  ids?: string[];

  @Field(() => IdMatchInput, { nullable: true, description: "People the story names." })
  people?: IdMatchInput;

  @Field(() => IdMatchInput, { nullable: true, description: "Places the story names or is datelined in, or places inside them." })
  places?: IdMatchInput;

  @Field(() => IdMatchInput, { nullable: true, description: "Organizations the story names." })
  organizations?: IdMatchInput;

  @Field(() => IdMatchInput, { nullable: true, description: "Topics the story is filed under, or their subtopics." })
  topics?: IdMatchInput;

  @Field(() => [ID], { nullable: true, description: "Stories written by any of these people (a merged-away person's ID means the person it was merged into)." })
  authors?: string[];

  @Field(() => String, { nullable: true, description: 'Stories in this section of their publisher ("World").' })
  section?: string;

  @Field(() => ID, { nullable: true, description: "Stories published by this organization (a merged-away organization's ID means the one it was merged into)." })
  publisher?: string;

  @Field(() => String, { nullable: true, description: 'Stories in this language (BCP 47 tag, "en").' })
  language?: string;

  @Field(() => Date, { nullable: true, description: "Stories published at or after this instant." })
  publishedAfter?: Date;

  @Field(() => Date, { nullable: true, description: "Stories published before this instant." })
  publishedBefore?: Date;

  @Field(() => Boolean, { nullable: true, description: "Stories with a photo (true) or without one (false)." })
  hasPhoto?: boolean;

  @Field(() => String, { nullable: true, description: "Stories whose text matches this search query (the syntax of `search`)." })
  text?: string;

  @Field(() => [ArticleFilterInput], { nullable: true, description: "Every one of these filters holds." })
  and?: ArticleFilterInput[];

  @Field(() => [ArticleFilterInput], { nullable: true, description: "At least one of these filters holds." })
  or?: ArticleFilterInput[];

  @Field(() => ArticleFilterInput, { nullable: true, description: "This filter does not hold." })
  not?: ArticleFilterInput;

  /**
   * The filter for the services: its global IDs decoded, its text compiled, and each merged-away
   * entity's ID replaced by the entity it was merged into, read through the request's loaders (one
   * statement for all the filters resolved together, as a request's root fields are). A bad ID or
   * query is a BAD_USER_INPUT error.
   */
  async toArticleFilter(loaders: Loaders): Promise<ArticleFilter> {
    return followMerges(this.decode(), (ids) => Promise.all(ids.map((id) => loaders.currentEntityId(id))));
  }

  /**
   * The filter with its global IDs decoded, as given, and its text compiled; a bad ID or query is a
   * BAD_USER_INPUT error, thrown at once. Merged-away IDs are left for {@link followMerges}.
   */
  decode(): ArticleFilter {
    const ids = (values: string[] | undefined, type: "Article" | "Person") => values?.map((id) => decodeGlobalId(id, [type]).id);
    return {
      ids: ids(this.ids, "Article"),
      people: this.people?.toIdMatch("Person"),
      places: this.places?.toIdMatch("Place"),
      organizations: this.organizations?.toIdMatch("Organization"),
      topics: this.topics?.toIdMatch("Topic"),
      authors: ids(this.authors, "Person"),
      section: this.section,
      publisher: this.publisher === undefined ? undefined : decodeGlobalId(this.publisher, ["Organization"]).id,
      language: this.language,
      publishedAfter: this.publishedAfter,
      publishedBefore: this.publishedBefore,
      hasPhoto: this.hasPhoto,
      textMatch: this.text === undefined ? undefined : compileSearchQuery(this.text),
      and: this.and?.map((filter) => filter.decode()),
      or: this.or?.map((filter) => filter.decode()),
      not: this.not?.decode(),
    };
  }
}
