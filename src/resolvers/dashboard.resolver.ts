import { GraphQLDate } from "graphql-scalars";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../context.type";
import { Article } from "../entities/article";
import { NamedEntity } from "../entities/named-entity";
import type { ArticleFilter } from "../services/article-filter";
import { ConnectionFinder, MAX_HOPS, STORIES_PER_HOP } from "../services/dashboard/connection-finder";
import { CoverageTimeline, MAX_BUCKETS, MAX_SERIES, type TimelineSubject } from "../services/dashboard/coverage-timeline";
import { FacetCounter, type FacetCount } from "../services/dashboard/facet-counter";
import { periodOfDays } from "../services/dashboard/period";
import { TrendingRanker } from "../services/dashboard/trending-ranker";
import { compileSearchQuery } from "../services/search/search-query";
import { checkedCount } from "../services/checked-count";
import { coMentionsOf, MAX_CO_MENTIONS } from "./co-mentions-of";
import { loadNode } from "./load-node";
import { ArticleFilterInput } from "./types/article-filter.input";
import { CoMentionEdge } from "./types/co-mention-edge";
import { CoverageSeries } from "./types/coverage-series";
import { DateRangeInput } from "./types/date-range.input";
import { EntityFacetValue } from "./types/entity-facet-value";
import { EntityPath } from "./types/entity-path";
import { Facets } from "./types/facets";
import { TimeInterval } from "./types/time-interval";
import { TrendingEntity } from "./types/trending-entity";
import { TrendingKind } from "./types/trending-kind";

/** The most values a facet or a trending list returns. */
const MAX_LIST = 50;

const ENTITY_TYPES = ["Person", "Place", "Organization", "Topic"] as const;

