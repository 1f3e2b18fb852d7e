import fs from "node:fs";
import path from "node:path";
import { gazetteer } from "../../src/services/gazetteer/gazetteer";
import { parseCreditLine } from "../../src/services/extraction/credit-line";
import { extractEntities } from "../../src/services/extraction/extract";
import { isMetonymic } from "../../src/services/extraction/metonymy";
import { normaliseGoldName } from "../../src/services/extraction/evaluation";

const extract = (...body: string[]) => extractEntities({ headline: "", body }, { topics: null });

describe("credit lines", () => {
  it("reads photographer, pool, agency and file photo, restoring the name's case", () => {
    expect(parseCreditLine("BRYAN R. SMITH/Pool via Reuters/File Photo")).toEqual({
      photographer: "Bryan R. Smith",
      agency: "Reuters",
      distributor: null,
      isPool: true,
      isFilePhoto: true,
      isHandout: false,
    });
  });

  it.each([
    ["REUTERS/Ahmed Saad", "Ahmed Saad", "Reuters", null],
    ["Delil Souleiman/AFP via Getty Images", "Delil Souleiman", "AFP", "Getty Images"],
    ["Photo: Hussein Malla/AP", "Hussein Malla", "AP", null],
    ["(Reuters)", null, "Reuters", null],
  ])("%s", (line, photographer, agency, distributor) => {
    expect(parseCreditLine(line)).toMatchObject({ photographer, agency, distributor, isPool: false, isFilePhoto: false });
  });
});

describe("coreference within a story", () => {
  it("makes an acronym in parentheses an alias of the organization", () => {
    const result = extract("U.S. forces are advising Syrian Democratic Forces (SDF) in the north. The SDF has made progress.");
    const sdf = result.organizations.find((entity) => entity.name === "Syrian Democratic Forces");
    expect(sdf?.surfaceForms).toEqual(["Syrian Democratic Forces", "SDF"]);
    expect(result.organizations.filter((entity) => entity.name === "SDF")).toEqual([]);
  });

  it("keeps a surname two people share apart from both", () => {
    const result = extract("John Smith met Jane Smith in Paris. Smith said nothing.");
    expect(result.people.map((person) => person.name).sort()).toEqual(["Jane Smith", "John Smith", "Smith"]);
  });

  it("strips titles and keeps one entity per canonical name", () => {
    const result = extract("Prime Minister Haider al-Abadi met Gen. Joseph Votel. Abadi thanked Votel.");
    expect(result.people.map((person) => [person.name, person.surfaceForms])).toEqual([
      ["Haider al-Abadi", ["Haider al-Abadi", "Abadi"]],
      ["Joseph Votel", ["Joseph Votel", "Votel"]],
    ]);
  });
});

describe("what is capitalised without naming a person, place or organization", () => {
  const organizations = (...body: string[]) => extract(...body).organizations.map((entity) => entity.name);

  it.each([
    ["a document", "The opposition endorsed the Geneva Communique and the Executive Order.", ["Geneva Communique", "Executive Order"]],
    ["a law", "The Coalition complies with the Law of Armed Conflict.", ["Law of Armed Conflict", "Armed Conflict"]],
    ["a vessel and its short form", "The frigate FS Forbin joined the task force. Forbin is joining two ships.", ["FS Forbin", "Forbin"]],
    ["an operation opening a line", "The strike supported the campaign.\nOperation Inherent Resolve continues.", ["Inherent Resolve"]],
    [
      "a handle and social networks as channels",
      "Follow him on Twitter (@ABlinken) and on the State Department's Flickr and Instagram.",
      ["ABlinken", "Twitter", "Flickr", "Instagram"],
    ],
    ["acronyms in the plural", "Fighters used VBIEDs and UAVs near the town.", ["VBIEDs", "UAVs"]],
    ["a generic organization noun only used before a noun", "Coalition military forces struck with Coalition partners.", ["Coalition"]],
  ])("%s", (_, text, notOrganizations) => {
    const found = organizations(text);
    for (const name of notOrganizations) expect(found).not.toContain(name);
  });

  it("keeps a generic organization noun that heads its phrase", () => {
    expect(extract("Coalition partners met in Rome. The Coalition conducted 30 strikes.").organizations.map((entity) => entity.name)).toContain(
      "Coalition",
    );
  });

  it("keeps a nickname inside a person's name and the speaker after said", () => {
    const result = extract('"We will not allow it," said Col. John “J.D.” Dorrian. "It works," said Russell.');
    expect(result.people.map((person) => person.name)).toEqual(expect.arrayContaining(["John “J.D.” Dorrian", "Russell"]));
    expect(result.organizations).toEqual([]);
  });

  it("files an alias given with also called as the same entity", () => {
    const result = extract("Carter visited troops at Qayyarah Airfield West, also called “Q-West” in northern Iraq.");
    const airfield = result.places.find((entity) => entity.name === "Qayyarah Airfield West");
    expect(airfield?.surfaceForms).toContain("Q-West");
  });
});

