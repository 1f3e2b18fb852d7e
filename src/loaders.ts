import DataLoader from "dataloader";
import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import { Article } from "./entities/article";
import { ArticleAuthor } from "./entities/article-author";
import { ArticlePhoto } from "./entities/article-photo";
import { ArticleTopic } from "./entities/article-topic";
import { DeletedArticle } from "./entities/deleted-article";
import { Mention } from "./entities/mention";
import { NamedEntity } from "./entities/named-entity";
import { Photo } from "./entities/photo";
import { PhotoDepiction } from "./entities/photo-depiction";
import { Place } from "./entities/place";
import { RelatedLink } from "./entities/related-link";
import { Topic } from "./entities/topic";
import type { ArticleFilter } from "./services/article-filter";
import { ArticleQuery, type ArticleLink, type ArticleOrder } from "./services/article-query";
import { CoMentionRanker, pairKey, type CoMention, type EntityPair, type SharedStories } from "./services/co-mention-ranker";
import type { Period } from "./services/dashboard/period";
import { EntityRegistry } from "./services/entity-registry";
import { mergedInto } from "./services/entity-redirects";
import type { Page, PageRequest } from "./services/pagination";
import { RelatedCoverageRanker, type RelatedArticle } from "./services/related-coverage-ranker";

/** Arguments that shape a batched list; loaders are shared by the parents that pass the same ones. */
export interface ArticleListShape {
  links: ArticleLink[];
  filter: ArticleFilter;
  order: ArticleOrder;
  page: PageRequest;
}

/** Arguments that shape a list of co-mentions. */
export interface CoMentionShape {
  first: number;
  /** Only stories published within it count. */
  period: Period;
}

/** How many example stories a co-mention carries. */
const STORIES_PER_CO_MENTION = 3;

/**
 * The per-request DataLoaders. Each resolves the keys asked for in one tick of the event loop with
 * one statement, and caches what it loaded for the rest of the request, never longer: a new set is
 * made for every request, so no request sees another's data or a stale copy.
 */
export class Loaders {
  constructor(private readonly manager: EntityManager) {}

  readonly article = byId(this.manager, Article);
  readonly entity = byId(this.manager, NamedEntity);
  readonly photo = byId(this.manager, Photo);
  readonly deletedArticle = byId(this.manager, DeletedArticle);

  /** The entity each merged-away entity ID now means, or null for IDs never merged. */
  readonly entityRedirect = new DataLoader<number, number | null>(async (ids) => {
    const into = await mergedInto(this.manager, ids);
    return ids.map((id) => into.get(id) ?? null);
  });

  /** The entity an ID means now: the one it was merged into when merged away, else the ID itself. */
  async currentEntityId(id: number): Promise<number> {
    return (await this.entityRedirect.load(id)) ?? id;
  }

  readonly aliases = new DataLoader<number, string[]>(async (ids) => {
    const aliases = await new EntityRegistry(this.manager).aliasesOf([...ids]);
    return ids.map((id) => aliases.get(id) ?? []);
  });

  readonly authorsOfArticle = this.grouped(ArticleAuthor, "articleId", { position: "ASC" }, { person: true }, (row) => row.person);
  readonly photosOfArticle = this.grouped(ArticlePhoto, "articleId", { position: "ASC" }, { photo: true }, (row) => row.photo);
  readonly topicsOfArticle = this.grouped(ArticleTopic, "articleId", { weight: "DESC", topicId: "ASC" }, { topic: true }, (row) => row.topic);
  readonly mentionsInArticle = this.grouped(Mention, "articleId", { salience: "DESC", entityId: "ASC" }, { entity: true }, (row) => row);
  readonly relatedLinksOfArticle = this.grouped(RelatedLink, "articleId", { position: "ASC" }, {}, (row) => row);
  readonly peopleInPhoto = this.grouped(PhotoDepiction, "photoId", { position: "ASC" }, { person: true }, (row) => row.person);

  readonly placesWithin = this.children(Place, "containedInId");
  readonly subtopics = this.children(Topic, "parentId");

  readonly photosDepicting = new DataLoader<number, Photo[]>(async (personIds) => {
    const rows = await this.manager.find(PhotoDepiction, { where: { personId: In(ascending(personIds)) } });
    const photos = await this.photo.loadMany(rows.map((row) => row.photoId));
    const byPerson = new Map<number, Photo[]>(personIds.map((id) => [id, []]));
    rows.forEach((row, index) => {
      const photo = photos[index];
      if (photo && !(photo instanceof Error)) byPerson.get(row.personId)?.push(photo);
    });
    return personIds.map((id) => byPerson.get(id)!);
  });

  readonly photosTakenIn = new DataLoader<number, Photo[]>(async (placeIds) => {
    const photos = await this.manager.find(Photo, { where: { takenInId: In(ascending(placeIds)) }, order: { id: "ASC" } });
    return placeIds.map((id) => photos.filter((photo) => photo.takenInId === id));
  });

