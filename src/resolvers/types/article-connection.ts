import { ObjectType } from "type-graphql";
import { Article } from "../../entities/article";
import { Connection } from "./connection";

/** A page of stories. */
@ObjectType({ description: "A page of stories: `edges { cursor node }`, `pageInfo` and `totalCount`." })
export class ArticleConnection extends Connection(Article, "Article", "story") {}
