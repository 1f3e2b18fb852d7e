import "reflect-metadata";
import { loadConfig } from "./config";
import { openDataSource, underStartupLock } from "./datasource";
import { buildSubgraphGraphSchema } from "./federation/subgraph-schema";
import { buildGraphSchema } from "./schema";
import { startServer } from "./server";
import { loadSeedData } from "./services/seed-loader";

/**
 * `npm start`: opens (or creates) the database, runs pending migrations, loads the shipped data
 * (a no-op when it is already there), and serves the API until SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await openDataSource(config.database);
  // Replicas starting together would otherwise insert the same entities at once.
  const seeded = await underStartupLock(dataSource, () => loadSeedData(dataSource));
  log(`data: entities ${JSON.stringify(seeded.entities)}, stories ${JSON.stringify(seeded.articles)}`);
  // Mutations write through a second connection: see `ServerOptions.writer`.
  const writer = config.database.kind === "sqlite" && config.database.file === ":memory:" ? dataSource : await openDataSource(config.database);
  const schema = config.federation ? await buildSubgraphGraphSchema() : await buildGraphSchema();
  const server = await startServer(schema, dataSource, { ...config, writer });
  log(`content graph ready at ${server.url}${config.federation ? " as an Apollo Federation 2 subgraph" : ""} (health: ${server.url.replace(/\/graphql$/, "/health")})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing requests in flight, then stopping`);
    await server.stop();
    if (writer !== dataSource) await writer.destroy();
    await dataSource.destroy();
    log("stopped");
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

function log(message: string): void {
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
