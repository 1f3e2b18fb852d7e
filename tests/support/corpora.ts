import fs from "node:fs";
import { corporaDir } from "../../src/corpora-dir";

/**
 * `describe` for suites that read `../shared/corpora`. In a user's clone without the corpora the
 * suite is skipped with a notice on stderr; under CI (`CI=true`) a missing corpus fails instead, so
 * CI can never pass by skipping.
 */
export function describeWithCorpora(name: string, suite: (dir: string) => void): void {
  const dir = corporaDir();
  if (fs.existsSync(dir)) {
    describe(name, () => suite(dir));
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      it("has the corpora it needs", () => {
        throw new Error(`CI=true but the corpora are missing at ${dir}; set CORPORA_DIR`);
      });
    });
    return;
  }
  process.stderr.write(`\nSKIPPED "${name}": no corpora at ${dir} (set CORPORA_DIR to run it)\n`);
  describe.skip(name, () => suite(dir));
}
