import { In, type EntityManager, type EntityTarget } from "typeorm";
import { toPage, type CursorKey, type Page, type PageRequest } from "./pagination";
import { runSql, type SqlParams } from "./sql";

/** A list order: a sort column (nulls last), then the row ID, both in one direction. */
export interface KeysetOrder {
  /** SQL for the sort value, e.g. `a."publishedAt"`. */
  column: string;
  /** SQL for the row ID, the tie-breaker. */
  id: string;
  direction: "ASC" | "DESC";
}

/**
 * Keyset (seek) pagination for an order with nulls last: the ORDER BY to fetch a page in, and the
 * condition for rows beyond the cursor. Unlike OFFSET, a page costs the same at any depth and stays
 * stable while rows are added ahead of it. Backward pages are fetched in reverse order.
 */
export function keyset(order: KeysetOrder, request: PageRequest, prefix: string): { orderBy: string; condition: string | null; params: SqlParams } {
  const { column, id } = order;
  const forward = request.direction === "forward";
  const ascending = (order.direction === "ASC") === forward;
  const orderBy = listOrderBy(order, request.direction);
  if (!request.cursor) return { orderBy, condition: null, params: {} };

  const [value, cursorId]: CursorKey = request.cursor;
  const beyond = ascending ? ">" : "<";
  const params: SqlParams = { [`${prefix}Value`]: value, [`${prefix}Id`]: cursorId };
  const v = `:${prefix}Value`;
  const i = `:${prefix}Id`;
  let condition: string;
  if (forward) {
    condition =
      value === null
        ? `(${column} IS NULL AND ${id} ${beyond} ${i})`
        : `(${column} ${beyond} ${v} OR (${column} = ${v} AND ${id} ${beyond} ${i}) OR ${column} IS NULL)`;
  } else {
    condition =
      value === null
        ? `(${column} IS NOT NULL OR ${id} ${beyond} ${i})`
        : `(${column} IS NOT NULL AND (${column} ${beyond} ${v} OR (${column} = ${v} AND ${id} ${beyond} ${i})))`;
  }
  return { orderBy, condition, params };
}

/**
 * The ORDER BY that walks a list: nulls last, then by value and ID in the order's direction;
 * backward pages walk it from the end, so every part is reversed.
 */
export function listOrderBy(order: KeysetOrder, direction: PageRequest["direction"]): string {
  const forward = direction === "forward";
  const dir = (order.direction === "ASC") === forward ? "ASC" : "DESC";
  return `CASE WHEN ${order.column} IS NULL THEN ${forward ? 1 : 0} ELSE ${forward ? 0 : 1} END, ${order.column} ${dir}, ${order.id} ${dir}`;
}

/** A list to page through: rows of `from` that meet `conditions`, in `order`. */
export interface KeysetList extends KeysetOrder {
  /** The table and its alias, e.g. `article a`. */
  from: string;
  conditions: string[];
  params: SqlParams;
}

/**
 * The most index ranges ({@link indexOrderedSql} branches) one statement reads; callers with more
 * (a batch of hundreds of parents) rank all their rows with one window function instead: SQLite
 * compounds at most 500 SELECTs, and past a few hundred ranges one sort costs less than the seeks.
 */
export const MAX_INDEX_RANGES = 120;

/** SQL reading the start of a list in index order, its parameters, and the order to merge its rows in. */
export interface IndexOrderedSql {
  /** Selects `id`, `"sortValue"` and the extra columns, at most `:limit` rows (bound by the caller). */
  sql: string;
  params: SqlParams;
  /** ORDER BY on the selected `id` and `"sortValue"` that puts the rows in list order. */
  mergeOrder: string;
}

/**
 * SQL for the first `:limit` rows of a list beyond the cursor, read in the order of an index on
 * (..., sort column, id). An ORDER BY that places nulls last needs an expression no index holds,
 * so every row of the list would be sorted to keep a page; instead rows with a sort value and rows
 * without are read as two branches, each in index order and cut at the limit (the cursor a row
 * comparison an index can seek to), and the caller merges them with `mergeOrder`. `select` adds
 * columns to each row; `alias` names the branches, unique within a statement.
 */
