import type { EntityManager } from "typeorm";
import type { CurrentEntityIds } from "./entity-redirects";
import { InvalidInputError } from "./errors";
import type { SearchMatch } from "./search/search-query";
import { toDbTimestamp, type SqlParams } from "./sql";
import { matchExpression, textMatchCondition } from "./sql-dialect";

/**
 * The most conditions (each field given, and each `and`, `or` and `not`, at any depth) and IDs one
 * filter may hold. Far above what a page or dashboard needs, and below what SQLite can compile: a
 * statement's expression tree is at most 1,000 deep and it takes at most 32,766 parameters.
 */
export const MAX_FILTER_CONDITIONS = 200;
export const MAX_FILTER_IDS = 1_000;

/** Entity IDs to match: a story matches when it has any of `anyOf` and all of `allOf`. */
export interface IdMatch {
  anyOf?: number[];
  allOf?: number[];
}

/**
 * Conditions a story must meet to be listed; every condition given must hold. Its entity IDs are
 * compiled as given: a merged-away entity's ID matches nothing until {@link followMerges} has
 * replaced it with the entity it was merged into.
 */
export interface ArticleFilter {
  ids?: number[];
  /** Stories that mention these people. */
  people?: IdMatch;
  /** Stories that mention, or are datelined in, these places or a place inside one. */
  places?: IdMatch;
  /** Stories that mention these organizations. */
  organizations?: IdMatch;
  /** Stories filed under these topics or their subtopics. */
  topics?: IdMatch;
  /** Stories written by any of these people. */
  authors?: number[];
  section?: string;
  /** The publishing organization. */
  publisher?: number;
  language?: string;
  publishedAfter?: Date;
  publishedBefore?: Date;
  /** Stories with (true) or without (false) a photo. */
  hasPhoto?: boolean;
  /** A full-text condition, already compiled to each database's match expression. */
  textMatch?: SearchMatch;
  /** Every one of these filters holds. */
  and?: ArticleFilter[];
  /** At least one of these filters holds. */
  or?: ArticleFilter[];
  /** This filter does not hold. */
  not?: ArticleFilter;
}

/** A filter as SQL conditions on the story alias `a`, with its parameters. */
export interface FilterSql {
  conditions: string[];
  params: SqlParams;
}

/**
 * Compiles a filter into SQL conditions on the story alias `a`, joined by AND. Nested `and`, `or`
 * and `not` compile recursively; parameter names are numbered so nesting never clashes. Place and
 * topic conditions take in what lies below (Baghdad for Iraq, subtopics for a topic). A filter
 * over {@link MAX_FILTER_CONDITIONS} or {@link MAX_FILTER_IDS} is a BAD_USER_INPUT error.
 */
export function compileArticleFilter(manager: EntityManager, filter: ArticleFilter): FilterSql {
  const params: SqlParams = {};
  let counter = 0;
  let conditionCount = 0;
  let idCount = 0;
  const param = (value: unknown): string => {
    const name = `f${counter++}`;
    params[name] = value;
    if (Array.isArray(value)) idCount += value.length;
    return name;
  };

  const compile = (node: ArticleFilter): string[] => {
    const conditions: string[] = [];
    if (node.ids) conditions.push(`a.id IN (:...${param(orNone(node.ids))})`);
    const mentions = (ids: string) => `a.id IN (SELECT "articleId" FROM article_mention WHERE "entityId" IN (${ids}))`;
    const placed = (ids: string) => `(${mentions(ids)} OR a."datelineId" IN (${ids}))`;
    const filed = (ids: string) => `a.id IN (SELECT "articleId" FROM article_topic WHERE "topicId" IN (${ids}))`;
    matchIds(node.people, (name) => mentions(`:...${name}`));
    matchIds(node.organizations, (name) => mentions(`:...${name}`));
    matchIds(node.places, (name) => placed(withDescendants(name, "containedInId")));
    matchIds(node.topics, (name) => filed(withDescendants(name, "parentId")));
    if (node.authors) conditions.push(`a.id IN (SELECT "articleId" FROM article_author WHERE "personId" IN (:...${param(orNone(node.authors))}))`);
    if (node.section != null) conditions.push(`a.section = :${param(node.section)}`);
    if (node.publisher != null) conditions.push(`a."publisherId" = :${param(node.publisher)}`);
    if (node.language != null) conditions.push(`a.language = :${param(node.language)}`);
    if (node.publishedAfter) conditions.push(`a."publishedAt" >= :${param(toDbTimestamp(manager, node.publishedAfter))}`);
    if (node.publishedBefore) conditions.push(`a."publishedAt" < :${param(toDbTimestamp(manager, node.publishedBefore))}`);
    if (node.hasPhoto != null) conditions.push(`${node.hasPhoto ? "" : "NOT "}EXISTS (SELECT 1 FROM article_photo WHERE "articleId" = a.id)`);
    if (node.textMatch != null) conditions.push(textMatchCondition(manager, param(matchExpression(manager, node.textMatch))));
    for (const child of node.and ?? []) conditions.push(joined(compile(child), "AND"));
    if (node.or && node.or.length > 0) conditions.push(`(${node.or.map((child) => joined(compile(child), "AND")).join(" OR ")})`);
    // IS NOT TRUE rather than NOT: a story with no section must pass `not: { section: "..." }`,
    // where SQL's NOT (NULL = 'x') would be unknown and drop it.
    if (node.not) conditions.push(`${joined(compile(node.not), "AND")} IS NOT TRUE`);
    conditionCount += conditions.length;
    if (conditionCount > MAX_FILTER_CONDITIONS) throw new InvalidInputError(`the filter holds more than ${MAX_FILTER_CONDITIONS} conditions; split the request`, "filter");
    if (idCount > MAX_FILTER_IDS) throw new InvalidInputError(`the filter holds more than ${MAX_FILTER_IDS} IDs; split the request`, "filter");
    return conditions;

    function matchIds(match: IdMatch | undefined, condition: (paramName: string) => string): void {
      if (match?.anyOf) conditions.push(condition(param(orNone(match.anyOf))));
      for (const id of match?.allOf ?? []) conditions.push(condition(param([id])));
    }
  };
  return { conditions: compile(filter), params };
}

