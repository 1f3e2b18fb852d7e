import path from "node:path";
import { projectRoot } from "../../project-root";

/** The directory of the data the project ships: taxonomy, entity registry, seed stories. */
export const DATA_DIR = path.join(projectRoot(), "data");

/** Path of a file in the project's `data/` folder, the same from `src/` and from `dist/src/`. */
export function dataFile(name: string): string {
  return path.join(DATA_DIR, name);
}
