import path from "node:path";
import { evaluateRe3d } from "../../src/services/extraction/evaluation";
import { describeWithCorpora } from "../support/corpora";

describeWithCorpora("extraction quality on re3d (npm run eval:extraction)", (dir) => {
  it("keeps document-level F1 at or above the measured figures", () => {
    const { documents, scores } = evaluateRe3d(path.join(dir, "re3d"));
    expect(documents).toBe(45);
    expect(scores.PERSON.f1).toBeGreaterThanOrEqual(0.89);
    expect(scores.PLACE.f1).toBeGreaterThanOrEqual(0.88);
    expect(scores.ORGANIZATION.f1).toBeGreaterThanOrEqual(0.81);
  });
});
