import { registerEnumType } from "type-graphql";

/** The orders a list of stories can come in. */
export enum ArticleOrder {
  NEWEST = "NEWEST",
  OLDEST = "OLDEST",
  SALIENCE = "SALIENCE",
}

registerEnumType(ArticleOrder, {
  name: "ArticleOrder",
  description: "The order of a list of stories. Stories without a publication date come last when ordered by date.",
  valuesConfig: {
    NEWEST: { description: "Latest published first." },
    OLDEST: { description: "Earliest published first." },
    SALIENCE: {
      description:
        "On an entity's or topic's stories only: stories most about it first (the entity's salience in the story, the topic's weight; 1 for authors, photographers and datelines). Elsewhere a BAD_USER_INPUT error.",
    },
  },
});
