import { Field, InputType } from "type-graphql";

/** A source document with its format, for the ingestion pipeline. */
@InputType({
  description: "A source document as `npm run ingest` reads it from a file: its text and its format. One document may hold several stories (JSON Lines, CSV).",
})
export class DocumentInput {
  @Field({
    description: "The format: `raw-page` (scraped page text), `article-json` (the article schema, JSON or JSON Lines), `html-jsonld`, `ninjs`, `wikinews-csv`, `re3d-documents` or `huffpost-jsonl`.",
  })
  format!: string;

  @Field({ description: "The document's text." })
  content!: string;

  @Field(() => String, { nullable: true, description: "The document's file name, shown in failure locations." })
  fileName?: string;
}
