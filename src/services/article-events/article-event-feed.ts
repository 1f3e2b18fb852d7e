import type { EntityManager } from "typeorm";
import { ARTICLE_EVENT_RETENTION } from "../../migrations/1764300000000-article-events";
import { runSql } from "../sql";
import { dialectOf } from "../sql-dialect";
import type { ArticleEvent } from "./article-event";

/** Events committed since a reader's position, and how to move past them. */
export interface ArticleEventRead {
  /** Oldest first (by `seq`); empty when nothing was committed since. */
  events: ArticleEvent[];
  /** True when the feed pruned events this reader had not read yet (see ArticleEventBatch). */
  missed: boolean;
  /**
   * Moves the feed past these events. Called once they are delivered, so that a delivery that
   * fails leaves them to be read again (at least once).
   */
  consume(): void;
}

/**
 * Where a reader is in the feed: the newest `seq` it has read and, on PostgreSQL, the snapshot
 * of its last read (which transactions had committed then).
 */
interface FeedPosition {
  seq: number;
  snapshot: string | null;
}

/**
 * A reader's place in `article_event`, and the one read that moves it on, shared by every way of
 * learning that there is something to read (a poll, a notification).
 *
 * On SQLite, "events with `seq` above the last one read": one writer at a time means sequence
 * numbers commit in order. On PostgreSQL that would lose events, since concurrent writers take
 * sequence numbers in one order and commit in another, so the reader keeps the snapshot of its last
 * read instead and takes the events of transactions that committed since (their `tx` is visible
 * now but was not then, see ArticleEventNotifications1764400000000): every committed event exactly
 * once, whatever the commit order and however long a writer's transaction ran.
 */
export class ArticleEventFeed {
  private constructor(
    private readonly reader: EntityManager,
    private position: FeedPosition,
  ) {}

  /** A feed at the newest committed event: events committed before now are never read. */
  static async atNewest(reader: EntityManager): Promise<ArticleEventFeed> {
    if (dialectOf(reader) === "postgres") {
      const [{ seq, snapshot }] = await reader.query(`SELECT coalesce(max(seq), 0) AS seq, pg_current_snapshot()::text AS snapshot FROM article_event`);
      return new ArticleEventFeed(reader, { seq: Number(seq), snapshot });
    }
    const [{ seq }] = await reader.query(`SELECT coalesce(max(seq), 0) AS seq FROM article_event`);
    return new ArticleEventFeed(reader, { seq: Number(seq), snapshot: null });
  }

  /** The events committed since the position, in one statement. */
  async read(): Promise<ArticleEventRead> {
    const since = this.position;
    let events: ArticleEvent[];
    let snapshot: string | null = null;
    if (since.snapshot === null) {
      events = await runSql<ArticleEvent>(this.reader, `SELECT seq, "articleId", kind FROM article_event WHERE seq > :seq ORDER BY seq`, { seq: since.seq });
    } else {
      // The snapshot is taken with the rows, by the same statement, so it says exactly which
      // transactions the rows read include. Transactions below the old snapshot's xmin had all
      // ended by then, which bounds the scan of the `tx` index to the recent ones.
      const rows = await runSql<ArticleEvent & { snapshot: string }>(
        this.reader,
        `SELECT now.snapshot::text AS snapshot, e.seq, e."articleId", e.kind
         FROM (SELECT pg_current_snapshot() AS snapshot) now
         LEFT JOIN article_event e
           ON e.tx >= pg_snapshot_xmin(CAST(:since AS pg_snapshot)) AND NOT pg_visible_in_snapshot(e.tx, CAST(:since AS pg_snapshot))
         ORDER BY e.seq`,
        { since: since.snapshot },
      );
      snapshot = rows[0].snapshot;
      events = rows.filter((row) => row.seq !== null).map(({ seq, articleId, kind }) => ({ seq, articleId, kind }));
    }
    const newest = events.reduce((max, event) => Math.max(max, event.seq), since.seq);
    return {
      events,
      // Each new event prunes those ARTICLE_EVENT_RETENTION below it, so events above the last one
      // read are gone once the newest is that far ahead (on PostgreSQL, a transaction that stays
      // open while 100,000 events are written could lose one below it unnoticed).
      missed: newest - ARTICLE_EVENT_RETENTION > since.seq,
      consume: () => void (this.position = { seq: newest, snapshot }),
    };
  }
}
