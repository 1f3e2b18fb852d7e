import type { EntityManager } from "typeorm";
import { DateUtils } from "typeorm/util/DateUtils";

/** Named parameters for {@link runSql}: `:name` binds a value, `:...name` expands an array. */
export type SqlParams = Record<string, unknown>;

/**
 * Runs hand-written SQL with named parameters, letting the driver choose its placeholder style.
 * Queries that TypeORM's builders cannot express (window functions, unions) are written once this
 * way for every database. Identifiers in camelCase must be double-quoted.
 */
export async function runSql<T>(manager: EntityManager, sql: string, params: SqlParams = {}): Promise<T[]> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params, {});
  return manager.query(query, values);
}

/** A timestamp in the form the database stores, for comparing with stored values in SQL. */
export function toDbTimestamp(manager: EntityManager, date: Date): string | Date {
  return manager.connection.options.type === "sqlite" ? DateUtils.mixedDateToUtcDatetimeString(date) : date;
}

/** A timestamp read from a raw row (a string on SQLite, a Date elsewhere) as a Date. */
export function fromDbTimestamp(value: string | Date | null): Date | null {
  if (value === null || value instanceof Date) return value;
  return new Date(value.includes("T") ? value : `${value.replace(" ", "T")}Z`);
}

/** IDs per `IN (...)` list, well under every database's limit on bound parameters. */
const IDS_PER_STATEMENT = 500;

/** `ids` in runs short enough for one `IN (...)` list each. */
export function idChunks(ids: readonly number[]): number[][] {
  const result: number[][] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) result.push(ids.slice(start, start + IDS_PER_STATEMENT));
  return result;
}
