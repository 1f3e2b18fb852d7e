import fs from "node:fs";
import path from "node:path";

let root: string | undefined;

/**
 * Path of a file in the project's `data/` folder. Found from this module's own location (the
 * nearest folder up with a package.json), so it is the same from `src/` under jest and from
 * `dist/src/` after a build, whatever the working directory.
 */
export function dataFile(name: string): string {
  if (!root) {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    root = dir;
  }
  return path.join(root, "data", name);
}
