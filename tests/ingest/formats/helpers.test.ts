import { isoDate } from "../../../src/services/ingest/formats/dates";
import { htmlToText } from "../../../src/services/ingest/formats/html-text";
import { namesInByline } from "../../../src/services/ingest/formats/names";
import { splitParagraphs } from "../../../src/services/ingest/formats/paragraphs";
import { splitCaptionCredit } from "../../../src/services/ingest/formats/photo-credit";

describe("format helpers", () => {
  it("splits paragraphs on blank lines, or on lines when there is no blank line", () => {
    expect(splitParagraphs("One\nstill one.\r\n\r\n\u00a0\n\nTwo. ")).toEqual(["One still one.", "Two."]);
    expect(splitParagraphs("One.\nTwo.\n")).toEqual(["One.", "Two."]);
    expect(splitParagraphs(" \n ")).toEqual([]);
  });

  it("splits a credit line off a caption, keeping initials and dates where they belong", () => {
    expect(splitCaptionCredit("Mr. Smith speaks in Paris. JOHN DOE/Reuters")).toEqual({ caption: "Mr. Smith speaks in Paris.", credit: "JOHN DOE/Reuters" });
    expect(splitCaptionCredit("A rally on May 2, 2024. (Reuters)")).toEqual({ caption: "A rally on May 2, 2024.", credit: "(Reuters)" });
    expect(splitCaptionCredit("The U.S. team won. They celebrated in Paris.")).toBeNull();
  });

  it("finds the people in a byline", () => {
    expect(namesInByline("Writing by Patrick Johnston; Editing by Peter Graff")).toEqual(["Patrick Johnston", "Peter Graff"]);
    expect(namesInByline("By Reuters Staff")).toEqual([]);
    expect(namesInByline("By Ana Ruiz & Ben Cole")).toEqual(["Ana Ruiz", "Ben Cole"]);
  });

  it("accepts ISO dates and timestamps of real days only", () => {
    expect(isoDate("2024-02-29")).toBe("2024-02-29");
    expect(isoDate("2024-02-29 10:00:00")).toBe("2024-02-29T10:00:00");
    expect(isoDate("2023-02-29")).toBeNull();
    expect(isoDate("29/02/2024")).toBeNull();
  });

  it("decodes every HTML entity, named or numeric, after removing tags", () => {
    expect(htmlToText("<b>Caf&eacute;</b> &lt;b&gt; &#8220;x&#x201D; &notin;<br>y<!-- z -->")).toBe("Café <b> “x” ∉ y");
  });
});
