import fs from "node:fs";
import path from "node:path";
import { articleJsonFormat } from "../../../src/services/ingest/formats/article-json";
import { projectRoot } from "../../../src/project-root";
import { errorsOf, storiesOf } from "./records";

const ARTICLES_DIR = path.join(projectRoot(), "data", "articles");

describe("article-json format", () => {
  it("reads each shipped story as it is", () => {
    for (const file of fs.readdirSync(ARTICLES_DIR)) {
      const text = fs.readFileSync(path.join(ARTICLES_DIR, file), "utf8");
      expect(storiesOf(articleJsonFormat.parse(text, file))).toEqual([JSON.parse(text)]);
    }
  });

  it("reads JSON Lines and reports each bad line with its number and reason", () => {
    const lines = [
      JSON.stringify({ headline: "Dam opens", body: ["The dam opened."], tags: { topics: [{ slug: "energy" }] } }),
      "",
      "{ not json",
      JSON.stringify({ body: ["No headline here."] }),
      JSON.stringify({ headline: "Bad body", body: "one string" }),
      JSON.stringify({ headline: "Bad photo", body: [], photos: [{ credit: "AP" }] }),
      JSON.stringify({ headline: "Bad date", body: [], publishedAt: 20240101 }),
      JSON.stringify({ headline: "Last one", body: [] }),
    ].join("\n");
    const records = [...articleJsonFormat.parse(lines, "batch.jsonl")];
    expect(records.map((record) => ("story" in record ? `${record.location}: ${record.story.headline}` : undefined)).filter(Boolean)).toEqual([
      "batch.jsonl:1: Dam opens",
      "batch.jsonl:8: Last one",
    ]);
    expect(errorsOf(records)).toEqual([
      expect.stringMatching(/^batch\.jsonl:3: invalid JSON: .+/),
      "batch.jsonl:4: missing headline",
      "batch.jsonl:5: body must be an array of paragraph strings",
      "batch.jsonl:6: photos[0] must be an object with a caption string",
      "batch.jsonl:7: publishedAt must be a string or null",
    ]);
  });

  it("reads an array document, locating records by number from 1", () => {
    const text = JSON.stringify([{ headline: "One", body: [] }, "not a story", { headline: "Three", body: ["x"] }], null, 2);
    const records = [...articleJsonFormat.parse(text, "stories.json")];
    expect(records.map((record) => record.location)).toEqual(["stories.json#1", "stories.json#2", "stories.json#3"]);
    expect(errorsOf(records)).toEqual(["stories.json#2: expected an article object, found string"]);
  });

  it("reports a document that is not valid JSON", () => {
    expect(errorsOf(articleJsonFormat.parse('{\n  "headline": "Cut off",\n', "cut.json"))).toEqual([expect.stringMatching(/^cut\.json: invalid JSON: /)]);
  });
});
