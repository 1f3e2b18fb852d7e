import { Field, ObjectType } from "type-graphql";
import { Article } from "../../entities/article";
import { IngestOutcome } from "./ingest-outcome";

/** One story an ingest wrote, and how. */
@ObjectType({ description: "One story ingested, and what ingesting it did." })
export class IngestedArticle {
  @Field(() => IngestOutcome, { description: "Whether the story was created, updated or unchanged." })
  outcome!: IngestOutcome;

  @Field(() => Article, { description: "The story as stored." })
  article!: Article;
}
