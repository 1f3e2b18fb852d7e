/**
 * The dashboard's only way to the data: the public GraphQL API of the server that served the page,
 * over HTTP at `/graphql` and, for live updates, graphql-ws on the same path, with the API key the
 * user gave, if any.
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

/**
 * Where the API key is kept: this tab's sessionStorage, which goes when the tab closes and is never
 * part of a URL (so never in history, logs or a Referer).
 */
const KEY_STORAGE = "content-graph.api-key";

/**
 * The close code graphql-ws gives a connection refused or ended for its API key (the server's
 * UNAUTHORIZED_CLOSE_CODE); graphql-ws's client does not reconnect after it.
 */
const UNAUTHORIZED_CLOSE_CODE = 4401;

/** The page's API key, and what the server last said about it. */
export interface KeyState {
  /** The key sent as `Authorization: Bearer <key>`, or null to send none. */
  key: string | null;
  /** The server's last UNAUTHENTICATED answer to this key (or to no key); null once it is accepted. */
  refusal: ApiFailure | null;
}

let keyState: KeyState = { key: storedKey(), refusal: null };
const keyListeners = new Set<() => void>();

/** The page's API key and its refusal, as they stand (the same object until either changes). */
export function currentKeyState(): KeyState {
  return keyState;
}

/** Calls `listener` whenever the key or its refusal changes; returns the unsubscribe function. */
export function onKeyState(listener: () => void): () => void {
  keyListeners.add(listener);
  return () => keyListeners.delete(listener);
}

/**
 * Uses `key` (blank or null for none) from now on: stored for this tab, sent with every request,
 * and given to a new live connection, since a connection presents its key only when it opens.
 */
export function setApiKey(key: string | null): void {
  const chosen = key?.trim() || null;
  try {
    if (chosen) sessionStorage.setItem(KEY_STORAGE, chosen);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // Storage refused (a privacy mode): the key still serves this page until it is reloaded.
  }
  client?.dispose();
  client = null;
  setKeyState({ key: chosen, refusal: null });
}

function storedKey(): string | null {
  try {
    return sessionStorage.getItem(KEY_STORAGE) || null;
  } catch {
    return null;
  }
}

function setKeyState(next: KeyState): void {
  keyState = next;
  keyListeners.forEach((listener) => listener());
}

/** Records the server's answer to `key`; an answer about a key the user has since replaced is ignored. */
function noteKeyAnswer(key: string | null, failure: ApiFailure | null): void {
  if (keyState.key !== key) return;
  // Any other answer, an error included, means the server took the key.
  const refusal = failure?.errors.some((error) => error.extensions?.code === "UNAUTHENTICATED") ? failure : null;
  if (refusal !== null || keyState.refusal !== null) setKeyState({ key, refusal });
}

/** Runs a query or mutation by POST and resolves with its data; rejects with {@link ApiFailure} on any error. */
export async function request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const { key } = keyState;
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure([{ message: `the server cannot be reached (${String(error)})` }]);
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: ApiError[] } | null;
  if (body === null) throw new ApiFailure([{ message: `the server answered ${response.status} without JSON` }]);
  if (body.errors?.length) {
    const failure = new ApiFailure(body.errors);
    noteKeyAnswer(key, failure);
    throw failure;
  }
  if (body.data === undefined) throw new ApiFailure([{ message: `the server answered ${response.status} without data` }]);
  noteKeyAnswer(key, null);
  return body.data;
}

/** The state of the live connection, shown beside the latest stories; `refused` is for its API key. */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "unavailable" | "refused";

let client: Client | null = null;
const statusListeners = new Set<(status: LiveStatus) => void>();

/**
 * The page's one graphql-ws connection, opened when the first subscription starts, presenting the
 * current API key as its `Authorization` parameter (a new key gets a new connection, see setApiKey).
 */
function liveClient(): Client {
  if (client) return client;
  const { key } = keyState;
  const emit = (status: LiveStatus) => statusListeners.forEach((listener) => listener(status));
  const opened = createClient({
    url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`,
    connectionParams: key ? { Authorization: `Bearer ${key}` } : {},
    retryAttempts: Infinity,
    shouldRetry: () => true,
    // Back off up to 10 s between attempts, so a restarting server is not hammered.
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries))),
    on: {
      connecting: (isRetry) => emit(isRetry ? "reconnecting" : "connecting"),
      connected: () => emit("live"),
      closed: (event) => {
        // A connection the user replaced (a new key) closing is no news.
        if (client !== opened) return;
        const refusal = keyRefusalOf(event);
        if (refusal) noteKeyAnswer(key, refusal);
        emit(refusal ? "refused" : "reconnecting");
      },
      error: () => emit("unavailable"),
    },
  });
  client = opened;
  return opened;
}

/** The refusal a close event carries when the server closed the connection for its API key (none, unknown, revoked). */
function keyRefusalOf(event: unknown): ApiFailure | null {
  const { code, reason } = (event ?? {}) as { code?: unknown; reason?: unknown };
  if (code !== UNAUTHORIZED_CLOSE_CODE) return null;
  return new ApiFailure([{ message: typeof reason === "string" && reason ? reason : "the API key was refused", extensions: { code: "UNAUTHENTICATED" } }]);
}

/** Calls `listener` whenever the live connection changes state; returns the unsubscribe function. */
export function onLiveStatus(listener: (status: LiveStatus) => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/**
 * Subscribes over graphql-ws; `onData` gets each event's data, `onError` a subscription the server
 * refused or ended (a bad filter, an unknown field, an API key missing, unknown or revoked).
 * Returns the function that ends the subscription.
 */
export function subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, onError: (failure: ApiFailure) => void): () => void {
  const { key } = keyState;
  const fail = (failure: ApiFailure) => {
    noteKeyAnswer(key, failure);
    onError(failure);
  };
  return liveClient().subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) fail(new ApiFailure(result.errors as ApiError[]));
        else if (result.data) onData(result.data as T);
      },
      error: (error) => {
        if (Array.isArray(error)) fail(new ApiFailure(error as ApiError[]));
        else fail(keyRefusalOf(error) ?? new ApiFailure([{ message: error instanceof Error ? error.message : "the live connection failed" }]));
      },
      complete: () => undefined,
    },
  );
}
