import { Field, InputType } from "type-graphql";
import { ArticleInput } from "./article.input";
import { DocumentInput } from "./document.input";

/** What `ingestArticle` takes: a structured story or a source document, exactly one. */
@InputType({ description: "A story to ingest: exactly one of a structured `article` or a source `document`." })
export class IngestArticleInput {
  @Field(() => ArticleInput, { nullable: true, description: "A story in the article schema." })
  article?: ArticleInput;

  @Field(() => DocumentInput, { nullable: true, description: "A source document and its format." })
  document?: DocumentInput;
}
