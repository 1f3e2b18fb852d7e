import { Directive, Field, Float, ObjectType } from "type-graphql";
import { INHERIT_CACHE_HINT } from "../../cache-hints/cache-control";
import { Article } from "../../entities/article";

/** One search result: the story, its cursor, and why it matched. */
@Directive(INHERIT_CACHE_HINT)
@ObjectType({ description: "One search result: the story, its cursor, its score and the passages that matched." })
export class SearchHitEdge {
  @Field({ description: "Opaque position of this result; pass it as `after` to page on. Stable while paging." })
  cursor!: string;

  @Field(() => Article, { description: "The story found." })
  node!: Article;

  @Field(() => Float, { description: "How well the story matches (see `SearchOrder.RELEVANCE`); higher is better." })
  score!: number;

  @Field({
    description:
      "A passage of the story around the matched terms, HTML-escaped, with each matched term in `<mark>...</mark>` and `…` where text is left out.",
  })
  snippet!: string;

  @Field({ description: "The headline, HTML-escaped, with each matched term in `<mark>...</mark>`." })
  headlineHighlight!: string;
}
