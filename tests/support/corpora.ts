import fs from "node:fs";
import path from "node:path";
import { corporaDir } from "../../src/corpora-dir";

/** The raw seed page, in `../shared/seed` beside the corpora. */
export const SEED_PAGE = path.join(path.dirname(corporaDir()), "seed", "blinken-iraq-visit.txt");

/**
 * `describe` for suites that read the public corpora (`CORPORA_DIR`, default `../shared/corpora`).
 * In a user's clone without them the suite is skipped with a notice on stderr; under CI
 * (`CI=true`) a missing corpus fails instead, so CI can never pass by skipping.
 */
export function describeWithCorpora(name: string, suite: (dir: string) => void): void {
  describeWithFile(name, corporaDir(), suite);
}

/** `describe` for suites that read the raw seed page; skipped or failed like {@link describeWithCorpora}. */
export function describeWithSeedPage(name: string, suite: (file: string) => void): void {
  describeWithFile(name, SEED_PAGE, suite);
}

function describeWithFile(name: string, file: string, suite: (file: string) => void): void {
  if (fs.existsSync(file)) {
    describe(name, () => suite(file));
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      it("has the shared files it needs", () => {
        throw new Error(`CI=true but ${file} is missing; set CORPORA_DIR`);
      });
    });
    return;
  }
  process.stderr.write(`\nSKIPPED "${name}": ${file} is missing (set CORPORA_DIR to run it)\n`);
  describe.skip(name, () => suite(file));
}
