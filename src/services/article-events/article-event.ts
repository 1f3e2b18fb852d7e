import type { EntityManager } from "typeorm";

/**
 * What happened to a story: `published` when it was first stored, `updated` when it was changed
 * after that (re-ingested with changes, edited, retagged).
 */
export type ArticleEventKind = "published" | "updated";

/** One committed change to a story. `seq` numbers events in commit order. */
export interface ArticleEvent {
  seq: number;
  articleId: number;
  kind: ArticleEventKind;
}

/** Events committed since the previous batch, oldest first. */
export interface ArticleEventBatch {
  events: ArticleEvent[];
  /**
   * Reads the database as committed, at least as recent as these events: the stories and edges
   * the events announce are all there, and nothing a writer has not committed yet is.
   */
  reader: EntityManager;
  /**
   * True when events were lost before they could be read (the feed pruned them while this reader
   * lagged), so subscribers cannot have seen every change.
   */
  missed: boolean;
}

/**
 * Where a server's live updates come from: a transport that delivers every committed story event
 * once to this process, in commit order: on SQLite a poll of the `article_event` table
 * (PollingArticleEventSource), on PostgreSQL a read of it on each NOTIFY (NotifiedArticleEventSource),
 * both through ArticleEventFeed; the fan-out to subscribers (ArticleEventHub) is the same.
 */
export interface ArticleEventSource {
  /**
   * Starts at the newest committed event (earlier ones are not delivered) and calls `deliver`
   * with each later batch, one at a time: the next batch waits until `deliver` has settled.
   */
  start(deliver: (batch: ArticleEventBatch) => Promise<void>): Promise<void>;
  /** Stops delivering; resolves once a delivery in progress has finished. */
  stop(): Promise<void>;
}
