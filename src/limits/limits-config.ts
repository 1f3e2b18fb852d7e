/**
 * How much one GraphQL operation may ask for. Every limit is checked before the operation runs,
 * except `timeoutMs`, which bounds its execution.
 */
export interface LimitsConfig {
  /** Deepest nesting of fields, counted through fragments; the standard introspection query is 15 deep. */
  maxDepth: number;
  /** Aliases in one operation, counted through fragments (each spread counts its fragment's). */
  maxAliases: number;
  /** Directives on one field, fragment spread or inline fragment. */
  maxDirectivesPerField: number;
  /** Times one field (one response key) may be selected in a single selection set. */
  maxFieldRepeats: number;
  /** Lexical tokens in a document; parsing stops at the first token over. */
  maxTokens: number;
  /** Highest query cost (see `src/limits/query-cost.ts`) an operation may have. */
  maxCost: number;
  /** Milliseconds a request may take from receipt to answer before it is stopped with a TIMEOUT error. */
  timeoutMs: number;
}

/**
 * The limits used when the environment sets none: wide enough for the API's pages (100 stories
 * with their relations), the standard introspection query and Apollo Sandbox, and far below what
 * would tie up the server.
 */
export const DEFAULT_LIMITS: Readonly<LimitsConfig> = {
  maxDepth: 15,
  maxAliases: 30,
  maxDirectivesPerField: 4,
  maxFieldRepeats: 3,
  maxTokens: 2_000,
  maxCost: 5_000,
  timeoutMs: 10_000,
};
