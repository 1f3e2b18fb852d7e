import { LiveUpdatesInterruptedError } from "../services/article-events/live-updates-interrupted-error";
import { UnauthenticatedError } from "../services/errors";
import type { ApiKeyWatch } from "./api-key-watch";

/** What a subscription ended by its key's revocation is told (and the reason its connection closes with). */
export const KEY_REVOKED_MESSAGE = "the API key has been revoked";

/**
 * The API key a graphql-ws connection was opened with, watched for as long as the connection is
 * open. When a read of the database finds it revoked (see {@link ApiKeyWatch}), each open
 * subscription of the connection ends with UNAUTHENTICATED, even one waiting for its next event,
 * and `onRevoked` is called once so the connection can be closed.
 */
export class ConnectionKey {
  private revocation: UnauthenticatedError | null = null;
  /** How to fail each stream's wait for its next event, so a revocation ends it without an event. */
  private readonly waits = new Set<(error: UnauthenticatedError) => void>();
  private readonly unwatch: () => void;

  constructor(
    readonly keyId: number,
    private readonly watch: ApiKeyWatch,
    /** When the read that authenticated the connection began. */
    authenticatedAt: number,
    private readonly onRevoked: () => void,
  ) {
    this.unwatch = watch.watch(keyId, authenticatedAt, () => this.revoke());
  }

  /** The error the connection's subscriptions end with once the key is revoked; null while it is live. */
  get revokedError(): UnauthenticatedError | null {
    return this.revocation;
  }

  /** Ends everything the key allowed on this connection; a second call does nothing. */
  revoke(): void {
    if (this.revocation) return;
    this.revocation = new UnauthenticatedError(KEY_REVOKED_MESSAGE);
    this.unwatch();
    for (const fail of [...this.waits]) fail(this.revocation);
    this.onRevoked();
  }

  /** Stops watching the key: the connection has closed. */
  release(): void {
    this.unwatch();
  }

  /**
   * An operation's results, each passed on only once the key has been confirmed live by a read at
   * most the watch's interval old; the stream ends with UNAUTHENTICATED at the revocation, at once
   * even while it waits for an event. Written by hand, as ArticleSubscription is, so that `return()`
   * (the client completing, the socket closing) reaches the source at once.
   */
  checked<T>(results: AsyncIterable<T>): AsyncIterableIterator<T> {
    const source = results[Symbol.asyncIterator]();
    const stopSource = async () => {
      await source.return?.().catch(() => undefined);
    };
    const stream: AsyncIterableIterator<T> = {
      next: async () => {
        try {
          const result = await this.untilRevoked(() => source.next());
          if (!result.done) await this.confirm();
          return result;
        } catch (error) {
          await stopSource();
          throw error;
        }
      },
      return: async (value?: unknown) => {
        await stopSource();
        return { value: value as T, done: true };
      },
      throw: async (error?: unknown) => {
        await stopSource();
        throw error;
      },
      [Symbol.asyncIterator]: () => stream,
    };
    return stream;
  }

  /** What `next()` resolves to, unless the key is revoked first (then `next` is not called at all). */
  private untilRevoked<R>(next: () => Promise<R>): Promise<R> {
    if (this.revocation) return Promise.reject(this.revocation);
    return new Promise<R>((resolve, reject) => {
      this.waits.add(reject);
      next()
        .then(resolve, reject)
        .finally(() => this.waits.delete(reject));
    });
  }

  /** Resolves when the key is confirmed live (see ApiKeyWatch.refresh); throws once it is revoked. */
  private async confirm(): Promise<void> {
    if (!this.revocation) {
      try {
        await this.watch.refresh(this.keyId);
      } catch {
        // Sending without knowing the key is live would be access without a check: fail closed.
        throw new LiveUpdatesInterruptedError("the API key could not be checked again (the database did not answer); subscribe again");
      }
    }
    if (this.revocation) throw this.revocation;
  }
}
