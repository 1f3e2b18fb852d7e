import { checkedCount } from "./checked-count";
import { InvalidInputError } from "./errors";

/** The most items one page may hold; asking for more is an error, never a silent cut. */
export const MAX_PAGE_SIZE = 100;

/** Items in a page when the client gives neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;

/** Relay pagination arguments as a client sends them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Pagination arguments checked and turned into a direction, a size and a decoded cursor. */
export interface PageRequest {
  /** Forward pages walk the order from its start; backward pages from its end. */
  direction: "forward" | "backward";
  size: number;
  /** The sort key after which (forward) or before which (backward) the page starts. */
  cursor: CursorKey | null;
}

/** A position in an ordered list: the sort value of an item and its ID as tie-breaker. */
export type CursorKey = [value: string | number | null, id: number];

/** One page of a list, ready to become a Relay connection. */
export interface Page<T> {
  items: Array<{ node: T; cursor: string }>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * Checks Relay arguments: `first` or `last` (not both) between 0 and {@link MAX_PAGE_SIZE}, and
 * cursors this service issued. The error names the argument at fault.
 */
export function toPageRequest(args: PageArgs): PageRequest {
  if (args.first != null && args.last != null) throw new InvalidInputError("pass either first or last, not both", "last");
  if (args.after != null && args.before != null) throw new InvalidInputError("pass either after or before, not both", "before");
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value != null) checkedCount(value, MAX_PAGE_SIZE, name);
  }
  const backward = args.last != null || (args.before != null && args.first == null);
  return {
    direction: backward ? "backward" : "forward",
    size: (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE,
    cursor: args.after != null ? decodeCursor(args.after, "after") : args.before != null ? decodeCursor(args.before, "before") : null,
  };
}

/** Encodes a position as an opaque cursor. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

function decodeCursor(cursor: string, argument: string): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      (key[0] === null || typeof key[0] === "string" || typeof key[0] === "number") &&
      Number.isInteger(key[1])
    ) {
      return key as CursorKey;
    }
  } catch {
    // Falls through to the error below: a cursor that is not ours is a client mistake.
  }
  throw new InvalidInputError(`${argument} is not a cursor this service issued`, argument);
}

/**
 * Turns rows fetched for a page (one more than the page size, to learn whether more follow) into
 * a page. Backward pages are fetched in reverse order and put back in list order here.
 */
export function toPage<T>(rows: T[], request: PageRequest, keyOf: (row: T) => CursorKey): Page<T> {
  const hasMore = rows.length > request.size;
  const kept = rows.slice(0, request.size);
  if (request.direction === "backward") kept.reverse();
  return {
    items: kept.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) })),
    hasNextPage: request.direction === "forward" ? hasMore : request.cursor !== null,
    hasPreviousPage: request.direction === "backward" ? hasMore : request.cursor !== null,
  };
}
