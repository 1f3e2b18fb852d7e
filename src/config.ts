import path from "node:path";

/** Where the data lives, as chosen by `DATABASE_URL`. */
export type DatabaseConfig = { kind: "sqlite"; file: string };

/** Everything the service reads from its environment, parsed and checked once at start-up. */
export interface Config {
  database: DatabaseConfig;
  host: string;
  port: number;
  /** True when NODE_ENV is "production": no Sandbox landing page, internal errors masked. */
  production: boolean;
}

/** The database used when `DATABASE_URL` is unset: a file under `var/`, which git ignores. */
export const DEFAULT_DATABASE_URL = "sqlite:var/content-graph.sqlite";

/**
 * Parses `DATABASE_URL`: `sqlite:<path>` (relative to the working directory, or absolute) or
 * `sqlite::memory:`. Anything else is rejected with a message naming the accepted forms.
 */
export function parseDatabaseUrl(url: string): DatabaseConfig {
  const sqlite = /^sqlite:(.+)$/.exec(url);
  if (sqlite) {
    const target = sqlite[1];
    return { kind: "sqlite", file: target === ":memory:" ? ":memory:" : path.resolve(target) };
  }
  throw new Error(`DATABASE_URL "${url}" is not supported: use sqlite:<path> or sqlite::memory:`);
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
  };
}
