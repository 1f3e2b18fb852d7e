import fs from "node:fs";
import path from "node:path";
import { re3dDocumentsFormat } from "../../../src/services/ingest/formats/re3d-documents";
import { describeWithCorpora } from "../../support/corpora";
import { storiesOf } from "./records";

describeWithCorpora("re3d-documents format on the re3d corpus", (corpora) => {
  const read = (source: string) => {
    const file = path.join(corpora, "re3d", source, "documents.json");
    return storiesOf(re3dDocumentsFormat.parse(fs.readFileSync(file, "utf8"), file));
  };

  it("reads every document with its publisher named as an organization and no date", () => {
    const stateDepartment = read("us-state-department");
    const centcom = read("centcom");
    expect(stateDepartment).toHaveLength(22);
    expect(centcom).toHaveLength(23);
    expect(new Set(stateDepartment.map((story) => story.publisher))).toEqual(new Set(["United States Department of State"]));
    expect(new Set(centcom.map((story) => story.publisher))).toEqual(new Set(["United States Central Command"]));
    for (const story of [...stateDepartment, ...centcom]) {
      expect(story.url).toMatch(/^https?:\/\//);
      expect(story.publishedAt).toBeNull();
      expect(story.body.length).toBeGreaterThan(0);
    }
  });

  it("splits a document's text into paragraphs", () => {
    const story = read("centcom").find((candidate) => candidate.headline === "CENTCOM reinforces support for Syrian Arab Coalition");
    expect(story?.body).toHaveLength(2);
    expect(story?.body[1]).toMatch(/^Gen\. Joseph Votel, commander of U\.S\. Central Command said/);
  });
});
