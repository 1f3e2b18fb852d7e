import { Directive, Field, Float, ObjectType } from "type-graphql";
import { INHERIT_CACHE_HINT } from "../../cache-hints/cache-control";
import { Article } from "../../entities/article";

/** A story related to another, with the score and the reasons. */
@Directive(INHERIT_CACHE_HINT)
@ObjectType({ description: "A story related to another: how closely, whether an editor linked it, and what the two share." })
export class RelatedCoverageEdge {
  @Field(() => Float, {
    description: "How closely related, in (0, 1]. Editorial links score 1; other stories score by shared entities (rarer ones weigh more), shared topics and closeness in time.",
  })
  score!: number;

  @Field({ description: "True when the publisher's editors linked the story; these come first, in their order." })
  isEditorial!: boolean;

  @Field(() => String, { nullable: true, description: 'The kicker an editor gave the link ("Syria"); null for computed relations.' })
  label!: string | null;

  @Field(() => Article, { description: "The related story." })
  article!: Article;

  /** Resolved by the edge's resolver from these IDs, batched across edges. */
  sharedEntityIds!: number[];
  sharedTopicIds!: number[];
}
