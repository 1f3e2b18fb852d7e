import type { ApiKeys } from "../services/api-keys";

/**
 * How old a key's last confirmation may be, in milliseconds, when an event is sent on a
 * connection opened with it, and how often the keys of open connections are read again: the
 * longest a revoked key keeps a subscription (plus the time of one indexed read).
 */
export const KEY_RECHECK_MS = 1_000;

/** What {@link ApiKeyWatch} needs besides the keys. */
export interface ApiKeyWatchOptions {
  /** See {@link KEY_RECHECK_MS}. */
  recheckMs: number;
  /** A failed periodic read; the next tick reads again. */
  onError: (error: unknown) => void;
  /** The clock, in milliseconds (tests drive it by hand). */
  now?: () => number;
}

/** A read of every watched key, and when it began (what it proves is true from then on). */
interface KeyRead {
  startedAt: number;
  done: Promise<void>;
}

/**
 * The API keys of one process's open WebSocket connections, read again from the database so a key
 * revoked anywhere (`npm run keys -- revoke` on any machine, another replica) ends its connections
 * here: every {@link ApiKeyWatchOptions.recheckMs} on a timer, and before an event is sent on a
 * connection whose key was last confirmed longer ago than that. One statement reads every watched
 * key at once and is shared by everyone waiting for it, so many connections and many events cost
 * about one indexed read per interval per process, not one per event.
 */
export class ApiKeyWatch {
  /** For each watched key ID, what to call when a read finds it revoked. */
  private readonly watchers = new Map<number, Set<() => void>>();
  /** For each watched key ID, when the newest read that found it live began. */
  private readonly confirmedAt = new Map<number, number>();
  private reading: KeyRead | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(
    private readonly keys: ApiKeys,
    private readonly options: ApiKeyWatchOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Watches a key found live by a read that began at `confirmedAt`; `onRevoked` is called once, by
   * the first read that finds it revoked or removed. Returns the function that stops watching.
   */
  watch(keyId: number, confirmedAt: number, onRevoked: () => void): () => void {
    const callbacks = this.watchers.get(keyId) ?? new Set<() => void>();
    callbacks.add(onRevoked);
    this.watchers.set(keyId, callbacks);
    if (!this.confirmedAt.has(keyId) || this.confirmedAt.get(keyId)! < confirmedAt) this.confirmedAt.set(keyId, confirmedAt);
    if (!this.timer) {
      this.timer = setInterval(() => {
        if (this.watchers.size > 0) this.read(this.now()).catch(this.options.onError);
      }, this.options.recheckMs);
      // The watch alone never keeps a process alive.
      this.timer.unref();
    }
    return () => this.forget(keyId, onRevoked);
  }

  /**
   * Resolves once the key has been confirmed live by a read that began at most `recheckMs` ago,
   * reading (every watched key, in one statement) only when the last confirmation is older; a
   * read that finds it revoked has called its `onRevoked` callbacks before this resolves. Rejects
   * when the database cannot be read.
   */
  async refresh(keyId: number): Promise<void> {
    const freshFrom = this.now() - this.options.recheckMs;
    if ((this.confirmedAt.get(keyId) ?? -Infinity) >= freshFrom) return;
    await this.read(freshFrom);
  }

  /** Stops the timer and forgets every key (the server is stopping). */
  stop(): void {
    this.watchers.clear();
    this.confirmedAt.clear();
    this.stopTimerWhenIdle();
  }

  private forget(keyId: number, onRevoked: () => void): void {
    const callbacks = this.watchers.get(keyId);
    if (!callbacks?.delete(onRevoked) || callbacks.size > 0) return;
    this.watchers.delete(keyId);
    this.confirmedAt.delete(keyId);
    this.stopTimerWhenIdle();
  }

  /**
   * A read of every watched key that began no earlier than `notBefore`: the one under way if it
   * did, else a new one once the one under way (which may have missed a revocation) is over.
   */
  private read(notBefore: number): Promise<void> {
    const current = this.reading;
    if (current && current.startedAt >= notBefore) return current.done;
    if (current) return current.done.then(() => this.read(notBefore), () => this.read(notBefore));
    const startedAt = this.now();
    const done = this.readKeys(startedAt).finally(() => {
      if (this.reading?.done === done) this.reading = null;
    });
    this.reading = { startedAt, done };
    return done;
  }

  private async readKeys(startedAt: number): Promise<void> {
    const keyIds = [...this.watchers.keys()];
    if (keyIds.length === 0) return;
    const live = await this.keys.liveAmong(keyIds);
    for (const keyId of keyIds) {
      // A key whose last connection closed during the read is no longer watched.
      if (!this.watchers.has(keyId)) continue;
      if (live.has(keyId)) {
        this.confirmedAt.set(keyId, Math.max(startedAt, this.confirmedAt.get(keyId) ?? -Infinity));
        continue;
      }
      const callbacks = [...this.watchers.get(keyId)!];
      this.watchers.delete(keyId);
      this.confirmedAt.delete(keyId);
      for (const onRevoked of callbacks) onRevoked();
    }
    this.stopTimerWhenIdle();
  }

  private stopTimerWhenIdle(): void {
    if (this.watchers.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
  }
}