export function indexOrderedSql(list: KeysetList, request: PageRequest, alias: string, select = ""): IndexOrderedSql {
  const forward = request.direction === "forward";
  const ascending = (list.direction === "ASC") === forward;
  const dir = ascending ? "ASC" : "DESC";
  const beyond = ascending ? ">" : "<";
  const params: SqlParams = { ...list.params };
  // Forward pages walk the rows with a value, then those without; backward pages the reverse.
  const withValue: string[] = [`${list.column} IS NOT NULL`];
  const withoutValue: string[] = [`${list.column} IS NULL`];
  let readWithValue = true;
  let readWithoutValue = true;
  if (request.cursor) {
    const [value, cursorId] = request.cursor;
    params[`${alias}Id`] = cursorId;
    if (value === null) {
      withoutValue.push(`${list.id} ${beyond} :${alias}Id`);
      readWithValue = !forward;
    } else {
      params[`${alias}Value`] = value;
      withValue.push(`(${list.column}, ${list.id}) ${beyond} (:${alias}Value, :${alias}Id)`);
      readWithoutValue = forward;
    }
  }
  const branch = (conditions: string[], orderBy: string, name: string) =>
    `SELECT * FROM (SELECT ${list.id} AS id, ${list.column} AS "sortValue"${select} FROM ${list.from}
       WHERE ${[...list.conditions, ...conditions].join(" AND ")}
       ORDER BY ${orderBy} LIMIT :limit) ${name}`;
  const branches = [
    ...(readWithValue ? [branch(withValue, `${list.column} ${dir}, ${list.id} ${dir}`, `${alias}_valued`)] : []),
    ...(readWithoutValue ? [branch(withoutValue, `${list.id} ${dir}`, `${alias}_null`)] : []),
  ];
  return {
    sql: branches.join(" UNION ALL "),
    params,
    mergeOrder: listOrderBy({ column: `"sortValue"`, id: "id", direction: list.direction }, request.direction),
  };
}

/**
 * Fetches one page of row IDs of a list with their cursors, read in index order (see
 * {@link indexOrderedSql}). The caller loads the rows, so one helper serves every table.
 */
export async function fetchKeysetPage(manager: EntityManager, list: KeysetList, request: PageRequest): Promise<Page<{ id: number }>> {
  const read = indexOrderedSql(list, request, "seek");
  const rows = await runSql<{ id: number; sortValue: string | number | Date | null }>(
    manager,
    `SELECT id, "sortValue" FROM (${read.sql}) page ORDER BY ${read.mergeOrder} LIMIT :limit`,
    { ...read.params, limit: request.size + 1 },
  );
  return toPage(rows, request, cursorKeyOf);
}

/** Counts the rows of a list. */
export async function countKeysetList(manager: EntityManager, list: Pick<KeysetList, "from" | "conditions" | "params">): Promise<number> {
  const [row] = await runSql<{ total: number | string }>(
    manager,
    `SELECT COUNT(*) AS total FROM ${list.from} ${list.conditions.length > 0 ? `WHERE ${list.conditions.join(" AND ")}` : ""}`,
    list.params,
  );
  return Number(row.total);
}

/** The cursor of a row fetched with its raw sort value (a string on SQLite, a Date on others). */
export function cursorKeyOf(row: { id: number; sortValue: string | number | Date | null }): CursorKey {
  const value = row.sortValue instanceof Date ? row.sortValue.toISOString() : row.sortValue;
  return [value, Number(row.id)];
}

/**
 * Replaces the row IDs in pages by the rows of `type`, loaded in one statement for all pages. A row
 * deleted between the two statements drops out of its page.
 */
export async function hydratePages<E extends { id: number }>(
  manager: EntityManager,
  type: EntityTarget<E>,
  pages: Array<Page<{ id: number }>>,
): Promise<Array<Page<E>>> {
  const ids = [...new Set(pages.flatMap((page) => page.items.map((item) => Number(item.node.id))))];
  const rows = ids.length === 0 ? [] : await manager.findBy(type, { id: In(ids) } as never);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return pages.map((page) => ({
    ...page,
    items: page.items.flatMap((item) => {
      const node = byId.get(Number(item.node.id));
      return node ? [{ cursor: item.cursor, node }] : [];
    }),
  }));
}