/** The newsroom dashboard: facets, coverage over time, what is rising, who is with whom, and how two entities connect. */
@Resolver()
export class DashboardResolver {
  @Query(() => Facets, {
    description:
      "The stories matching a filter (and a search query) counted by topic, person, place, organization, author, section and publisher, the top `first` of each: the counts a search page shows beside its results. Each count is what adding that value to the filter would list.",
  })
  async facets(
    @Ctx() context: Context,
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: "Conditions the stories must meet." }) filter?: ArticleFilterInput,
    @Arg("search", () => String, { nullable: true, description: "A search query the stories must match, in the syntax of `search`." }) search?: string,
    @Arg("first", () => Int, { defaultValue: 10, description: `How many values of each facet, 0 to ${MAX_LIST}.` }) first?: number,
  ): Promise<Facets> {
    const facets = await new FacetCounter(context.manager).count(await this.filterOf(context, filter, search), checkedCount(first!, MAX_LIST, "first"));
    const entities = await entitiesById(context, [facets.topics, facets.people, facets.places, facets.organizations, facets.authors, facets.publishers].flat().map((value) => value.value));
    const withEntities = (values: FacetCount<number>[]): EntityFacetValue[] => values.map(({ value, count }) => ({ entity: entities.get(value)!, count }));
    return {
      totalCount: facets.total,
      topics: withEntities(facets.topics),
      people: withEntities(facets.people),
      places: withEntities(facets.places),
      organizations: withEntities(facets.organizations),
      authors: withEntities(facets.authors),
      sections: facets.sections.map(({ value, count }) => ({ section: value, count })),
      publishers: withEntities(facets.publishers),
    };
  }

  @Query(() => [CoverageSeries], {
    description: `Coverage over time: for each entity and topic asked for, in that order, how many stories covered it per day, ISO week or month (UTC), every bucket present with 0 when none. A place counts the stories that mention or are datelined in it or a place inside it; a topic counts its subtopics' stories. At most ${MAX_SERIES} series of ${MAX_BUCKETS} buckets.`,
  })
  async coverageTimeline(
    @Ctx() context: Context,
    @Arg("from", () => GraphQLDate, { description: "The first day charted (UTC)." }) from: Date,
    @Arg("to", () => GraphQLDate, { description: "The last day charted (UTC), included; not before `from`." }) to: Date,
    @Arg("entities", () => [ID], { nullable: true, description: "People, places and organizations to chart, one series each." }) entities?: string[],
    @Arg("topics", () => [ID], { nullable: true, description: "Topics to chart, one series each, after the entities." }) topics?: string[],
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: "Conditions every counted story must also meet." }) filter?: ArticleFilterInput,
    @Arg("interval", () => TimeInterval, { defaultValue: TimeInterval.MONTH, description: "The length of a bucket." }) interval?: TimeInterval,
  ): Promise<CoverageSeries[]> {
    const subjects = await Promise.all([
      ...(entities ?? []).map((id) => loadNode(context, id, ["Person", "Place", "Organization"])),
      ...(topics ?? []).map((id) => loadNode(context, id, ["Topic"])),
    ]) as NamedEntity[];
    const series = await new CoverageTimeline(context.manager).series(
      subjects.map((entity): TimelineSubject => ({ id: entity.id, type: entity.nodeType })),
      await this.filterOf(context, filter),
      interval!,
      periodOfDays(from, to),
    );
    return series.map((line, index) => ({ entity: subjects[index], buckets: line.buckets }));
  }

  @Query(() => [TrendingEntity], {
    description:
      "The entities whose share of coverage rose most in `window` against `baseline`, by a smoothed log-odds score that keeps a rise seen in a few stories from topping the list by chance (see `TrendingEntity.score`).",
  })
  async trending(
    @Ctx() context: Context,
    @Arg("window", () => DateRangeInput, { description: "The period whose coverage is examined." }) window: DateRangeInput,
    @Arg("baseline", () => DateRangeInput, { description: "The period it is compared with, usually longer and earlier." }) baseline: DateRangeInput,
    @Arg("kind", () => TrendingKind, { defaultValue: TrendingKind.ANY, description: "Which entities to rank." }) kind?: TrendingKind,
    @Arg("first", () => Int, { defaultValue: 10, description: `How many entities, 0 to ${MAX_LIST}.` }) first?: number,
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: "Count only stories meeting these conditions, in both periods." }) filter?: ArticleFilterInput,
  ): Promise<TrendingEntity[]> {
    const rising = await new TrendingRanker(context.manager).rank(kind!, window.toPeriod("window"), baseline.toPeriod("baseline"), await this.filterOf(context, filter), checkedCount(first!, MAX_LIST, "first"));
    const entities = await entitiesById(context, rising.map((entity) => entity.entityId));
    return rising.map(({ entityId, ...counts }) => ({ entity: entities.get(entityId)!, ...counts }));
  }

  @Query(() => [CoMentionEdge], {
    description:
      "Who or what is in the news with an entity: the people, places and organizations most often named in the same stories (for a topic, in the stories filed under it), with counts and the newest shared stories; the same as the entity's `coMentions` field.",
  })
  async coMentions(
    @Ctx() context: Context,
    @Arg("entity", () => ID, { description: "The person, place, organization or topic." }) entity: string,
    @Arg("from", () => GraphQLDate, { nullable: true, description: "Count only stories published on or after this day (UTC)." }) from?: Date | null,
    @Arg("to", () => GraphQLDate, { nullable: true, description: "Count only stories published on or before this day (UTC, the whole day included)." }) to?: Date | null,
    @Arg("first", () => Int, { defaultValue: 10, description: `How many entities, 0 to ${MAX_CO_MENTIONS}.` }) first?: number,
  ): Promise<CoMentionEdge[]> {
    const source = await loadNode(context, entity, ENTITY_TYPES);
    return coMentionsOf(context, source.id, { first: first!, from, to });
  }

  @Query(() => EntityPath, {
    description: `How two entities are connected: the shortest chain of entities from one to the other where each consecutive pair is named in a same story ("Antony Blinken → Hezbollah" through a story naming both), each hop with up to ${STORIES_PER_HOP} of its newest stories. Among equally short chains, the one whose weakest hop shares the most stories. \`found: false\` and no hops when no chain of at most \`maxHops\` exists.`,
  })
  async connection(
    @Ctx() context: Context,
    @Arg("from", () => ID, { description: "The entity the chain starts from." }) from: string,
    @Arg("to", () => ID, { description: "The entity the chain ends at; not `from`." }) to: string,
    @Arg("maxHops", () => Int, { defaultValue: 3, description: `The longest chain to look for, 1 to ${MAX_HOPS} hops.` }) maxHops?: number,
  ): Promise<EntityPath> {
    const [start, end] = await Promise.all([loadNode(context, from, ENTITY_TYPES), loadNode(context, to, ENTITY_TYPES)]);
    const hops = await new ConnectionFinder(context.manager).find(start.id, end.id, maxHops!);
    const entities = await entitiesById(context, hops.flatMap((hop) => [hop.from, hop.to]));
    const articles = await context.loaders.article.loadMany(hops.flatMap((hop) => hop.articleIds));
    const byId = new Map(articles.filter((article): article is Article => article !== null && !(article instanceof Error)).map((article) => [article.id, article]));
    return {
      found: hops.length > 0,
      hops: hops.map((hop) => ({
        from: entities.get(hop.from)!,
        to: entities.get(hop.to)!,
        articles: hop.articleIds.map((id) => byId.get(id)!),
        articleCount: hop.sharedCount,
      })),
    };
  }

  /** The filter input for the services (merged-away IDs followed), with the search query (when given) as one more condition. */
  private async filterOf(context: Context, filter?: ArticleFilterInput, search?: string | null): Promise<ArticleFilter> {
    const decoded = (await filter?.toArticleFilter(context.loaders)) ?? {};
    return search == null ? decoded : { and: [decoded, { textMatch: compileSearchQuery(search) }] };
  }
}

/** The entities with these IDs, through the request's loader (one statement for all). */
async function entitiesById(context: Context, ids: number[]): Promise<Map<number, NamedEntity>> {
  const loaded = await context.loaders.entity.loadMany(ids);
  return new Map(loaded.filter((entity): entity is NamedEntity => entity !== null && !(entity instanceof Error)).map((entity) => [entity.id, entity]));
}
