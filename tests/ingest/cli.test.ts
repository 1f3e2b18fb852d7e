import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeWithSeedPage } from "../support/corpora";
import { openTestDatabase, type TestDatabase } from "../support/database";

const DIST = path.join(__dirname, "..", "..", "dist", "src", "scripts");

/** Runs a built command-line script (built by `npm test`'s pretest step) without a terminal. */
function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(DIST, script), ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });
}

describe("npm run ingest", () => {
  let dir: string;
  let database: TestDatabase;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-cli-"));
    database = await openTestDatabase({ onDisk: true });
  });
  afterEach(async () => {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints plain lines when not on a terminal, a summary, and exits non-zero when a record failed", () => {
    const file = path.join(dir, "stories.jsonl");
    fs.writeFileSync(file, [JSON.stringify({ headline: "Bridge reopens in Mosul", body: ["The bridge in Mosul reopened."] }), "{ broken"].join("\n"));
    const result = run("ingest.js", [file], { DATABASE_URL: database.url });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`FAILED ${file}:2: invalid JSON`);
    expect(result.stderr).toContain(`${file}: 2 records`);
    expect(result.stdout).toMatch(/^created 1, updated 0, unchanged 0, failed 1 \(2 records in [\d.]+ s, \d+ stories\/s\)$/m);

    const again = run("ingest.js", [file], { DATABASE_URL: database.url });
    expect(again.stdout).toMatch(/^created 0, updated 0, unchanged 1, failed 1 /m);
  });

  it("says what is wrong with its arguments", () => {
    expect(run("ingest.js", []).status).toBe(2);
    const missing = run("ingest.js", [path.join(dir, "nope.json")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no such file or directory");
  });
});

describeWithSeedPage("npm run extract", (seedPage) => {
  it("prints the people, places, organizations and topics of a raw page as JSON", () => {
    const result = run("extract.js", [seedPage]);
    expect(result.status).toBe(0);
    const found = JSON.parse(result.stdout);
    expect(Object.keys(found)).toEqual(["people", "places", "organizations", "topics"]);
    expect(found.people[0]).toMatchObject({ name: "Antony Blinken", type: "PERSON", surfaceForms: expect.arrayContaining(["Antony Blinken", "Blinken"]) });
    expect(found.people[0].occurrences[0]).toEqual({ start: expect.any(Number), end: expect.any(Number), surface: expect.any(String) });
    const damascus = found.places.find((place: { name: string }) => place.name === "Damascus");
    expect(damascus).toMatchObject({ countryCode: "SY" });
    expect(damascus.latitude).toBeCloseTo(33.5, 0);
    expect(found.places.find((place: { name: string }) => place.name === "Washington, D.C.")?.metonymic).toBe(true);
    expect(found.topics.map((topic: { slug: string }) => topic.slug)).toContain("syria");
  });
});
