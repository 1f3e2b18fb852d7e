import { In, type EntityManager } from "typeorm";
import { Article } from "../../entities/article";
import { compileArticleFilter, followMerges, type ArticleFilter } from "../article-filter";
import { currentEntityIdsIn } from "../entity-redirects";
import { idChunks, runSql } from "../sql";
import type { ArticleEventBatch, ArticleEventKind, ArticleEventSource } from "./article-event";
import { ArticleSubscription } from "./article-subscription";
import { LiveUpdatesInterruptedError } from "./live-updates-interrupted-error";

/**
 * A server's live updates: subscribers register a kind of event and a story filter, and each
 * batch from the {@link ArticleEventSource} is matched and handed out. Matching is the same SQL
 * as article lists (`compileArticleFilter`), run once per batch for each distinct filter, over the
 * batch's story IDs; the matched stories are then read in one statement and shared.
 *
 * What a subscriber gets: each story at most once per batch, in the order of its first event.
 * Events of one story in one batch are folded together: `published` and later `updated` become
 * one `published` (the story is read after all of them, so it shows their result), several
 * `updated` become one. A batch holds whole transactions, so the story a writer creates and then
 * updates within one transaction is published once and never "updated".
 */
export class ArticleEventHub {
  private readonly subscriptions = new Set<ArticleSubscription>();

  constructor(private readonly source: ArticleEventSource) {}

  /** Starts listening: subscribers get the stories committed from now on. */
  start(): Promise<void> {
    return this.source.start((batch) => this.fanOut(batch));
  }

  /** Stops listening and ends every subscription. */
  async stop(): Promise<void> {
    await this.source.stop();
    for (const subscription of [...this.subscriptions]) subscription.close();
  }

  /** How many subscriptions are open. */
  get subscriberCount(): number {
    return this.subscriptions.size;
  }

  /** The stories that get an event of `kind` from now on and match `filter`, until `return()`. */
  subscribe(kind: ArticleEventKind, filter: ArticleFilter): AsyncIterableIterator<Article> {
    const subscription: ArticleSubscription = new ArticleSubscription(kind, filter, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    return subscription;
  }

  private async fanOut({ events, missed, reader }: ArticleEventBatch): Promise<void> {
    if (missed) {
      const interrupted = new LiveUpdatesInterruptedError("this server fell behind the feed and missed stories; reload and subscribe again");
      for (const subscription of [...this.subscriptions]) subscription.fail(interrupted);
    }
    if (this.subscriptions.size === 0) return;
    const changes = new Map<number, ArticleEventKind>();
    for (const { articleId, kind } of events) {
      if (changes.get(articleId) !== "published") changes.set(articleId, kind);
    }

    const groups = new Map<string, ArticleSubscription[]>();
    for (const subscription of this.subscriptions) {
      const key = `${subscription.kind} ${subscription.filterKey}`;
      groups.set(key, [...(groups.get(key) ?? []), subscription]);
    }
    const matches: Array<{ subscribers: ArticleSubscription[]; ids: number[] }> = [];
    for (const subscribers of groups.values()) {
      const { kind, filter } = subscribers[0];
      const candidates = [...changes].filter(([, changed]) => changed === kind).map(([id]) => id);
      if (candidates.length === 0) continue;
      try {
        matches.push({ subscribers, ids: await matching(reader, candidates, filter) });
      } catch (error) {
        // One filter the database refuses ends its own subscriptions, not everyone's.
        for (const subscription of subscribers) subscription.fail(error instanceof Error ? error : new Error(String(error)));
      }
    }

    const articles = await load(reader, [...new Set(matches.flatMap(({ ids }) => ids))]);
    for (const { subscribers, ids } of matches) {
      for (const id of ids) {
        const article = articles.get(id);
        if (article) for (const subscription of subscribers) subscription.push(article);
      }
    }
  }
}

/** The candidates that match the filter, in the candidates' order. */
async function matching(reader: EntityManager, candidates: number[], filter: ArticleFilter): Promise<number[]> {
  const { conditions, params } = compileArticleFilter(reader, await followMerges(filter, currentEntityIdsIn(reader)));
  const matched = new Set<number>();
  for (const ids of idChunks(candidates)) {
    const where = [`a.id IN (:...eventIds)`, ...conditions].join(" AND ");
    const rows = await runSql<{ id: number }>(reader, `SELECT a.id FROM article a WHERE ${where}`, { ...params, eventIds: ids });
    for (const { id } of rows) matched.add(Number(id));
  }
  return candidates.filter((id) => matched.has(id));
}

/** The stories by ID; a story deleted since its event is simply absent. */
async function load(reader: EntityManager, ids: number[]): Promise<Map<number, Article>> {
  const articles = new Map<number, Article>();
  for (const chunk of idChunks(ids)) {
    for (const article of await reader.findBy(Article, { id: In(chunk) })) articles.set(article.id, article);
  }
  return articles;
}