/**
 * The filter with every entity ID in it (people, places, organizations, topics, authors and
 * publisher, at any depth of `and`, `or` and `not`) replaced by the entity it means now, so the ID
 * of a merged-away entity matches the stories of the entity it was merged into, as `node(id:)`
 * answers with that entity. All its IDs are looked up in one call, none when it has none; a filter
 * with more than {@link MAX_FILTER_IDS} is left for {@link compileArticleFilter} to refuse. The IDs
 * are resolved before compiling rather than looked up inside the SQL, where PostgreSQL could no
 * longer see which entity is asked for: it sorted every story of a popular person instead of
 * walking an index for the newest (0.1 ms became 9 ms at 10,000 stories).
 */
export async function followMerges(filter: ArticleFilter, currentEntityIds: CurrentEntityIds): Promise<ArticleFilter> {
  const ids = new Set<number>();
  // One walk knows where a filter holds entity IDs: run once to collect them, once to replace them.
  mapEntityIds(filter, (id) => (ids.add(id), id));
  if (ids.size === 0 || ids.size > MAX_FILTER_IDS) return filter;
  const asked = [...ids];
  const current = new Map((await currentEntityIds(asked)).map((meant, index) => [asked[index], meant]));
  return mapEntityIds(filter, (id) => current.get(id)!);
}

/** The filter with `map` applied to each of its entity IDs, nested filters included. */
function mapEntityIds(filter: ArticleFilter, map: (id: number) => number): ArticleFilter {
  const match = (ids: IdMatch | undefined): IdMatch | undefined => ids && { anyOf: ids.anyOf?.map(map), allOf: ids.allOf?.map(map) };
  return {
    ...filter,
    people: match(filter.people),
    places: match(filter.places),
    organizations: match(filter.organizations),
    topics: match(filter.topics),
    authors: filter.authors?.map(map),
    publisher: filter.publisher == null ? filter.publisher : map(filter.publisher),
    and: filter.and?.map((child) => mapEntityIds(child, map)),
    or: filter.or?.map((child) => mapEntityIds(child, map)),
    not: filter.not && mapEntityIds(filter.not, map),
  };
}

function joined(conditions: string[], operator: "AND"): string {
  return conditions.length === 0 ? "1 = 1" : `(${conditions.join(` ${operator} `)})`;
}

/**
 * SQL selecting the entities in `:...param` and every entity below them through `column`: the
 * places inside a place (Baghdad for Iraq), the subtopics of a topic.
 */
function withDescendants(param: string, column: "containedInId" | "parentId"): string {
  return `WITH RECURSIVE below(id) AS (
    SELECT id FROM entity WHERE id IN (:...${param})
    UNION SELECT e.id FROM entity e JOIN below ON e."${column}" = below.id
  ) SELECT id FROM below`;
}

/** An empty ID list matches nothing; SQL's `IN ()` is a syntax error, so it becomes `IN (0)`. */
function orNone(ids: number[]): number[] {
  return ids.length > 0 ? ids : [0];
}
