import path from "node:path";
import { DEFAULT_LIMITS, type LimitsConfig } from "./limits/limits-config";

/** Where the data lives, as chosen by `DATABASE_URL`: an SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: "sqlite"; file: string }
  /** `schema`: where the tables live, `public` when unset; tests give each graph its own. */
  | { kind: "postgres"; url: string; schema?: string };

/** Everything the service reads from its environment, parsed and checked once at start-up. */
export interface Config {
  database: DatabaseConfig;
  host: string;
  port: number;
  /** True when NODE_ENV is "production": no Sandbox landing page, internal errors masked. */
  production: boolean;
  /** True when `REQUIRE_API_KEY` is "true": reads need an API key too (any role), not only writes. */
  requireApiKey: boolean;
  /** What one operation may ask for and how long it may run (`MAX_QUERY_*`, `REQUEST_TIMEOUT_MS`). */
  limits: LimitsConfig;
  /** Browser origins allowed to call the API from their pages (`CORS_ORIGINS`); none by default. */
  corsOrigins: string[];
  /** Whether the schema answers introspection (`INTROSPECTION`); on by default, so Sandbox works. */
  introspection: boolean;
  /** Serve the graph as an Apollo Federation 2 subgraph (`FEDERATION`); off by default. */
  federation: boolean;
  /** Keep whole public answers in memory for their max-age (`RESPONSE_CACHE`); off by default. */
  responseCache: boolean;
  /**
   * How often live updates read the database for new events, in milliseconds
   * (`EVENT_POLL_INTERVAL_MS`): the poll on SQLite, the safety poll behind notifications on
   * PostgreSQL; unset for each one's default (see articleEventSourceFor).
   */
  eventPollIntervalMs?: number;
}

/** The database used when `DATABASE_URL` is unset: a file under `var/`, which git ignores. */
export const DEFAULT_DATABASE_URL = "sqlite:var/content-graph.sqlite";

/**
 * Parses `DATABASE_URL`: `sqlite:<path>` (relative to the working directory, or absolute),
 * `sqlite::memory:`, or `postgres://user:password@host:port/database` (`postgresql://` too, with
 * any query options the `pg` driver reads, and `?schema=name` for tables outside `public`, so
 * several graphs, or test runs, can share one database). Anything else is rejected with a message
 * naming the accepted forms.
 */
export function parseDatabaseUrl(url: string): DatabaseConfig {
  const sqlite = /^sqlite:(.+)$/.exec(url);
  if (sqlite) {
    const target = sqlite[1];
    return { kind: "sqlite", file: target === ":memory:" ? ":memory:" : path.resolve(target) };
  }
  if (/^postgres(?:ql)?:\/\/[^/]/.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`DATABASE_URL "${redacted(url)}" is not a valid URL`);
    }
    if (parsed.pathname.length <= 1) throw new Error(`DATABASE_URL "${redacted(url)}" names no database: use postgres://user:password@host:port/database`);
    const schema = parsed.searchParams.get("schema");
    if (schema === null) return { kind: "postgres", url };
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`DATABASE_URL "${redacted(url)}" names schema "${schema}": use lower-case letters, digits and _`);
    // The driver would pass an unknown query option on to the server, which refuses it.
    parsed.searchParams.delete("schema");
    return { kind: "postgres", url: parsed.toString(), schema };
  }
  throw new Error(`DATABASE_URL "${redacted(url)}" is not supported: use sqlite:<path>, sqlite::memory: or postgres://user:password@host:port/database`);
}

/** The URL with any password replaced by `***`, so an error message never prints a secret. */
function redacted(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

/** Reads the configuration from an environment (by default the process's). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT "${env.PORT}" is not a port number`);
  }
  return {
    database: parseDatabaseUrl(env.DATABASE_URL ?? DEFAULT_DATABASE_URL),
    host: env.HOST ?? "127.0.0.1",
    port,
    production: env.NODE_ENV === "production",
    requireApiKey: parseFlag("REQUIRE_API_KEY", env.REQUIRE_API_KEY),
    limits: {
      maxDepth: parseLimit("MAX_QUERY_DEPTH", env.MAX_QUERY_DEPTH, DEFAULT_LIMITS.maxDepth),
      maxAliases: parseLimit("MAX_QUERY_ALIASES", env.MAX_QUERY_ALIASES, DEFAULT_LIMITS.maxAliases),
      maxDirectivesPerField: parseLimit("MAX_DIRECTIVES_PER_FIELD", env.MAX_DIRECTIVES_PER_FIELD, DEFAULT_LIMITS.maxDirectivesPerField),
      maxFieldRepeats: parseLimit("MAX_FIELD_REPEATS", env.MAX_FIELD_REPEATS, DEFAULT_LIMITS.maxFieldRepeats),
      maxTokens: parseLimit("MAX_QUERY_TOKENS", env.MAX_QUERY_TOKENS, DEFAULT_LIMITS.maxTokens),
      maxCost: parseLimit("MAX_QUERY_COST", env.MAX_QUERY_COST, DEFAULT_LIMITS.maxCost),
      timeoutMs: parseLimit("REQUEST_TIMEOUT_MS", env.REQUEST_TIMEOUT_MS, DEFAULT_LIMITS.timeoutMs),
    },
    corsOrigins: (env.CORS_ORIGINS ?? "").split(",").map((origin) => origin.trim()).filter((origin) => origin !== ""),
    introspection: env.INTROSPECTION === undefined ? true : parseFlag("INTROSPECTION", env.INTROSPECTION),
    federation: parseFlag("FEDERATION", env.FEDERATION),
    responseCache: parseFlag("RESPONSE_CACHE", env.RESPONSE_CACHE),
    eventPollIntervalMs: env.EVENT_POLL_INTERVAL_MS ? parseLimit("EVENT_POLL_INTERVAL_MS", env.EVENT_POLL_INTERVAL_MS, 0) : undefined,
  };
}

/** A limit: a positive integer, `fallback` when unset or empty; anything else is refused. */
function parseLimit(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`${name} "${value}" must be a positive integer`);
  return limit;
}

/** A boolean setting: unset, "false" or "0" is false; "true" or "1" is true; anything else is refused. */
function parseFlag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "false" || value === "0") return false;
  if (value === "true" || value === "1") return true;
  throw new Error(`${name} "${value}" must be true or false`);
}
