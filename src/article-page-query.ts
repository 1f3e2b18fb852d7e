/**
 * The operation a client renders an article page with: the story and everything it touches, the
 * latest stories of its topics and its related coverage. It is the README's first example, the
 * acceptance query of the graph service, and the benchmark's article page.
 */
export const ARTICLE_PAGE_QUERY = `query ArticlePage($slug: String!) {
  article(slug: $slug) {
    id headline publishedAt
    authors { name }
    dateline { name containedIn { name } }
    photos { caption photographer { name } agency { name } isFilePhoto depicts { name } }
    people { name } places { name } organizations { name }
    topics { name articles(first: 10) { totalCount edges { node { headline } } } }
    relatedCoverage(first: 5) { score article { headline } sharedEntities { name } }
  }
}`;
