import fs from "node:fs";
import path from "node:path";
import { huffpostJsonlFormat } from "../../../src/services/ingest/formats/huffpost-jsonl";
import { describeWithCorpora } from "../../support/corpora";
import { errorsOf, storiesOf } from "./records";

describeWithCorpora("huffpost-jsonl format on the HuffPost corpus", (corpora) => {
  const file = path.join(corpora, "huffpost", "news_category_v3_first10k.jsonl");

  it("reads all 9,999 records; the abstract is the summary and authors are people only", () => {
    const stories = storiesOf(huffpostJsonlFormat.parse(fs.readFileSync(file, "utf8"), file));
    expect(stories).toHaveLength(9999);
    expect(stories[0]).toEqual({
      url: "https://www.huffpost.com/entry/covid-boosters-uptake-us_n_632d719ee4b087fae6feaac9",
      headline: "Over 4 Million Americans Roll Up Sleeves For Omicron-Targeted COVID Boosters",
      summary: "Health experts said it is too early to predict whether demand would match up with the 171 million doses of the new boosters the U.S. ordered for the fall.",
      body: [],
      publishedAt: "2022-09-23",
      section: "U.S. NEWS",
      publisher: "HuffPost",
      byline: "Carla K. Johnson, AP",
      authors: ["Carla K. Johnson"],
    });
    const authors = new Set(stories.flatMap((story) => story.authors ?? []));
    for (const notAPerson of ["AP", "Reuters", "Associated Press", "The Associated Press", "Reuters Staff", "Editorial Partner", "Yahoo News"]) {
      expect(authors.has(notAPerson)).toBe(false);
    }
  });
});

describe("huffpost-jsonl format on hand-written records", () => {
  const line = (authors: string) => JSON.stringify({ link: "https://h.example/1", headline: "H", category: "WORLD NEWS", short_description: "S", authors, date: "2020-05-01" });

  it.each([
    ["STEVE KARNOWSKI and AMY FORLITI, AP", ["STEVE KARNOWSKI", "AMY FORLITI"]],
    ["Marina Fang, Elyse Wanshel, and Candice Frederick", ["Marina Fang", "Elyse Wanshel", "Candice Frederick"]],
    ["Jonathan Landrum, Jr., AP", ["Jonathan Landrum, Jr."]],
    ["Stateline, Editorial Partner", []],
    ["", []],
  ])("takes the authors of %j as %j", (authors, expected) => {
    const [story] = storiesOf(huffpostJsonlFormat.parse(line(authors), "h.jsonl"));
    expect(story.authors).toEqual(expected);
    expect(story.byline).toBe(authors === "" ? null : authors);
  });

  it("reports a record without headline or with an impossible date", () => {
    const text = [JSON.stringify({ link: "x", short_description: "S" }), JSON.stringify({ headline: "H", date: "2020-13-01" })].join("\n");
    expect(errorsOf(huffpostJsonlFormat.parse(text, "h.jsonl"))).toEqual(["h.jsonl:1: missing headline", 'h.jsonl:2: date "2020-13-01" is not a YYYY-MM-DD calendar date']);
  });
});
