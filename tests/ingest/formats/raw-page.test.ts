import fs from "node:fs";
import path from "node:path";
import type { ArticleInput } from "../../../src/services/article-input";
import { rawPageFormat } from "../../../src/services/ingest/formats/raw-page";
import { projectRoot } from "../../../src/project-root";
import { describeWithSeedPage, SEED_PAGE } from "../../support/corpora";
import { errorsOf, storiesOf } from "./records";

const SEED_STORY = path.join(projectRoot(), "data", "articles", "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push.json");

describe("raw-page format", () => {
  it("keeps a lead printed once in the body, and tells a byline from a sentence opening with By", () => {
    const page = ["Skip to main content", "Ferry fares rise", "3 min read", "Fares on the island ferry rise by a tenth in June.", "By then, fuel costs had doubled.", "By Ana Ruiz and Ben de Vries"].join("\n\n");
    const [story] = storiesOf(rawPageFormat.parse(page, "ferry.txt"));
    expect(story).toMatchObject({
      headline: "Ferry fares rise",
      summary: null,
      body: ["Fares on the island ferry rise by a tenth in June.", "By then, fuel costs had doubled."],
      byline: "By Ana Ruiz and Ben de Vries",
      authors: ["Ana Ruiz", "Ben de Vries"],
      photos: [],
      related: [],
    });
  });

  it("reports a page with nothing but boilerplate", () => {
    expect(errorsOf(rawPageFormat.parse("Skip to main content\n\n1 min\n\nSubscribe to our newsletter\n", "empty.txt"))).toEqual([
      "empty.txt: no text left once the site boilerplate is removed",
    ]);
  });
});

describeWithSeedPage("raw-page format on the seed page", () => {
  it("reads the seed page as the hand-made seed story has it", () => {
    const expected = JSON.parse(fs.readFileSync(SEED_STORY, "utf8")) as ArticleInput;
    const [story] = storiesOf(rawPageFormat.parse(fs.readFileSync(SEED_PAGE, "utf8"), "blinken-iraq-visit.txt"));

    expect(story.headline).toBe(expected.headline);
    expect(story.summary).toBe(expected.summary);
    expect(story.body).toEqual(expected.body);
    expect(story.byline).toBe(expected.byline);
    expect(story.authors).toEqual(expected.authors);
    expect(story.related).toEqual(expected.related);
    const photoFields = ({ caption, credit, photographer, agency, isPool, isFilePhoto }: NonNullable<ArticleInput["photos"]>[number]) =>
      ({ caption, credit, photographer, agency, isPool, isFilePhoto });
    expect(story.photos?.map(photoFields)).toEqual(expected.photos?.map(photoFields));
    // The page does not say these; they were added to the seed story by hand.
    expect(story.publisher ?? null).toBeNull();
    expect(story.publishedAt ?? null).toBeNull();
    expect(story.dateline ?? null).toBeNull();
    expect(story.tags).toBeUndefined();
  });
});
