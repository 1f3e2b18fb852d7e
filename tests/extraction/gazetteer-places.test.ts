import { entityLookupOf, type KnownEntity } from "../../src/services/extraction/entity-lookup";
import { extractEntities, type ExtractedEntity } from "../../src/services/extraction/extract";

const known = (id: string, type: KnownEntity["type"], name: string): KnownEntity => ({ id, type, name, aliases: [] });
const extract = (entities: KnownEntity[], headline: string, ...body: string[]) =>
  extractEntities({ headline, body }, { lookup: entityLookupOf(entities), topics: null });
const linked = (entities: readonly ExtractedEntity[]) => entities.map(({ name, knownId }) => [name, knownId]);
const names = (entities: readonly ExtractedEntity[]) => entities.map((entity) => entity.name);

describe("a country or major city is a place unless a person's cues stand beside it", () => {
  it("a title-case headline gives no title to a city after the title's person", () => {
    const result = extract([], "Iraqi TV: Iran's Gen. Qassim Soleimani Killed In Baghdad Strike", "He died.");
    expect(names(result.people)).toEqual(["Qassim Soleimani"]);
    expect(names(result.places)).toEqual(expect.arrayContaining(["Iran", "Baghdad"]));
  });

  it("a person learnt under a major city's name yields to the place when the story says nothing of a person", () => {
    const result = extract([known("p-1", "PERSON", "Baghdad")], "Strike", "Officials said a Baghdad airport was hit.");
    expect(result.people).toEqual([]);
    expect(linked(result.places)).toEqual([["Baghdad", null]]);
  });

  it("a title, a relative who or a verb of speech beside the name keeps the person", () => {
    expect(names(extract([], "Memorial", "President Lincoln spoke to the troops.").people)).toEqual(["Lincoln"]);
    expect(names(extract([], "Memorial", "The troops cheered Lincoln, who spoke first.").people)).toEqual(["Lincoln"]);
    expect(names(extract([], "Memorial", "“We will win,” said Lincoln.").people)).toEqual(["Lincoln"]);
  });

  it("between a known place and a known person of one name, the story's evidence chooses, the place by default", () => {
    const lookup = [known("p-1", "PERSON", "Jordan"), known("c-1", "PLACE", "Jordan")];
    expect(linked(extract(lookup, "Visit", "Troops arrived in Jordan on Friday.").places)).toEqual([["Jordan", "c-1"]]);
    expect(linked(extract(lookup, "Visit", "Jordan is hosting the talks.").places)).toEqual([["Jordan", "c-1"]]);
    const titled = extract(lookup, "Visit", "Mr. Jordan arrived on Friday.");
    expect(linked(titled.people)).toEqual([["Jordan", "p-1"]]);
    expect(titled.places).toEqual([]);
  });
});

describe("facility names: a place name and a facility head stay one name", () => {
  it("keeps an airport whole, though the lookup knows its city and a fragment an earlier story split off", () => {
    const lookup = [known("c-1", "PLACE", "Baghdad"), known("x-1", "PLACE", "International Airport")];
    const result = extract(lookup, "Strike", "The strike took place in Iraq, at Baghdad International Airport.");
    expect(names(result.places)).toEqual(expect.arrayContaining(["Iraq", "Baghdad International Airport"]));
    expect(names(result.places)).not.toContain("International Airport");
    expect(names(result.places)).not.toContain("Baghdad");
  });

  it("files airports, bases, squares, dams, bridges and palaces as places", () => {
    const result = extract(
      [],
      "Tour",
      "The convoy left Ain al-Asad Air Base for Mosul Dam. Protesters filled Tahrir Square. " +
        "Traffic stopped on Brooklyn Bridge. Guards stood outside Buckingham Palace.",
    );
    expect(names(result.places)).toEqual(
      expect.arrayContaining(["Ain al-Asad Air Base", "Mosul Dam", "Tahrir Square", "Brooklyn Bridge", "Buckingham Palace"]),
    );
    expect(result.organizations).toEqual([]);
  });

  it("keeps a facility whose head comes before of whole, and a place head before of makes a place", () => {
    const result = extract([known("c-1", "PLACE", "Baghdad")], "Study", "Students of the University of Baghdad met. Tankers crossed the Strait of Hormuz.");
    expect(names(result.organizations)).toEqual(["University of Baghdad"]);
    expect(names(result.places)).toEqual(["Strait of Hormuz"]);
  });

  it("files universities and hospitals as organizations, even when named after a known person", () => {
    const lookup = [known("p-1", "PERSON", "George Washington")];
    const result = extract(lookup, "Study", "Researchers at George Washington University and Baghdad Teaching Hospital agreed.");
    expect(names(result.organizations)).toEqual(["George Washington University", "Baghdad Teaching Hospital"]);
    expect(result.people).toEqual([]);
  });
});

describe("common words and short names do not resolve to gazetteer cities", () => {
  it("a pronoun or other function word is never a name, even when an earlier story filed it as one", () => {
    const lookup = [known("x-1", "PLACE", "We"), known("x-2", "PERSON", "We"), known("x-3", "ORGANIZATION", "THIS")];
    const result = extract(lookup, "Interview", "Q: Did you expect it? A: We did not. We were surprised.", "Our study was small. This is new, This said.");
    expect([...result.people, ...result.places, ...result.organizations]).toEqual([]);
  });

  it("an English word is no sign of a small town spelt alike", () => {
    const result = extract([], "Show", "Fans “say stuff like, 'Can you be my face mask?'” The show “Oh God, A Show” opens.");
    expect(result.places).toEqual([]);
  });

  it("a name of two letters needs the story to say it is a place", () => {
    expect(extract([], "Talks", "He met Wu at the talks.").places).toEqual([]);
  });

  it("a month is no place, even when learnt as one, while a family name after a given name stays", () => {
    const result = extract([known("x-1", "PLACE", "May")], "Charges", "Charges were brought in May 2021. Theresa May spoke.");
    expect(result.places).toEqual([]);
    expect(names(result.people)).toEqual(["Theresa May"]);
  });
});

describe("capitalised phrases that open a sentence (found in Wikinews and HuffPost copy)", () => {
  it("a sentence's first word opens a multi-word city name the gazetteer knows", () => {
    const result = extract([], "El Paso Shooting Suspect Says He Targeted Mexicans", "He was held.");
    expect(names(result.places)).toEqual(["El Paso"]);
  });

  it("a lone word ending a title-like phrase names nothing, unless a preposition of place opens the sentence", () => {
    const result = extract([], "Crash", "Lion Air disaster: the recorder was found. Iron Man fans came. Near Palmyra, troops massed.");
    expect(names(result.places)).toEqual(["Palmyra"]);
    expect([...result.people, ...result.organizations]).toEqual([]);
  });

  it("a place head before for ends the name", () => {
    const result = extract([], "Convoy", "The convoy left Ain al-Asad Air Base for Mosul Dam.");
    expect(names(result.places)).toEqual(["Ain al-Asad Air Base", "Mosul Dam"]);
  });
});
