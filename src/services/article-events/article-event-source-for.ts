import type { DataSource } from "typeorm";
import { dialectOf } from "../sql-dialect";
import type { ArticleEventSource } from "./article-event";
import { NotifiedArticleEventSource } from "./notified-article-event-source";
import { PollingArticleEventSource } from "./polling-article-event-source";

/** How often an SQLite server reads the event table, in milliseconds. */
export const DEFAULT_POLL_INTERVAL_MS = 250;

/** How often a PostgreSQL server reads it without being notified, in milliseconds. */
export const DEFAULT_SAFETY_POLL_MS = 5_000;

/**
 * The event source that suits the database: on PostgreSQL, notifications (LISTEN/NOTIFY) with a
 * slow safety poll, so events arrive as soon as they are committed at no cost while nothing
 * happens; on SQLite, which has no notifications across processes, a poll. `pollIntervalMs`
 * replaces the poll interval of either.
 */
export function articleEventSourceFor(dataSource: DataSource, options: { pollIntervalMs?: number; onError: (error: unknown) => void }): ArticleEventSource {
  if (dialectOf(dataSource) === "postgres") {
    return new NotifiedArticleEventSource(dataSource, {
      safetyPollMs: options.pollIntervalMs ?? DEFAULT_SAFETY_POLL_MS,
      maxReconnectDelayMs: DEFAULT_SAFETY_POLL_MS,
      onError: options.onError,
    });
  }
  return new PollingArticleEventSource(dataSource, { intervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, onError: options.onError });
}
