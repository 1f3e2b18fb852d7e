import { Directive, ObjectType } from "type-graphql";
import { STORY_CACHE_HINT } from "../../cache-hints/cache-control";
import { Article } from "../../entities/article";
import { Connection } from "./connection";

/** A page of stories. */
@Directive(STORY_CACHE_HINT)
@ObjectType({ description: "A page of stories: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class ArticleConnection extends Connection(Article, "Article", "story") {}
