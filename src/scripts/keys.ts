import "reflect-metadata";
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { openDataSource } from "../datasource";
import { ApiKeys, type ApiKeyInfo } from "../services/api-keys";
import { DomainError } from "../services/errors";

const USAGE = `usage: npm run keys -- <command>

Manages the API keys of the database named by DATABASE_URL.
  create --role <reader|editor|admin> --name "<who it is for>"
                      makes a key and prints it once; only its hash is stored
  list                every key: id, prefix, role, name, created, revoked
  revoke <id|prefix>  the key stops working at once`;

/** `npm run keys`: the command line over {@link ApiKeys}. Exits 2 on bad arguments, 1 on a refused request. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h") {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  const request = parseRequest(command, rest);
  if (!request) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }

  const dataSource = await openDataSource(loadConfig().database);
  try {
    const keys = new ApiKeys(dataSource.manager);
    if (request.command === "create") {
      const { key, info } = await keys.create(request.name, request.role);
      process.stderr.write(`created key ${info.id} (${info.prefix}…, ${info.role}) for "${info.name}"; it is shown only this once:\n`);
      process.stdout.write(`${key}\n`);
    } else if (request.command === "list") {
      for (const info of await keys.list()) process.stdout.write(`${describe(info)}\n`);
    } else {
      const info = await keys.revoke(request.target);
      process.stdout.write(`revoked ${describe(info)}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

/** A command with its arguments checked, or null when they do not fit the command. */
function parseRequest(
  command: string,
  args: string[],
): { command: "create"; role: string; name: string } | { command: "list" } | { command: "revoke"; target: string } | null {
  try {
    const { values, positionals } = parseArgs({ args, options: { role: { type: "string" }, name: { type: "string" } }, allowPositionals: true });
    if (command === "create" && values.role !== undefined && values.name !== undefined && positionals.length === 0) {
      return { command, role: values.role, name: values.name };
    }
    if (command === "list" && positionals.length === 0 && values.role === undefined && values.name === undefined) return { command };
    if (command === "revoke" && positionals.length === 1) return { command, target: positionals[0] };
    return null;
  } catch {
    return null;
  }
}

/** One key as a tab-separated line. */
function describe(info: ApiKeyInfo): string {
  const revoked = info.revokedAt ? `revoked ${info.revokedAt.toISOString()}` : "active";
  return [info.id, `${info.prefix}…`, info.role, info.name, `created ${info.createdAt.toISOString()}`, revoked].join("\t");
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
