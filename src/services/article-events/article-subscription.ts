import type { Article } from "../../entities/article";
import type { ArticleFilter } from "../article-filter";
import type { ArticleEventKind } from "./article-event";
import { LiveUpdatesInterruptedError } from "./live-updates-interrupted-error";

/** Stories a subscriber may have waiting before it counts as not keeping up. */
export const MAX_PENDING_STORIES = 1_000;

/**
 * One subscriber's stream of stories: an async iterator fed by {@link ArticleEventHub}. Written
 * by hand rather than as an async generator so that `return()` (the client unsubscribing or
 * disconnecting) takes effect at once even while `next()` is waiting for a story; a generator would
 * only notice at its next event, and an idle subscriber would stay registered until then.
 */
export class ArticleSubscription implements AsyncIterableIterator<Article> {
  /** The filter as a string, so subscribers with equal filters share one query per read of the feed. */
  readonly filterKey: string;
  private readonly pending: Article[] = [];
  private waiting: { resolve: (result: IteratorResult<Article>) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  private ended = false;

  constructor(
    readonly kind: ArticleEventKind,
    readonly filter: ArticleFilter,
    /** Called once when the subscription ends, however it ends. */
    private readonly onEnd: () => void,
  ) {
    this.filterKey = JSON.stringify(filter);
  }

  /** Hands a story to the subscriber; one that lets too many pile up is ended with an error. */
  push(article: Article): void {
    if (this.ended) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: article, done: false });
    } else if (this.pending.length >= MAX_PENDING_STORIES) {
      this.fail(new LiveUpdatesInterruptedError(`the subscriber fell more than ${MAX_PENDING_STORIES} stories behind; reload and subscribe again`));
    } else {
      this.pending.push(article);
    }
  }

  /** Ends the subscription with an error, after the stories already waiting. */
  fail(error: Error): void {
    if (this.ended) return;
    this.end();
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      reject(error);
    } else {
      this.failure = error;
    }
  }

  /** Ends the subscription without an error (the server is stopping). */
  close(): void {
    if (this.ended) return;
    this.end();
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = null;
  }

  next(): Promise<IteratorResult<Article>> {
    const article = this.pending.shift();
    if (article) return Promise.resolve({ value: article, done: false });
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<Article>> {
    this.pending.length = 0;
    this.failure = null;
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Article> {
    return this;
  }

  private end(): void {
    this.ended = true;
    this.onEnd();
  }
}
