import { Field, ObjectType } from "type-graphql";

/** A record of a document that could not become a story. */
@ObjectType({ description: "A record of a submitted document that could not be ingested; the others were." })
export class IngestFailure {
  @Field({ description: 'Where the record is: "file:line" or "file#record".' })
  location!: string;

  @Field({ description: "Why it could not be ingested." })
  reason!: string;
}
