import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../project-root";
import { printGraphSchema } from "../schema";

/** Writes `schema.graphql` from the type-graphql classes (`npm run schema`). */
async function main(): Promise<void> {
  const file = path.join(projectRoot(), "schema.graphql");
  fs.writeFileSync(file, await printGraphSchema());
  process.stdout.write(`wrote ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
