import type { ApolloServerPlugin } from "@apollo/server";
import { TimeoutError } from "./timeout-error";

/**
 * Bounds how long one request may take. {@link run} answers with a {@link TimeoutError} once the
 * time is up, whatever the request is still waiting for, so a client is never left hanging; and
 * the {@link plugin} makes every field that would start resolving after that fail at once, so the
 * abandoned request stops issuing statements instead of running on in the background.
 */
export class ExecutionTimeout {
  /** The signal of each request in flight, keyed by its context object. */
  private readonly signals = new WeakMap<object, AbortSignal>();

  constructor(readonly milliseconds: number) {}

  /**
   * Runs one request's `work`, which passes its GraphQL context through `track` so the plugin can
   * tell the request's fields that time is up. Rejects with a TimeoutError when the time runs out.
   */
  async run<T>(work: (track: <C extends object>(context: C) => C) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new TimeoutError(this.milliseconds));
      }, this.milliseconds);
    });
    const track = <C extends object>(context: C): C => {
      this.signals.set(context, controller.signal);
      return context;
    };
    try {
      return await Promise.race([work(track), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The Apollo plugin that stops the fields of a request once {@link run} has given up on it. */
  plugin(): ApolloServerPlugin {
    const signals = this.signals;
    const milliseconds = this.milliseconds;
    return {
      async requestDidStart({ contextValue }) {
        const signal = signals.get(contextValue as object);
        if (!signal) return;
        return {
          async executionDidStart() {
            return {
              willResolveField() {
                if (signal.aborted) throw new TimeoutError(milliseconds);
              },
            };
          },
        };
      },
    };
  }
}
