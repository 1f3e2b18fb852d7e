import { useEffect, useState } from "react";
import { ApiFailure, request } from "./api";
import { useKeyState } from "./use-key-state";

/** What a query hook holds: the newest answer, the error of the last attempt, and whether one is in flight. */
export interface QueryState<T> {
  data: T | null;
  error: ApiFailure | null;
  loading: boolean;
}

/**
 * Runs `query` whenever it, its variables or the API key change (not at all while `query` is null),
 * abandoning an answer that a newer request has overtaken, so a slow reply cannot overwrite a newer one.
 */
export function useQuery<T>(query: string | null, variables: Record<string, unknown> = {}): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ data: null, error: null, loading: query !== null });
  const key = JSON.stringify(variables);
  const { key: apiKey } = useKeyState();
  useEffect(() => {
    if (query === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    request<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ data: null, error: error instanceof ApiFailure ? error : new ApiFailure([{ message: String(error) }]), loading: false });
      },
    );
    return () => controller.abort();
  }, [query, key, apiKey]);
  return state;
}
