import fs from "node:fs";
import path from "node:path";

/**
 * The project's root directory: the nearest folder above this module with a package.json. Found
 * by walking up because the module runs both from `src/` (tests) and from `dist/src/` (builds).
 */
export function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