describe("roles", () => {
  it.each([
    ['"We will win," Blinken said.'],
    ['Blinken said: "We will win."'],
    ['"We will win," said Blinken.'],
    ["The plan will work, according to Blinken."],
  ])("a speaker is QUOTED: %s", (sentence) => {
    const result = extract(`Antony Blinken arrived in Baghdad. ${sentence}`);
    expect(result.people[0].role).toBe("QUOTED");
  });

  it("a person in reported speech is MENTIONED", () => {
    const result = extract('Antony Blinken arrived. The State Department said Blinken "will underscore" the ties.');
    expect(result.people[0].role).toBe("MENTIONED");
  });
});

describe("places and metonymy", () => {
  it("resolves Damascus to the Syrian capital, and to Maryland's town only when the story is there", () => {
    expect(gazetteer().resolve("Damascus")).toMatchObject({ countryCode: "SY", isCapital: true });
    expect(gazetteer().resolve("Damascus", new Set(["US"]))?.countryCode).toBe("US");
    expect(gazetteer().country("U.S.")?.code).toBe("US");
    expect(gazetteer().country("Turkey")?.code).toBe("TR");
    expect(gazetteer().countryOfDemonym("Iraqis")?.code).toBe("IQ");
  });

  it.each([
    ["Washington sees this moment as an opportunity.", true],
    ["Assad's ouster took Washington by surprise.", true],
    ["despite Baghdad's concerns that unrest could spill over", true],
    ["Blinken arrived in Washington on Friday.", false],
    ["Iraq sees this moment as an opportunity.", false],
  ])("%s -> metonymic %s", (sentence, expected) => {
    const name = sentence.match(/Washington|Baghdad|Iraq/)?.[0] as string;
    const start = sentence.indexOf(name);
    expect(isMetonymic(sentence, start, start + name.length)).toBe(expected);
  });
});

describe("topic vocabulary", () => {
  it("covers every topic of the taxonomy", () => {
    const data = path.join(__dirname, "..", "..", "data");
    const taxonomy = JSON.parse(fs.readFileSync(path.join(data, "topics.json"), "utf8")) as Array<{ slug: string }>;
    const vocabulary = JSON.parse(fs.readFileSync(path.join(data, "topic-keywords.json"), "utf8")) as Record<string, unknown>;
    expect(Object.keys(vocabulary).sort()).toEqual(taxonomy.map((topic) => topic.slug).sort());
  });
});

describe("gold normalisation for the evaluation", () => {
  it.each([
    ["Deputy Secretary of State Antony Blinken", "PERSON", "Antony Blinken"],
    ["SECRETARY KERRY", "PERSON", "KERRY"],
    ["the Syrian Democratic Forces", "ORGANIZATION", "Syrian Democratic Forces"],
    ["the city of Raqqah", "PLACE", "Raqqah"],
    ["mourners", "ORGANIZATION", null],
    ["we", "ORGANIZATION", null],
    ["U.S. forces", "ORGANIZATION", null],
    ["Capt.", "PERSON", null],
    ["the ISIL's War Committee", "ORGANIZATION", "War Committee"],
    ["Col. John 'J.D.' Dorrian", "PERSON", "John 'J.D.' Dorrian"],
  ] as const)("%s -> %s", (value, type, expected) => {
    expect(normaliseGoldName(value, type, `It was ${value}.`, 7)).toBe(expected);
  });
});
