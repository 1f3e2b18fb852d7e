import { Client, type ClientConfig } from "pg";
import type { DataSource } from "typeorm";
import type { PostgresConnectionOptions } from "typeorm/driver/postgres/PostgresConnectionOptions";
import type { ArticleEventBatch, ArticleEventSource } from "./article-event";
import { PollingArticleEventSource } from "./polling-article-event-source";

/** Options of {@link NotifiedArticleEventSource}. */
export interface NotifiedOptions {
  /**
   * How often the table is read even without a notification, in milliseconds: a safety net for a
   * notification lost with its connection, never the usual way events arrive.
   */
  safetyPollMs: number;
  /** Longest pause between two attempts to reconnect the listening connection, in milliseconds. */
  maxReconnectDelayMs: number;
  /** Called when a read fails or the listening connection is lost (both are retried). */
  onError: (error: unknown) => void;
}

/** `application_name` of the listening connection, so it can be told apart in `pg_stat_activity`. */
export const LISTENER_APPLICATION_NAME = "content-graph live updates";

/** The first pause before reconnecting, doubled after each failed attempt. */
const FIRST_RECONNECT_DELAY_MS = 100;

/**
 * Live updates on PostgreSQL: a connection of its own LISTENs on the channel the `article_event`
 * trigger NOTIFYs when a writer commits (ArticleEventNotifications1764400000000), and each
 * notification makes the {@link PollingArticleEventSource} read at once, through the same
 * {@link ArticleEventFeed} read as a poll. Every server process listens, so a story written
 * through any replica, or by the ingest command, reaches the subscribers of all of them within
 * milliseconds of its commit, and the database is the only thing the replicas share.
 *
 * Notifications only say "read now"; what to read comes from the table, so nothing depends on
 * receiving every one of them. A slow safety poll covers a notification lost with a connection,
 * and a lost connection is reconnected with growing pauses and followed by a read of everything
 * committed meanwhile.
 */
export class NotifiedArticleEventSource implements ArticleEventSource {
  private readonly poller: PollingArticleEventSource;
  private channel = "";
  private client: Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failedAttempts = 0;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: NotifiedOptions,
  ) {
    this.poller = new PollingArticleEventSource(dataSource, { intervalMs: options.safetyPollMs, onError: options.onError });
  }

  async start(deliver: (batch: ArticleEventBatch) => Promise<void>): Promise<void> {
    // The channel of the schema `article_event` is in, named by the database's own function.
    const [{ channel }] = await this.dataSource.query(
      `SELECT article_event_channel(n.nspname) AS channel FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = 'article_event'::regclass`,
    );
    this.channel = channel;
    this.stopped = false;
    // Listening before the feed takes its position: whatever commits after it is announced. A
    // notification heard while the position was being taken found the poller not yet started,
    // so one read right away makes up for it.
    await this.listen();
    await this.poller.start(deliver);
    this.poller.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const client = this.client;
    this.client = null;
    await client?.end();
    await this.poller.stop();
  }

  /** Connects the listening client; throws when it cannot, leaving no connection open. */
  private async listen(): Promise<void> {
    const client = new Client(this.clientConfig());
    client.on("notification", () => this.poller.wake());
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("the server closed the connection")));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end();
      return;
    }
    this.client = client;
  }

  private lost(client: Client, error: Error): void {
    if (client !== this.client) return; // already handled, or closed on purpose
    this.client = null;
    client.end().catch(() => undefined);
    this.options.onError(new Error(`the connection listening for new stories was lost (${error.message})`));
    this.reconnect();
  }

  private reconnect(): void {
    const delay = Math.min(this.options.maxReconnectDelayMs, FIRST_RECONNECT_DELAY_MS * 2 ** this.failedAttempts);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.stopped) return;
      this.listen().then(
        () => {
          this.failedAttempts = 0;
          // What was committed while nobody listened.
          this.poller.wake();
        },
        (error: unknown) => {
          this.failedAttempts++;
          this.options.onError(error);
          if (!this.stopped) this.reconnect();
        },
      );
    }, delay);
  }

  /** The connection settings of the DataSource (URL, session options), for one plain client. */
  private clientConfig(): ClientConfig {
    const { url, host, port, username, password, database, extra } = this.dataSource.options as PostgresConnectionOptions;
    return {
      connectionString: url,
      host,
      port,
      user: username,
      password: typeof password === "string" ? password : undefined,
      database,
      ...extra,
      application_name: LISTENER_APPLICATION_NAME,
      // An idle connection otherwise notices a vanished server only when it next writes.
      keepAlive: true,
    };
  }
}
