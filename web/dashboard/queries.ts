/**
 * The operations the dashboard sends, all on the public schema. Lists stay small (`first` 5 to
 * 20) so each stays well inside the server's cost limit.
 */

/** Enough of a story to list it. */
const STORY_LINE = `id headline publishedAt publisher { name }`;

export const TYPEAHEAD = `query Typeahead($prefix: String!) {
  topics(first: 5, nameStartsWith: $prefix) { edges { node { __typename id name } } }
  people(first: 5, nameStartsWith: $prefix) { edges { node { __typename id name } } }
  places(first: 5, nameStartsWith: $prefix) { edges { node { __typename id name } } }
  organizations(first: 5, nameStartsWith: $prefix) { edges { node { __typename id name } } }
}`;

export const ARCHIVE_SPAN = `query ArchiveSpan {
  newest: articles(first: 1, orderBy: NEWEST) { edges { node { publishedAt } } }
  oldest: articles(first: 1, orderBy: OLDEST) { edges { node { publishedAt } } }
}`;

export const TIMELINE = `query Timeline($entities: [ID!], $topics: [ID!], $interval: TimeInterval!, $from: Date!, $to: Date!) {
  coverageTimeline(entities: $entities, topics: $topics, interval: $interval, from: $from, to: $to) {
    entity { __typename id name } buckets { start count }
  }
}`;

export const TRENDING = `query Trending($kind: TrendingKind!, $window: DateRangeInput!, $baseline: DateRangeInput!) {
  trending(kind: $kind, window: $window, baseline: $baseline, first: 10) {
    entity { __typename id name } windowCount baselineCount change score
  }
}`;

export const LATEST = `query Latest($filter: ArticleFilterInput) {
  articles(first: 10, filter: $filter, orderBy: NEWEST) { totalCount edges { node { ${STORY_LINE} } } }
}`;

export const ARTICLE_PUBLISHED = `subscription ArticlePublished($filter: ArticleFilterInput) {
  articlePublished(filter: $filter) { ${STORY_LINE} }
}`;

export const CO_MENTIONS = `query CoMentions($entity: ID!, $from: Date, $to: Date) {
  coMentions(entity: $entity, from: $from, to: $to, first: 12) { count entity { __typename id name } }
}`;

export const STORIES_FOR = `query StoriesFor($filter: ArticleFilterInput!) {
  articles(first: 20, filter: $filter, orderBy: NEWEST) { totalCount edges { node { ${STORY_LINE} } } }
}`;

export const STORY = `query Story($id: ID!) {
  article(id: $id) {
    id headline summary publishedAt byline url
    publisher { name } dateline { name }
    photos { caption credit photographer { name } agency { name } }
    people { __typename id name } places { __typename id name } organizations { __typename id name } topics { __typename id name }
    relatedCoverage(first: 5) {
      score isEditorial label
      article { id headline publishedAt }
      sharedEntities { __typename id name } sharedTopics { __typename id name }
    }
  }
}`;

export const SEARCH = `query Search($query: String!, $filter: ArticleFilterInput) {
  search(query: $query, filter: $filter, first: 20) {
    totalCount edges { headlineHighlight snippet node { ${STORY_LINE} } }
  }
  facets(search: $query, filter: $filter, first: 5) {
    topics { count entity { __typename id name } }
    people { count entity { __typename id name } }
    places { count entity { __typename id name } }
    organizations { count entity { __typename id name } }
    publishers { count entity { __typename id name } }
  }
}`;
