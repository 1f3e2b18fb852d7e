import { DataSource } from "typeorm";
import type { ArticleEventBatch, ArticleEventSource } from "./article-event";
import { ArticleEventFeed } from "./article-event-feed";

/** Options of {@link PollingArticleEventSource}. */
export interface PollingOptions {
  /** Pause between the end of one poll and the start of the next, in milliseconds. */
  intervalMs: number;
  /** Called when a poll fails (the next one retries from the same place). */
  onError: (error: unknown) => void;
}

/**
 * Reads the `article_event` table (filled by triggers on `article`) for events committed since
 * the last ones it delivered (see {@link ArticleEventFeed}). One query per poll however many
 * subscribers there are, and since the table is in the database every process shares, each
 * server process sees what every writer committed. {@link wake} reads at once, between polls.
 *
 * On SQLite it reads through a connection of its own. TypeORM's SQLite driver runs everything of
 * one DataSource on one connection, transactions included, so a read there in the middle of this
 * process's own write would see the story's event before its edges, or a story about to be
 * rolled back; a second connection sees only what is committed (WAL gives it a snapshot per
 * statement). An in-memory database cannot be opened twice, so there the poller shares the
 * connection, which is right for tests that write between polls, not for a served database.
 * On PostgreSQL the DataSource is a pool whose statements each see only what is committed, so
 * the poller reads through it.
 */
export class PollingArticleEventSource implements ArticleEventSource {
  private reader: DataSource | null = null;
  private feed: ArticleEventFeed | null = null;
  private deliver: ((batch: ArticleEventBatch) => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  /** A wake-up came during a poll: poll again as soon as it ends. */
  private again = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PollingOptions,
  ) {}

  async start(deliver: (batch: ArticleEventBatch) => Promise<void>): Promise<void> {
    const shared = this.dataSource.options.type === "postgres" || this.dataSource.options.database === ":memory:";
    // The schema is already migrated by the main DataSource; this one only reads.
    this.reader = shared ? this.dataSource : await new DataSource({ ...this.dataSource.options, migrations: [], logger: undefined, logging: ["error"] }).initialize();
    this.feed = await ArticleEventFeed.atNewest(this.reader.manager);
    this.deliver = deliver;
    this.stopped = false;
    this.schedule(this.options.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
    if (this.reader && this.reader !== this.dataSource) await this.reader.destroy();
    this.reader = null;
  }

  /**
   * Polls now instead of at the next tick, for a caller that learnt there is something to read;
   * during a poll, polls again right after it, since the poll may have read before the news.
   */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.poll();
  }

  /** setTimeout after each poll rather than setInterval, so a slow poll never overlaps the next. */
  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.poll();
    }, delayMs);
  }

  private poll(): void {
    this.again = false;
    this.polling = this.readAndDeliver()
      .catch(this.options.onError)
      .finally(() => {
        this.polling = null;
        if (!this.stopped) this.schedule(this.again ? 0 : this.options.intervalMs);
      });
  }

  private async readAndDeliver(): Promise<void> {
    const { events, missed, consume } = await this.feed!.read();
    if (events.length > 0) await this.deliver!({ events, missed, reader: this.reader!.manager });
    // Only after delivery: a batch that failed is read again by the next poll (at least once).
    consume();
  }
}
