import fs from "node:fs";
import path from "node:path";
import { detectFormat, STORY_FORMATS } from "../../../src/services/ingest/formats";
import { projectRoot } from "../../../src/project-root";
import { describeWithCorpora } from "../../support/corpora";

/** The format detected for a file on disk, from its name and first 4 KB as the ingester reads them. */
function detectedName(file: string): string | null {
  const head = fs.readFileSync(file, "utf8").slice(0, 4096);
  return detectFormat(path.basename(file), head)?.name ?? null;
}

describe("detectFormat", () => {
  it("has one format per name", () => {
    const names = STORY_FORMATS.map((format) => format.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("recognizes the project's stories and the test fixtures", () => {
    const fixtures = path.join(__dirname, "..", "fixtures");
    expect(detectedName(path.join(projectRoot(), "data", "articles", "syrias-turning-point-transition-or-turmoil.json"))).toBe("article-json");
    expect(detectedName(path.join(fixtures, "harbour-bridge-reopens.html"))).toBe("html-jsonld");
    expect(detectedName(path.join(fixtures, "flood-barrier-test.ninjs.json"))).toBe("ninjs");
  });

  it("goes by content where the extension does not tell", () => {
    const huffpostLine = '{"link": "https://h.example", "headline": "H", "category": "C", "short_description": "S", "authors": "", "date": "2020-01-01"}';
    expect(detectFormat("export.txt", huffpostLine)?.name).toBe("huffpost-jsonl");
    expect(detectFormat("export", "url,date,title,text\n")?.name).toBe("wikinews-csv");
    expect(detectFormat("page", "<!DOCTYPE html>\n<html>")?.name).toBe("html-jsonld");
    expect(detectFormat("stories", '[{"headline": "H", "body": []}]')?.name).toBe("article-json");
    expect(detectFormat("page.txt", "Headline\n\nText")?.name).toBe("raw-page");
  });

  it("returns null for files no format reads", () => {
    expect(detectFormat("README.md", "# Notes\n")).toBeNull();
    expect(detectFormat("table.csv", "id,name\n1,x\n")).toBeNull();
    expect(detectFormat("entities.json", '{ "documentId" : "A1", "begin" : 0, "end" : 4, "type" : "Person" }\n')).toBeNull();
  });
});

describeWithCorpora("detectFormat on the corpora", (corpora) => {
  it("tells each corpus file's format and leaves annotation and licence files alone", () => {
    const detected = (relative: string) => detectedName(path.join(corpora, relative));
    expect(detected("wikinews/wikinews_2019.csv")).toBe("wikinews-csv");
    expect(detected("wikinews/wikinews_2020.csv")).toBe("wikinews-csv");
    expect(detected("huffpost/news_category_v3_first10k.jsonl")).toBe("huffpost-jsonl");
    for (const source of ["centcom", "us-state-department"]) {
      expect(detected(`re3d/${source}/documents.json`)).toBe("re3d-documents");
      expect(detected(`re3d/${source}/entities.json`)).toBeNull();
      expect(detected(`re3d/${source}/relations.json`)).toBeNull();
      expect(detected(`re3d/${source}/LICENSE`)).toBeNull();
    }
    expect(detected("README.md")).toBeNull();
  });
});
