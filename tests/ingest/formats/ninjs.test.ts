import fs from "node:fs";
import path from "node:path";
import { ninjsFormat } from "../../../src/services/ingest/formats/ninjs";
import { errorsOf, storiesOf } from "./records";

const ITEM = path.join(__dirname, "..", "fixtures", "flood-barrier-test.ninjs.json");

describe("ninjs format", () => {
  it("reads a ninjs 2.x text item with its associated picture and subjects", () => {
    const [story] = storiesOf(ninjsFormat.parse(fs.readFileSync(ITEM, "utf8"), "flood-barrier-test.ninjs.json"));
    expect(story).toEqual({
      url: "https://wire.example/items/2024/flood-barrier-test",
      headline: "River flood barrier passes its first full-scale test",
      summary: "The new barrier held back a simulated surge for six hours.",
      body: [
        "The barrier on the lower river held back a simulated surge for six hours on Sunday, its operators said.",
        "Engineers will publish the measurements next month & decide on a second test.",
      ],
      publishedAt: "2024-05-12T06:00:00Z",
      updatedAt: "2024-05-12T09:30:00Z",
      language: "en",
      publisher: "Example Wire",
      byline: "By Anna Lindqvist and Omar Haddad",
      authors: ["Anna Lindqvist", "Omar Haddad"],
      dateline: "Rotterdam",
      photos: [
        {
          url: "https://wire.example/img/barrier.jpg",
          caption: "Water gates of the barrier close during the test.",
          credit: "Kees Bakker/Example Wire",
          photographer: "Kees Bakker",
          agency: null,
          isPool: false,
          isFilePhoto: false,
          takenAt: "2024-05-12T07:10:00Z",
          takenIn: "Rotterdam",
          depicts: ["Pieter de Vries"],
        },
      ],
      tags: { people: [{ name: "Pieter de Vries" }], organizations: [{ name: "Rijkswaterstaat" }], places: [{ name: "Rotterdam" }] },
    });
  });

  it("reports items that are not stories or lack a headline", () => {
    const items = [
      { uri: "urn:x:1", type: "picture", headlines: [{ value: "A photo" }] },
      { uri: "urn:x:2", type: "text", bodies: [{ value: "Text only." }] },
      { uri: "urn:x:3", headlines: [{ value: "Plain" }], bodies: [{ value: "One.\n\nTwo." }] },
    ];
    const records = [...ninjsFormat.parse(JSON.stringify(items, null, 2), "items.json")];
    expect(errorsOf(records)).toEqual(['items.json#1: a ninjs item of type "picture" is not a story', "items.json#2: missing headline (no headlines entry)"]);
    expect(records[2]).toMatchObject({ location: "items.json#3", story: { url: null, headline: "Plain", body: ["One.", "Two."] } });
  });
});
