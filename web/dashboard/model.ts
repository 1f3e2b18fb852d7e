/** The dashboard's vocabulary: picked entities, the filters they make, and the date range. */

/** The kinds of thing a newsroom can pick, as the API names their types. */
export type EntityType = "Topic" | "Person" | "Place" | "Organization";

/** An entity or topic of the graph, as the dashboard keeps it. */
export interface EntityRef {
  id: string;
  name: string;
  __typename: EntityType;
}

/** An `ArticleFilterInput` of the API. */
export type ArticleFilter = Record<string, unknown>;

/** The interval of the coverage timeline. */
export type Interval = "DAY" | "WEEK" | "MONTH";

/** A range of whole UTC days, both ends included, as `YYYY-MM-DD`. */
export interface DateRange {
  from: string;
  to: string;
}

const FILTER_KEY: Record<EntityType, string> = { Topic: "topics", Person: "people", Place: "places", Organization: "organizations" };

/** The filter for stories about one entity: filed under the topic, naming the person, place or organization. */
export function filterFor(entity: EntityRef): ArticleFilter {
  return { [FILTER_KEY[entity.__typename]]: { anyOf: [entity.id] } };
}

/** Stories about any of the entities (undefined, meaning every story, when none is picked). */
export function anyOfFilter(entities: EntityRef[]): ArticleFilter | undefined {
  if (entities.length === 0) return undefined;
  if (entities.length === 1) return filterFor(entities[0]);
  return { or: entities.map(filterFor) };
}

/** Stories about all of the entities. */
export function allOfFilter(entities: EntityRef[]): ArticleFilter {
  return entities.length === 1 ? filterFor(entities[0]) : { and: entities.map(filterFor) };
}

/** The filter bounds for a range of whole days: `publishedBefore` excludes, so it is the day after `to`. */
export function rangeFilter(range: DateRange): ArticleFilter {
  return { publishedAfter: `${range.from}T00:00:00.000Z`, publishedBefore: `${addDays(range.to, 1)}T00:00:00.000Z` };
}

/** `day` moved by `days` (negative for earlier), as `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days in a range, both ends counted. */
export function daysIn(range: DateRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The period of the same length just before a range: the baseline trending compares it with. */
export function precedingRange(range: DateRange): DateRange {
  const length = daysIn(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** A date-time of the API as a short date for people ("13 Dec 2024"), or "undated". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "undated";
  return new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** What a kind of entity is called on screen. */
export const TYPE_LABEL: Record<EntityType, string> = { Topic: "topic", Person: "person", Place: "place", Organization: "organization" };