  private readonly articleLists = new Map<string, DataLoader<number, Page<Article>>>();
  private readonly articleCounts = new Map<string, DataLoader<number, number>>();
  private readonly relatedLists = new Map<number, DataLoader<number, RelatedArticle[]>>();
  private readonly coMentionLists = new Map<string, DataLoader<number, CoMention[]>>();
  private readonly sharedStoryLists = new Map<string, DataLoader<EntityPair, SharedStories, string>>();

  /** The loader for pages of stories of one shape (links, filter, order, page arguments). */
  articlesOf(shape: ArticleListShape): DataLoader<number, Page<Article>> {
    return memo(this.articleLists, JSON.stringify(shape), () => new DataLoader(async (parentIds) => {
      const pages = await new ArticleQuery(this.manager).listByParent(shape.links, [...parentIds], shape.filter, shape.order, shape.page);
      return parentIds.map((id) => pages.get(id)!);
    }));
  }

  /** The loader for story counts of one shape; the page arguments do not change a count. */
  articleCountOf(shape: Omit<ArticleListShape, "order" | "page">): DataLoader<number, number> {
    return memo(this.articleCounts, JSON.stringify(shape), () => new DataLoader(async (parentIds) => {
      const counts = await new ArticleQuery(this.manager).countByParent(shape.links, [...parentIds], shape.filter);
      return parentIds.map((id) => counts.get(id) ?? 0);
    }));
  }

  /** The loader for the related coverage of stories, `first` items each. */
  relatedCoverage(first: number): DataLoader<number, RelatedArticle[]> {
    return memo(this.relatedLists, first, () => new DataLoader(async (articleIds) => {
      const related = await new RelatedCoverageRanker(this.manager).rank([...articleIds], first);
      return articleIds.map((id) => related.get(id) ?? []);
    }));
  }

  /** The loader for the entities most often named with each entity, `first` each, in stories of the period. */
  coMentions(shape: CoMentionShape): DataLoader<number, CoMention[]> {
    return memo(this.coMentionLists, JSON.stringify(shape), () => new DataLoader(async (entityIds) => {
      const ranked = await new CoMentionRanker(this.manager).rank([...entityIds], shape.first, shape.period);
      return entityIds.map((id) => ranked.get(id) ?? []);
    }));
  }

  /** The loader for the newest stories each pair of entities shares within the period. */
  sharedStories(period: Period): DataLoader<EntityPair, SharedStories, string> {
    return memo(this.sharedStoryLists, JSON.stringify(period), () => new DataLoader(async (pairs) => {
      const shared = await new CoMentionRanker(this.manager).sharedStories([...pairs], STORIES_PER_CO_MENTION, period);
      return pairs.map((pair) => shared.get(pairKey(pair))!);
    }, { cacheKeyFn: pairKey }));
  }

  /** A loader of the rows of `edge` for each parent key, in `order`, mapped by `pick`. */
  private grouped<E extends ObjectLiteral, K extends keyof E & string, R>(
    edge: new () => E,
    key: K,
    order: Partial<Record<keyof E, "ASC" | "DESC">>,
    relations: Partial<Record<keyof E, true>>,
    pick: (row: E) => R,
  ): DataLoader<number, R[]> {
    return new DataLoader(async (parentIds) => {
      const rows = await this.manager.find(edge, { where: { [key]: In(ascending(parentIds)) } as never, order: order as never, relations: relations as never });
      const byParent = new Map<number, R[]>(parentIds.map((id) => [id, []]));
      for (const row of rows) byParent.get(row[key] as number)?.push(pick(row));
      return parentIds.map((id) => byParent.get(id)!);
    });
  }

  /** A loader of the entities of `type` whose `column` points at each parent, by name. */
  private children<E extends Place | Topic>(type: new () => E, column: "containedInId" | "parentId"): DataLoader<number, E[]> {
    return new DataLoader(async (parentIds) => {
      const rows = await this.manager.find(type, { where: { [column]: In(ascending(parentIds)) } as never, order: { name: "ASC", id: "ASC" } as never });
      return parentIds.map((id) => rows.filter((row) => (row as Place & Topic)[column] === id));
    });
  }
}

/** A loader of rows of `type` by primary key; a missing row loads as null. */
function byId<E extends { id: number }>(manager: EntityManager, type: abstract new () => E): DataLoader<number, E | null> {
  return new DataLoader(async (ids) => {
    const rows = await manager.findBy(type as EntityTarget<E>, { id: In(ascending(ids)) } as never);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function memo<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}


/**
 * A batch's keys in ascending order. DataLoader collects keys in the order resolvers ask for them,
 * which varies with timing; sorted, a batch sends the same statement whichever order its parents
 * resolved in, as the bench's ceiling needs: it replays statements by their text and parameters.
 */
function ascending(ids: readonly number[]): number[] {
  return [...ids].sort((a, b) => a - b);
}
