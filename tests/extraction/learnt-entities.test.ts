import { entityLookupOf, type KnownEntity } from "../../src/services/extraction/entity-lookup";
import { extractEntities } from "../../src/services/extraction/extract";

/** A lookup as ingestion builds it after a weak story filed "Soleimani" as an organization. */
const wronglyTyped: KnownEntity = { id: "org-1", type: "ORGANIZATION", name: "Soleimani", aliases: [] };
const lookup = entityLookupOf([wronglyTyped, { id: "org-2", type: "ORGANIZATION", name: "NATO", aliases: [] }]);
const extract = (headline: string, ...body: string[]) => extractEntities({ headline, body }, { lookup, topics: null });
const summary = (entities: ReadonlyArray<{ name: string; knownId: string | null }>) => entities.map(({ name, knownId }) => [name, knownId]);

describe("entities learnt from earlier stories", () => {
  it("a one-word known name does not split a longer name that ends with it", () => {
    const result = extract("Iran vows revenge", "Qasem Soleimani was killed in a strike in Baghdad.");
    expect(summary(result.people)).toEqual([["Qasem Soleimani", null]]);
    expect(result.organizations).toEqual([]);
  });

  it("a one-word known name of another type yields to the story's person whose full name ends with it", () => {
    const result = extract("Iran vows revenge", "Qasem Soleimani was killed in a strike in Baghdad. Soleimani led the Quds Force.");
    expect(result.people.map((person) => [person.name, person.surfaceForms])).toEqual([["Qasem Soleimani", ["Qasem Soleimani", "Soleimani"]]]);
    expect(result.organizations.map((entity) => entity.name)).toEqual(["Quds Force"]);
  });

  it("a title before a known name overrides the known type", () => {
    const result = extract("Iran vows revenge", "Gen. Soleimani was killed in a strike.");
    expect(summary(result.people)).toEqual([["Soleimani", null]]);
    expect(result.organizations).toEqual([]);
  });

  it("a known type consistent with the story is kept, even after a preposition of place", () => {
    const result = extract("Allies meet", "Soleimani was criticised. Finland's membership in NATO was approved.");
    expect(summary(result.organizations)).toEqual([
      ["Soleimani", "org-1"],
      ["NATO", "org-2"],
    ]);
  });
});

describe("title-case headlines", () => {
  const headline = (text: string) => extractEntities({ headline: text, body: ["Thousands attended."] }, { topics: null });

  it("a preposition before a name that modifies a capitalised noun does not make it a place", () => {
    const result = headline("Mourners Chant 'Death To America' In Qassem Soleimani Funeral Procession");
    expect(result.people.map((person) => person.name)).toEqual(["Qassem Soleimani"]);
    expect(result.places.map((place) => place.name)).not.toContain("Qassem Soleimani");
  });

  it("a given name outweighs a capitalised preposition before it", () => {
    const result = headline("Crowds Gather In Joe Biden's Hometown Of Scranton");
    expect(result.people.map((person) => person.name)).toEqual(["Joe Biden"]);
  });

  it("a family name that is also a word stays with the given name before it", () => {
    const result = headline("Garry Kasparov: Donald Trump Has More Russian Connections Than Aeroflot");
    expect(result.people.map((person) => person.name)).toEqual(["Garry Kasparov", "Donald Trump"]);
    expect(result.organizations.map((entity) => entity.name)).toEqual(["Aeroflot"]);
  });
});
