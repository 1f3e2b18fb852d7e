import fs from "node:fs";
import path from "node:path";
import { entityLookupOf, knownEntitiesOf } from "../../src/services/extraction/entity-lookup";
import { extractEntities, type ExtractedEntity, type Extraction } from "../../src/services/extraction/extract";
import { readEntityRecords } from "../../src/services/seed-loader";

/** The seed story's text as the project ships it: headline, dek and paragraphs, without page boilerplate. */
function seedStory(): { headline: string; summary: string; body: string[] } {
  const file = path.join(__dirname, "..", "..", "data", "articles", "blinken-makes-unannounced-iraq-visit-as-part-of-syria-diplomacy-push.json");
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

const registry = entityLookupOf(knownEntitiesOf(readEntityRecords()));
const names = (entities: ExtractedEntity[]): string[] => entities.map((entity) => entity.name).sort();
const find = (entities: ExtractedEntity[], name: string): ExtractedEntity => {
  const entity = entities.find((candidate) => candidate.name === name);
  if (!entity) throw new Error(`${name} not found among ${names(entities).join(", ")}`);
  return entity;
};

describe("extraction of the seed story (Blinken's Iraq visit)", () => {
  let result: Extraction;
  beforeAll(() => {
    result = extractEntities(seedStory(), { lookup: registry });
  });

  it("finds exactly the people, each linked to the registry", () => {
    expect(names(result.people)).toEqual(["Antony Blinken", "Bashar al-Assad", "Joe Biden", "Mohammed Shia al-Sudani"]);
    for (const person of result.people) expect(person.knownId).toBe(`PERSON:${person.name}`);
  });

  it("finds exactly the places, with the registry's canonical names", () => {
    expect(names(result.places)).toEqual(
      ["Baghdad", "Damascus", "Gaza Strip", "Iran", "Iraq", "Israel", "Syria", "Tehran", "United States", "Washington, D.C."].sort(),
    );
  });

  it("finds exactly the organizations, typed as organizations", () => {
    expect(names(result.organizations)).toEqual(
      [
        "Axis of Resistance",
        "Hamas",
        "Hayat Tahrir al-Sham",
        "Hezbollah",
        "Islamic State",
        "Popular Mobilization Forces",
        "Reuters",
        "United States Department of State",
        "al-Qaeda",
      ].sort(),
    );
    expect(find(result.organizations, "al-Qaeda").surfaceForms).toEqual(["al Qaeda"]);
  });

  it("files no group word, demonym or weekday as an entity", () => {
    const all = [...result.people, ...result.places, ...result.organizations].flatMap((entity) => entity.surfaceForms);
    for (const word of ["Shi'ite", "Sunni", "Friday", "Syrian", "Iraqi", "Lebanese", "Opposition", "Thousands"]) {
      expect(all).not.toContain(word);
    }
  });

  it("resolves short forms to the full name within the story", () => {
    expect(find(result.people, "Antony Blinken").surfaceForms).toEqual(["Antony Blinken", "Blinken"]);
    expect(find(result.people, "Mohammed Shia al-Sudani").surfaceForms).toContain("Sudani");
    expect(find(result.people, "Bashar al-Assad").surfaceForms).toContain("Assad");
  });

  it("marks Washington as the government speaking, not as a place visited", () => {
    const washington = find(result.places, "Washington, D.C.");
    expect(washington.metonymic).toBe(true);
    expect(washington.occurrences.every((occurrence) => occurrence.metonymic)).toBe(true);
    expect(find(result.places, "Baghdad").metonymic).toBe(false);
  });

  it("resolves Damascus to the Syrian capital with coordinates", () => {
    const place = find(result.places, "Damascus").place;
    expect(place).toMatchObject({ kind: "city", countryCode: "SY", isCapital: true });
    expect(place?.latitude).toBeCloseTo(33.51, 1);
    expect(place?.longitude).toBeCloseTo(36.29, 1);
  });

  it("ranks the headline people and places first, with their first sentence", () => {
    expect(result.people[0].name).toBe("Antony Blinken");
    expect(result.people[0].salience).toBe(1);
    expect(result.people[0].firstSentence).toBe("Blinken makes unannounced Iraq visit as part of Syria diplomacy push");
    expect(result.people.every((person) => person.role === "MENTIONED")).toBe(true);
  });

  it("assigns the story topics from the taxonomy", () => {
    const slugs = result.topics.map((topic) => topic.slug);
    expect(slugs).toEqual(expect.arrayContaining(["syria", "iraq", "diplomacy"]));
    for (const topic of result.topics) expect(topic.weight).toBeGreaterThan(0);
  });

  it("finds the same people without a registry, as new entities", () => {
    const unlinked = extractEntities(seedStory(), { topics: null });
    expect(names(unlinked.people)).toEqual(expect.arrayContaining(["Antony Blinken", "Bashar al-Assad", "Joe Biden", "Mohammed Shia al-Sudani"]));
    expect(unlinked.people.every((person) => person.knownId === null)).toBe(true);
    expect(find(unlinked.places, "United States").surfaceForms).toEqual(["U.S."]);
  });
});
