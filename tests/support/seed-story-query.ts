import { ARTICLE_PAGE_QUERY } from "../../src/article-page-query";

/** The acceptance query of the graph service issue: the article page of the seed story. */
export const SEED_STORY = {
  query: ARTICLE_PAGE_QUERY,
  variables: { slug: "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push" },
};
