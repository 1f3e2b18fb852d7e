import fs from "node:fs";
import path from "node:path";
import { wikinewsCsvFormat } from "../../../src/services/ingest/formats/wikinews-csv";
import { describeWithCorpora } from "../../support/corpora";
import { errorsOf, storiesOf } from "./records";

describeWithCorpora("wikinews-csv format on the Wikinews corpus", (corpora) => {
  const read = (year: number) => {
    const file = path.join(corpora, "wikinews", `wikinews_${year}.csv`);
    return storiesOf(wikinewsCsvFormat.parse(fs.readFileSync(file, "utf8"), file));
  };

  it("reads every record of 2019 and 2020", () => {
    expect(read(2019)).toHaveLength(171);
    expect(read(2020)).toHaveLength(124);
  });

  it("reads a story's URL, date, title and paragraphs, without the date line", () => {
    const [first] = read(2019);
    expect(first.url).toBe("https://en.wikinews.org//wiki/Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead");
    expect(first.headline).toBe("Magnitogorsk apartment building collapses after explosion, dozens dead");
    expect(first.publishedAt).toBe("2019-01-04");
    expect(first.publisher).toBe("Wikinews");
    expect(first.body[0]).toMatch(/^An apartment building collapsed on Monday in Magnitogorsk/);
    expect(first.body.length).toBeGreaterThan(3);
    // Doubled quotes inside a quoted field are one quote.
    expect(first.body.join(" ")).toContain('of "presumably between 36 and 40 people under the rubble"');
  });
});

describe("wikinews-csv format on malformed CSV", () => {
  const csv = (...lines: string[]) => lines.join("\r\n");

  it("locates records by their first line and reports each bad one", () => {
    const text = csv(
      "url,date,title,text",
      'https://a.example/1,2020-01-02,"Storm, then calm","Wind\r\n\r\nRain ""heavy"""',
      "https://a.example/2,2020-02-30,Bad date,Text",
      "https://a.example/3,2020-01-03,,No title",
      "https://a.example/4,2020-01-03,Too,many,fields",
      "https://a.example/5,2020-01-04,Fine,Last",
    );
    const records = [...wikinewsCsvFormat.parse(text, "w.csv")];
    expect(errorsOf(records)).toEqual([
      'w.csv:5: date "2020-02-30" is not a YYYY-MM-DD calendar date',
      "w.csv:6: missing title",
      "w.csv:7: expected 4 fields, found 5",
    ]);
    expect(records[0]).toEqual({ location: "w.csv:2", story: { url: "https://a.example/1", headline: "Storm, then calm", body: ["Wind", 'Rain "heavy"'], publishedAt: "2020-01-02" } });
    expect(records[4]).toMatchObject({ location: "w.csv:8", story: { headline: "Fine" } });
    expect(records[0]).not.toHaveProperty("story.publisher"); // only a Wikinews address says who published it
  });

  it("stops at a quoted field that is never closed, reporting where its record starts", () => {
    const records = [...wikinewsCsvFormat.parse(csv("url,date,title,text", "u,2020-01-01,T,Body", 'u,2020-01-01,T,"open', "more"), "open.csv")];
    expect(records).toHaveLength(2);
    expect(errorsOf(records)).toEqual(["open.csv:3: a quoted field is never closed"]);
  });

  it("reports a header without the columns it needs", () => {
    expect(errorsOf(wikinewsCsvFormat.parse("id,name\n1,x\n", "other.csv"))).toEqual(['other.csv:1: the header must name the columns url, date, title, text; it is "id,name"']);
  });
});
