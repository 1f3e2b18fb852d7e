import path from "node:path";

/**
 * Where the public test corpora live: `CORPORA_DIR`, else `../shared/corpora` relative to the
 * working directory (npm scripts and jest run from the project root). They are read in place,
 * never copied into the project.
 */
export function corporaDir(): string {
  return path.resolve(process.env.CORPORA_DIR ?? path.join("..", "shared", "corpora"));
}
