import type { DataSource } from "typeorm";
import { openDataSource } from "../../src/datasource";
import { buildGraphSchema } from "../../src/schema";
import { startServer, type RunningServer } from "../../src/server";
import { ApiKeys } from "../../src/services/api-keys";
import { Ingester } from "../../src/services/ingest/ingester";
import { loadSeedData } from "../../src/services/seed-loader";
import { openTestDatabase } from "../support/database";

/** The real server on 127.0.0.1, on a fresh database (a file, or a PostgreSQL schema), as `npm start` would run it. */
export interface GraphServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  dataSource: DataSource;
  /** Runs an operation over HTTP, as an editor (with an editor key), and returns its data; fails on errors. */
  asEditor<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** Starts a server on a new database with the shipped data, plus whatever `ingest` names (files or folders). */
export async function startGraphServer(ingest: string[] = []): Promise<GraphServer> {
  const database = await openTestDatabase({ onDisk: true });
  const dataSource = await openDataSource(database.config);
  await loadSeedData(dataSource);
  if (ingest.length) await new Ingester(dataSource).ingest(ingest);
  const { key } = await new ApiKeys(dataSource.manager).create("end-to-end tests", "editor");
  // Mutations write through a connection of their own, as in `npm start`.
  const writer = await openDataSource(database.config);
  const server: RunningServer = await startServer(await buildGraphSchema(), dataSource, { host: "127.0.0.1", port: 0, production: false, eventPollIntervalMs: 100, writer });
  const origin = server.url.replace(/\/graphql$/, "");
  return {
    origin,
    dataSource,
    async asEditor(query, variables) {
      const response = await fetch(`${origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(`the API answered errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async stop() {
      await server.stop();
      await writer.destroy();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
