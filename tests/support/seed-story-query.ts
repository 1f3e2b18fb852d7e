/** The acceptance query of the graph service issue: from the seed story to everything it touches. */
export const SEED_STORY_QUERY = `{
  article(slug: "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push") {
    id headline publishedAt
    authors { name }
    dateline { name containedIn { name } }
    photos { caption photographer { name } agency { name } isFilePhoto depicts { name } }
    people { name } places { name } organizations { name }
    topics { name articles(first: 10) { totalCount edges { node { headline } } } }
    relatedCoverage(first: 5) { score article { headline } sharedEntities { name } }
  }
}`;
