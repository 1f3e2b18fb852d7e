import "reflect-metadata";
import fs from "node:fs";
import { loadConfig } from "../config";
import { openDataSource, underStartupLock } from "../datasource";
import { Ingester, StrictModeError, type RecordEvent } from "../services/ingest/ingester";
import { loadSeedData } from "../services/seed-loader";

const USAGE = `usage: npm run ingest -- [--strict] <file|dir>...

Reads each file (every file under a directory), detects its format, and writes its stories into
the database named by DATABASE_URL. Exits non-zero when any record failed.
  --strict   stop at the first record that fails`;

/** `npm run ingest`: the command line over {@link Ingester}. */
async function main(argv: string[]): Promise<number> {
  const strict = argv.includes("--strict");
  const inputs = argv.filter((arg) => arg !== "--strict");
  if (inputs.length === 0 || inputs.some((arg) => arg === "--help" || arg === "-h")) {
    process.stderr.write(`${USAGE}\n`);
    return inputs.length === 0 ? 2 : 0;
  }
  const missing = inputs.filter((input) => !fs.existsSync(input));
  if (missing.length > 0) {
    process.stderr.write(`no such file or directory: ${missing.join(", ")}\n`);
    return 2;
  }

  const dataSource = await openDataSource(loadConfig().database);
  try {
    await underStartupLock(dataSource, () => loadSeedData(dataSource));
    const progress = process.stderr.isTTY ? new ProgressBar() : new ProgressLines();
    const started = Date.now();
    try {
      const summary = await new Ingester(dataSource).ingest(inputs, { strict, onRecord: (event) => progress.update(event) });
      progress.finish();
      for (const file of summary.skipped) process.stderr.write(`skipped ${file}: not a story format\n`);
      const seconds = (Date.now() - started) / 1000;
      const records = summary.created + summary.updated + summary.unchanged + summary.failed;
      process.stdout.write(
        `created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed}` +
          ` (${records} records in ${seconds.toFixed(1)} s, ${(records / Math.max(seconds, 0.001)).toFixed(0)} stories/s)\n`,
      );
      return summary.failed > 0 ? 1 : 0;
    } catch (error) {
      progress.finish();
      if (error instanceof StrictModeError) {
        process.stderr.write(`stopped (--strict): ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  } finally {
    await dataSource.destroy();
  }
}

/** A one-line bar redrawn in place, with rate and time left, for terminals. */
class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;

  update(event: RecordEvent): void {
    if (event.outcome === "failed") this.print(`FAILED ${event.location}: ${event.reason}\n`);
    const now = Date.now();
    if (now - this.lastDraw < 100 && event.done < event.total) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = event.done / Math.max(seconds, 0.001);
    const share = event.total > 0 ? event.done / event.total : 0;
    const filled = Math.round(share * 30);
    const eta = rate > 0 ? Math.round((event.total - event.done) / rate) : 0;
    this.print(`[${"#".repeat(filled)}${"-".repeat(30 - filled)}] ${event.done}/${event.total} ${rate.toFixed(0)}/s ETA ${eta}s ${event.file}`);
  }

  finish(): void {
    process.stderr.write("\n");
  }

  private print(text: string): void {
    process.stderr.write(`\r\x1b[K${text}`);
  }
}

/** Plain lines for logs and pipes: failures as they happen, and a line per file read. */
class ProgressLines {
  private file: string | null = null;
  private count = 0;

  update(event: RecordEvent): void {
    if (event.outcome === "failed") process.stderr.write(`FAILED ${event.location}: ${event.reason}\n`);
    if (event.file !== this.file) {
      this.flush();
      this.file = event.file;
      this.count = 0;
    }
    this.count++;
  }

  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (this.file) process.stderr.write(`${this.file}: ${this.count} records\n`);
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
