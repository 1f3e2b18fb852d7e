/**
 * The dashboard's only way to the data: the public GraphQL API of the server that served the page,
 * over HTTP at `/graphql` and, for live updates, graphql-ws on the same path.
 */
import { createClient, type Client } from "graphql-ws";

/** A GraphQL error as the API sends it, with its typed code. */
export interface ApiError {
  message: string;
  extensions?: { code?: string };
}

/** A failed operation: the server's errors, or the network failure, with the message to show. */
export class ApiFailure extends Error {
  constructor(readonly errors: ApiError[]) {
    super(errors.map((error) => (error.extensions?.code ? `${error.message} (${error.extensions.code})` : error.message)).join("; "));
  }
}

/** Runs a query or mutation by POST and resolves with its data; rejects with {@link ApiFailure} on any error. */
export async function request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure([{ message: `the server cannot be reached (${String(error)})` }]);
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: ApiError[] } | null;
  if (body === null) throw new ApiFailure([{ message: `the server answered ${response.status} without JSON` }]);
  if (body.errors?.length) throw new ApiFailure(body.errors);
  if (body.data === undefined) throw new ApiFailure([{ message: `the server answered ${response.status} without data` }]);
  return body.data;
}

/** The state of the live connection, shown beside the latest stories. */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "unavailable";

let client: Client | null = null;
const statusListeners = new Set<(status: LiveStatus) => void>();

/** The page's one graphql-ws connection, opened when the first subscription starts. */
function liveClient(): Client {
  if (client) return client;
  const emit = (status: LiveStatus) => statusListeners.forEach((listener) => listener(status));
  client = createClient({
    url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    // Back off up to 10 s between attempts, so a restarting server is not hammered.
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries))),
    on: {
      connecting: (isRetry) => emit(isRetry ? "reconnecting" : "connecting"),
      connected: () => emit("live"),
      closed: () => emit("reconnecting"),
      error: () => emit("unavailable"),
    },
  });
  return client;
}

/** Calls `listener` whenever the live connection changes state; returns the unsubscribe function. */
export function onLiveStatus(listener: (status: LiveStatus) => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/**
 * Subscribes over graphql-ws; `onData` gets each event's data, `onError` a subscription the server
 * refused (a bad filter, an unknown field). Returns the function that ends the subscription.
 */
export function subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, onError: (failure: ApiFailure) => void): () => void {
  return liveClient().subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) onError(new ApiFailure(result.errors as ApiError[]));
        else if (result.data) onData(result.data as T);
      },
      error: (error) => {
        const errors = Array.isArray(error) ? (error as ApiError[]) : [{ message: error instanceof Error ? error.message : "the live connection failed" }];
        onError(new ApiFailure(errors));
      },
      complete: () => undefined,
    },
  );
}
