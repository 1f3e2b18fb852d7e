import { Directive, Field, ObjectType } from "type-graphql";
import { INHERIT_CACHE_HINT } from "../../cache-hints/cache-control";

/** Where a page sits in its list (Relay cursor connections). */
@Directive(INHERIT_CACHE_HINT)
@ObjectType({ description: "Where a page sits in its list, and the cursors to fetch the pages around it." })
export class PageInfo {
  @Field({ description: "True when more items follow: fetch them with `first` and `after: endCursor`." })
  hasNextPage!: boolean;

  @Field({ description: "True when items come before this page: fetch them with `last` and `before: startCursor`." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page; null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page; null when the page is empty." })
  endCursor!: string | null;
}
