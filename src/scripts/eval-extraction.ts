import path from "node:path";
import { corporaDir } from "../corpora-dir";
import { ENTITY_TYPES, evaluateRe3d } from "../services/extraction/evaluation";

/**
 * `npm run eval:extraction`: scores extraction against the gold names of the re3d corpus
 * (document-level precision, recall and F1 per type; see `goldNames` for the normalisation).
 */
function main(): void {
  const dir = path.join(corporaDir(), "re3d");
  const result = evaluateRe3d(dir);
  const rows = ENTITY_TYPES.map((type) => {
    const score = result.scores[type];
    return [type, score.precision, score.recall, score.f1, score.truePositives, score.falsePositives, score.falseNegatives]
      .map(String)
      .map((cell, index) => (index === 0 ? cell.padEnd(13) : cell.padStart(6)))
      .join(" ");
  });
  process.stdout.write(
    [
      `re3d: ${result.documents} documents from ${dir}`,
      `${"type".padEnd(13)} ${["P", "R", "F1", "TP", "FP", "FN"].map((cell) => cell.padStart(6)).join(" ")}`,
      ...rows,
      `extraction ${result.extractionMs.toFixed(0)} ms in all`,
      "",
    ].join("\n"),
  );
}

main();
