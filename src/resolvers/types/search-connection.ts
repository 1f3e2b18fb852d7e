import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "./page-info";
import { SearchHitEdge } from "./search-hit-edge";

/** A page of search results. */
@ObjectType({ description: "A page of search results: `edges`, `pageInfo` and `totalCount`." })
export class SearchConnection {
  @Field(() => [SearchHitEdge], { description: "The results of this page, in order." })
  edges!: SearchHitEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the results." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many stories match, across all pages." })
  totalCount!: number;
}
