import { registerEnumType } from "type-graphql";

/** The orders a list of stories can come in. */
export enum ArticleOrder {
  NEWEST = "NEWEST",
  OLDEST = "OLDEST",
}

registerEnumType(ArticleOrder, {
  name: "ArticleOrder",
  description: "The order of a list of stories. Stories without a publication date come last in either order.",
  valuesConfig: {
    NEWEST: { description: "Latest published first." },
    OLDEST: { description: "Earliest published first." },
  },
});
