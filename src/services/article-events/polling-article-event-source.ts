import { DataSource } from "typeorm";
import { runSql } from "../sql";
import type { ArticleEvent, ArticleEventBatch, ArticleEventSource } from "./article-event";

/** Options of {@link PollingArticleEventSource}. */
export interface PollingOptions {
  /** Pause between the end of one poll and the start of the next, in milliseconds. */
  intervalMs: number;
  /** Called when a poll fails (the next one retries from the same place). */
  onError: (error: unknown) => void;
}

/**
 * Reads the `article_event` table (filled by triggers on `article`) for events newer than the last
 * one it delivered. One query per poll however many subscribers there are, and since the table is
 * in the database every process shares, each server process sees what every writer committed.
 *
 * It reads through a connection of its own. TypeORM's SQLite driver runs everything of one
 * DataSource on one connection, transactions included, so a read there in the middle of this
 * process's own write would see the story's event before its edges, or a story about to be
 * rolled back; a second connection sees only what is committed (WAL gives it a snapshot per
 * statement). An in-memory database cannot be opened twice, so there the poller shares the
 * connection, which is right for tests that write between polls, not for a served database.
 *
 * Reading `seq > last` skips nothing on SQLite: one writer at a time means sequence numbers commit
 * in order, and AUTOINCREMENT numbers are contiguous (a rolled-back transaction takes its numbers
 * back), so a batch that does not start at `last + 1` means the window pruned events unread.
 */
export class PollingArticleEventSource implements ArticleEventSource {
  private reader: DataSource | null = null;
  private last = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PollingOptions,
  ) {}

  async start(deliver: (batch: ArticleEventBatch) => Promise<void>): Promise<void> {
    const inMemory = this.dataSource.options.database === ":memory:";
    // The schema is already migrated by the main DataSource; this one only reads.
    this.reader = inMemory ? this.dataSource : await new DataSource({ ...this.dataSource.options, migrations: [], logger: undefined, logging: ["error"] }).initialize();
    const [{ last }] = await this.reader.query(`SELECT coalesce(max(seq), 0) AS last FROM article_event`);
    this.last = Number(last);
    this.stopped = false;
    this.schedule(deliver);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
    if (this.reader && this.reader !== this.dataSource) await this.reader.destroy();
    this.reader = null;
  }

  /** setTimeout after each poll rather than setInterval, so a slow poll never overlaps the next. */
  private schedule(deliver: (batch: ArticleEventBatch) => Promise<void>): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling = this.poll(deliver)
        .catch(this.options.onError)
        .finally(() => {
          this.polling = null;
          if (!this.stopped) this.schedule(deliver);
        });
    }, this.options.intervalMs);
  }

  private async poll(deliver: (batch: ArticleEventBatch) => Promise<void>): Promise<void> {
    const reader = this.reader!;
    const events = await runSql<ArticleEvent>(reader.manager, `SELECT seq, "articleId", kind FROM article_event WHERE seq > :last ORDER BY seq`, { last: this.last });
    if (events.length === 0) return;
    await deliver({ events, missed: events[0].seq > this.last + 1, reader: reader.manager });
    // Only after delivery: a batch that failed is read again by the next poll (at least once).
    this.last = events[events.length - 1].seq;
  }
}
