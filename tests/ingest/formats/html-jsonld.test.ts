import fs from "node:fs";
import path from "node:path";
import { htmlJsonLdFormat } from "../../../src/services/ingest/formats/html-jsonld";
import { errorsOf, storiesOf } from "./records";

const PAGE = path.join(__dirname, "..", "fixtures", "harbour-bridge-reopens.html");

describe("html-jsonld format", () => {
  it("reads the NewsArticle in a JSON-LD @graph, the article's paragraphs and its figures", () => {
    const [story] = storiesOf(htmlJsonLdFormat.parse(fs.readFileSync(PAGE, "utf8"), "harbour-bridge-reopens.html"));
    expect(story).toEqual({
      url: "https://courier.example/news/harbour-bridge-reopens",
      headline: "Harbour bridge reopens after three weeks of repairs & inspections",
      summary: "Traffic returned to the Westport harbour bridge on Monday, the city's engineers said.",
      body: [
        "Traffic returned to the Westport harbour bridge on Monday after three weeks of repairs.",
        "The city’s engineers replaced 40 expansion joints — \"the worst we have seen\", one said.",
        "Ferries that ran extra crossings during the closure return to their usual timetable.",
      ],
      publishedAt: "2024-03-04T08:15:00Z",
      updatedAt: "2024-03-04T10:40:00+01:00",
      section: "Local",
      language: "en-GB",
      publisher: "Example Courier",
      authors: ["Maria Ostrowska", "Tomás Ferreira"],
      photos: [
        {
          url: "https://courier.example/img/bridge.jpg",
          caption: "Cars cross the Westport harbour bridge on March 4, 2024.",
          credit: "JANE DOE/Example Courier",
          photographer: "Jane Doe",
          agency: null,
          isPool: false,
          isFilePhoto: false,
        },
        {
          url: "https://courier.example/img/engineers.jpg",
          caption: "Engineers inspect a joint on February 20, 2024.",
          credit: "Photo: Lee Park/Pool",
          photographer: "Lee Park",
          agency: null,
          isPool: true,
          isFilePhoto: false,
        },
      ],
    });
  });

  it("prefers articleBody and reads a top-level NewsArticle array", () => {
    const jsonLd = [{ "@type": "Organization", name: "X" }, { "@type": "NewsArticle", headline: "Quiet day", articleBody: "First line.\nSecond line.", author: { name: "Kim Lee" } }];
    const page = `<html><head><script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head><body><article><p>Ignored</p></article></body></html>`;
    const [story] = storiesOf(htmlJsonLdFormat.parse(page, "quiet.html"));
    expect(story).toMatchObject({ headline: "Quiet day", body: ["First line.", "Second line."], authors: ["Kim Lee"], url: null, publishedAt: null });
  });

  it("reports a page without a NewsArticle, naming an invalid JSON-LD block", () => {
    expect(errorsOf(htmlJsonLdFormat.parse("<html><body><p>Hi</p></body></html>", "plain.html"))).toEqual(["plain.html: no schema.org NewsArticle JSON-LD block in the page"]);
    const broken = '<html><script type="application/ld+json">{"@type": "NewsArticle",</script></html>';
    expect(errorsOf(htmlJsonLdFormat.parse(broken, "broken.html"))).toEqual([expect.stringMatching(/^broken\.html: no schema\.org NewsArticle in the page's JSON-LD \(a block is invalid JSON: .+\)$/)]);
  });
});
