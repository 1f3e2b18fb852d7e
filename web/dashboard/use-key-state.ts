import { useSyncExternalStore } from "react";
import { currentKeyState, onKeyState, type KeyState } from "./api";

/** The page's API key and the server's refusal of it, re-rendering the caller whenever either changes. */
export function useKeyState(): KeyState {
  return useSyncExternalStore(onKeyState, currentKeyState);
}
