import { registerEnumType } from "type-graphql";

/** The orders search results can come in. */
export enum SearchOrder {
  RELEVANCE = "RELEVANCE",
  NEWEST = "NEWEST",
  OLDEST = "OLDEST",
}

registerEnumType(SearchOrder, {
  name: "SearchOrder",
  description: "The order of search results.",
  valuesConfig: {
    RELEVANCE: {
      description:
        "Best match first: BM25 text relevance (headline weighted 10, summary 4, body 1) times a recency factor 0.6 + 0.4 × 2^(−d/90), d being how many days older the story is than the newest match.",
    },
    NEWEST: { description: "Latest published first." },
    OLDEST: { description: "Earliest published first." },
  },
});
