import { Field, ObjectType } from "type-graphql";
import { IngestedArticle } from "./ingested-article";
import { IngestFailure } from "./ingest-failure";

/** What `ingestArticle` did. */
@ObjectType({ description: "What an ingest did: each story written, and each record of a document that could not be." })
export class IngestArticlePayload {
  @Field(() => [IngestedArticle], { description: "The stories written, in document order." })
  results!: IngestedArticle[];

  @Field(() => [IngestFailure], { description: "Records of the document that failed; always empty for a structured `article`." })
  failures!: IngestFailure[];
}
