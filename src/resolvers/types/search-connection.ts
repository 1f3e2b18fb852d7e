import { Directive, Field, Int, ObjectType } from "type-graphql";
import { DASHBOARD_CACHE_HINT } from "../../cache-hints/cache-control";
import { PageInfo } from "./page-info";
import { SearchHitEdge } from "./search-hit-edge";

/** A page of search results. */
@Directive(DASHBOARD_CACHE_HINT)
@ObjectType({ description: "A page of search results: `edges`, `pageInfo` and `totalCount`." })
export class SearchConnection {
  @Field(() => [SearchHitEdge], { description: "The results of this page, in order." })
  edges!: SearchHitEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the results." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many stories match, across all pages." })
  totalCount!: number;
}
