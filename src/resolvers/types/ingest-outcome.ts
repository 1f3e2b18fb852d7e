import { registerEnumType } from "type-graphql";

/** What ingesting a story did to the graph. */
export enum IngestOutcome {
  CREATED = "created",
  UPDATED = "updated",
  UNCHANGED = "unchanged",
}

registerEnumType(IngestOutcome, {
  name: "IngestOutcome",
  description: "What ingesting a story did. A story is the same story again when its URL is, else when its publisher, headline and date are.",
  valuesConfig: {
    CREATED: { description: "The story was new and is now stored." },
    UPDATED: { description: "The story was stored before and has been rewritten in place, keeping its ID." },
    UNCHANGED: { description: "The story was stored before exactly as sent; nothing changed." },
  },
});
