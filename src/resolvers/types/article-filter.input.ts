import { Field, ID, InputType } from "type-graphql";
import type { ArticleFilter } from "../../services/article-query";
import { decodeGlobalId, type NodeType } from "../../services/global-id";

/** Conditions on stories; every condition given must hold. */
@InputType({ description: "Conditions a story must meet to be listed. Every condition given must hold; lists of IDs match any of them." })
export class ArticleFilterInput {
  @Field(() => [ID], { nullable: true, description: "Only these stories." })
  ids?: string[];

  @Field(() => [ID], { nullable: true, description: "Stories naming any of these people." })
  people?: string[];

  @Field(() => [ID], { nullable: true, description: "Stories naming, or datelined in, any of these places or a place inside one (Baghdad counts for Iraq)." })
  places?: string[];

  @Field(() => [ID], { nullable: true, description: "Stories naming any of these organizations." })
  organizations?: string[];

  @Field(() => [ID], { nullable: true, description: "Stories filed under any of these topics or their subtopics." })
  topics?: string[];

  @Field(() => String, { nullable: true, description: 'Stories in this section of their publisher ("World").' })
  section?: string;

  @Field(() => ID, { nullable: true, description: "Stories published by this organization." })
  publisher?: string;

  @Field(() => String, { nullable: true, description: 'Stories in this language (BCP 47 tag, "en").' })
  language?: string;

  @Field(() => Date, { nullable: true, description: "Stories published at or after this instant." })
  publishedAfter?: Date;

  @Field(() => Date, { nullable: true, description: "Stories published before this instant." })
  publishedBefore?: Date;

  /** The filter with its global IDs decoded; an ID of the wrong type is a BAD_USER_INPUT error. */
  toArticleFilter(): ArticleFilter {
    const ids = (values: string[] | undefined, type: NodeType) => values?.map((id) => decodeGlobalId(id, [type]).id);
    return {
      ids: ids(this.ids, "Article"),
      people: ids(this.people, "Person"),
      places: ids(this.places, "Place"),
      organizations: ids(this.organizations, "Organization"),
      topics: ids(this.topics, "Topic"),
      section: this.section,
      publisher: this.publisher === undefined ? undefined : decodeGlobalId(this.publisher, ["Organization"]).id,
      language: this.language,
      publishedAfter: this.publishedAfter,
      publishedBefore: this.publishedBefore,
    };
  }
}
