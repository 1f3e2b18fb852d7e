import { gazetteer, type Place } from "../gazetteer/gazetteer";
import { nameKey } from "../names";
import { hasOrganizationHead, hasPlaceShape, placeContextBefore } from "./cues";
import type { EntityLookup, EntityType, KnownEntity } from "./entity-lookup";
import { lexicon } from "./lexicon";
import { findNameSpans, type NameSpan } from "./name-spans";
import { isNameParticle } from "./titles";
import { tokenize, type Token } from "./tokens";

/** One entity a story names: its type, the forms it takes, and what it links to. */
export interface RecognizedEntity {
  type: EntityType;
  /** The registry name when linked, the country's name for a country, else the longest form. */
  name: string;
  /** Every form the story uses, longest first ("Antony Blinken", "Blinken"). */
  surfaceForms: string[];
  /** The existing entity it links to, or null for a new one. */
  known: KnownEntity | null;
  /** Where a place lies, when the gazetteer knows it. */
  place: Place | null;
}

type Scores = Record<EntityType, number>;

/** One distinct name (by {@link nameKey}) with the evidence gathered over all its mentions. */
interface Name {
  key: string;
  surfaces: Set<string>;
  words: string[];
  scores: Scores;
  known: KnownEntity | null;
  /** Mentions found as name spans (known-name matches not counted). */
  mentions: number;
  /** Used as a common noun somewhere ("a VBIED", "IEDs"): no name at all. */
  common: boolean;
  type?: EntityType;
  /** The name this one is a short form or acronym of. */
  parent?: Name;
}

/**
 * Finds the people, places and organizations a story names, typed, with short forms and
 * acronyms merged into the full name and names linked through `lookup`.
 *
 * Known names are matched first, as word n-grams, so registry names keep their exact extent
 * ("Hayat Tahrir al-Sham", "al Qaeda"). Every other name gathers evidence over all its mentions:
 * a title before it, organization or place head words, the gazetteer, a preposition of place,
 * a given name; the type with the most evidence wins, so one decisive mention types them all.
 */
export function recognizeEntities(text: string, headlineEnd: number, lookup: EntityLookup): RecognizedEntity[] {
  const places = gazetteer();
  const tokens = tokenize(text, headlineEnd);
  const names = new Map<string, Name>();
  const nameOf = (surface: string, known: KnownEntity | null = null): Name => {
    const key = nameKey(surface);
    let name = names.get(key);
    if (!name) {
      const scores = { PERSON: 0, PLACE: 0, ORGANIZATION: 0 };
      name = { key, surfaces: new Set(), words: surface.split(/\s+/), scores, known, mentions: 0, common: false };
      names.set(key, name);
    }
    name.surfaces.add(surface);
    return name;
  };

  const reserved = new Set<number>();
  for (const match of knownNameMatches(text, tokens, lookup)) {
    for (let k = match.from; k < match.to; k++) reserved.add(k);
    nameOf(match.surface, match.known);
  }

  const isKnown = (name: string): boolean => lookup.find(name).length > 0 || places.country(name) !== undefined;
  const spans = findNameSpans(text, tokens, isKnown, reserved);
  const acronyms: Array<[acronym: string, full: string]> = [];
  for (const span of spans) {
    const name = nameOf(span.text);
    name.mentions++;
    addEvidence(name.scores, span, text, tokens);
    // "a VBIED," is a thing; in "an ISIL tactical unit" the acronym only modifies the noun.
    const headOfNounPhrase = !/^\s+\p{Ll}/u.test(text.slice(span.end, span.end + 2)) || /^\s+(?:and|or)\b/.test(text.slice(span.end, span.end + 5));
    if (headOfNounPhrase && /\b(?:a|an)\s+$/i.test(text.slice(Math.max(0, span.start - 4), span.start))) name.common = true;
    const acronym = /^\s*\(([\p{Lu}][\p{Lu}\p{N}&-]{1,9})\)/u.exec(text.slice(span.end));
    if (acronym && span.to - span.from > 1) acronyms.push([acronym[1], span.text]);
  }

  for (const name of names.values()) {
    name.type = name.known?.type ?? decideType(name.scores);
  }
  for (const [acronym, full] of acronyms) {
    const short = names.get(nameKey(acronym));
    const long = names.get(nameKey(full));
    if (short && long && !short.known && short !== long) short.parent = long;
  }
  attachShortForms(names);
  dropCommonNouns(names);

  const mentioned = new Set<string>();
  for (const name of names.values()) {
    if (name.type === "PLACE" && !name.parent) {
      const country = places.country(surfaceOf(name));
      if (country) mentioned.add(country.code);
    }
  }
  return buildEntities(names, mentioned);
}

/** Known names in the text, longest first at each position, on word boundaries. */
function knownNameMatches(
  text: string,
  tokens: readonly Token[],
  lookup: EntityLookup,
): Array<{ from: number; to: number; surface: string; known: KnownEntity }> {
  const matches: Array<{ from: number; to: number; surface: string; known: KnownEntity }> = [];
  if (lookup.longestNameWords === 0) return matches;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first.capitalised && !isNameParticle(first.text)) continue;
    for (let n = Math.min(lookup.longestNameWords, tokens.length - i); n >= 1; n--) {
      const last = tokens[i + n - 1];
      if (!last.capitalised && !isNameParticle(last.text)) continue;
      const surface = text.slice(first.start, last.end);
      if (/[\n,;:()"“”]/.test(surface)) continue;
      if (n === 1 && first.initial && lexicon().isDictionaryWord(first.text)) continue;
      const known = lookup.find(surface);
      if (known.length === 0) continue;
      matches.push({ from: i, to: i + n, surface, known: known[0] });
      i += n - 1;
      break;
    }
  }
  return matches;
}

/** Adds what one mention tells about its name's type. The weights rank the cues by reliability. */
function addEvidence(scores: Scores, span: NameSpan, text: string, tokens: readonly Token[]): void {
  const places = gazetteer();
  const words = lexicon();
  const parts = tokens.slice(span.from, span.to).map((token) => token.text);
  const multiWord = parts.length > 1;
  if (span.titled) scores.PERSON += 5;
  if (hasOrganizationHead(parts)) scores.ORGANIZATION += 4;
  if (hasPlaceShape(parts)) scores.PLACE += 4;
  const acronym = isAcronym(span.text);
  if (places.country(span.text)) scores.PLACE += 6;
  else if (words.isRegion(span.text)) scores.PLACE += 4;
  else {
    const city = places.cities(span.text)[0];
    const major = city && (city.population >= 100_000 || city.featureCode === "PPLC" || city.featureCode === "PPLA");
    // An acronym is an organization unless it is a major city in capitals ("BAGHDAD").
    if (acronym && !major) scores.ORGANIZATION += 3;
    else if (city) scores.PLACE += major ? 3 : city.population >= 15_000 ? 1.5 : multiWord ? 1 : 0.5;
  }
  if (multiWord && parts.some(isAcronym) && !parts.some((part) => places.country(part))) scores.ORGANIZATION += 2;
  if (!multiWord && !acronym && words.isSurname(span.text)) scores.PERSON += 1.5;
  if (multiWord && words.isGivenName(parts[0])) scores.PERSON += 2;
  if (multiWord && (parts.slice(1).some(isNameParticle) || parts[0] === "Abu")) scores.PERSON += 2;
  if (placeContextBefore(text.slice(Math.max(0, span.start - 30), span.start))) scores.PLACE += 2.5;
  const qualifier = /^,\s*(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)/u.exec(text.slice(span.end, span.end + 40));
  if (qualifier && (places.country(qualifier[1]) || words.isRegion(qualifier[1]))) scores.PLACE += 2;
  if (multiWord && /^\s+(?:said|says|told|added|wrote)\b/.test(text.slice(span.end, span.end + 12))) scores.PERSON += 1;
  // Without any cue, two or three plain words are most often a person ("Knox Thames"), a
  // single word or a phrase of dictionary words most often an organization ("Inherent Resolve").
  if (multiWord && !parts.some((part) => words.isDictionaryWord(part))) scores.PERSON += 0.5;
  else scores.ORGANIZATION += 0.5;
}

/** A form the text gives the name, for lookups where case matters ("US" is a country, "us" not). */
function surfaceOf(name: Name): string {
  return name.surfaces.values().next().value as string;
}

/** Capitals throughout, two letters or more: "ISIL", "CJTF-OIR", "SDF". */
function isAcronym(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}&.-]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}

function decideType(scores: Scores): EntityType {
  const order: EntityType[] = ["PERSON", "PLACE", "ORGANIZATION"];
  return order.reduce((best, type) => (scores[type] > scores[best] ? type : best), "ORGANIZATION");
}

/**
 * Removes what is capitalised without being a name: an acronym for a kind of thing, which the
 * story puts after "a" or in the plural ("a VBIED", "IEDs"), and a lone dictionary word with
 * no evidence of being a name at all ("Ministerial", "Future") that is no short form of a name.
 */
function dropCommonNouns(names: Map<string, Name>): void {
  const words = lexicon();
  for (const name of names.values()) {
    if (name.known || !isAcronym(surfaceOf(name))) continue;
    const plural = names.get(`${name.key}s`);
    if (plural && !plural.known) name.common = plural.common = true;
  }
  for (const [key, name] of names) {
    const unsupported =
      name.words.length === 1 &&
      Math.max(name.scores.PERSON, name.scores.PLACE, name.scores.ORGANIZATION) <= 0.5 * name.mentions &&
      words.isDictionaryWord(name.words[0]);
    if (!name.known && !name.parent && (name.common || unsupported)) names.delete(key);
  }
}

/**
 * Attaches each one-word name to the single person whose full name ends with it ("Blinken" to
 * "Antony Blinken", "Sudani" and "al-Sudani" to "Mohammed Shia al-Sudani"). A word two people
 * share stays apart, and so does one the registry or a country claims for another type.
 */
function attachShortForms(names: Map<string, Name>): void {
  const owners = new Map<string, Name[]>();
  for (const name of names.values()) {
    if (name.type !== "PERSON" || name.words.length < 2 || name.parent) continue;
    const last = name.words[name.words.length - 1];
    const forms = new Set([last, last.replace(/^(?:al|el|ad|as|ash|an|ar|az)-/i, "")]);
    for (const form of forms) {
      const key = nameKey(form);
      const list = owners.get(key) ?? [];
      list.push(name);
      owners.set(key, list);
    }
  }
  for (const name of names.values()) {
    if (name.words.length !== 1 || name.parent) continue;
    const candidates = owners.get(name.key);
    if (!candidates || candidates.length !== 1) continue;
    if (name.known && name.known.type !== "PERSON") continue;
    if (!name.known && name.scores.PLACE >= 6) continue;
    name.parent = candidates[0];
  }
}

/** Merges names into entities: short forms into full names, and names that link or resolve alike. */
function buildEntities(names: Map<string, Name>, mentionedCountries: ReadonlySet<string>): RecognizedEntity[] {
  const places = gazetteer();
  const root = (name: Name): Name => (name.parent ? root(name.parent) : name);
  const groups = new Map<string, { type: EntityType; names: Name[]; known: KnownEntity | null; place: Place | null }>();
  for (const name of names.values()) {
    const top = root(name);
    const type = top.type as EntityType;
    const known = top.known ?? name.known;
    const place = type === "PLACE" ? places.resolve(surfaceOf(top), mentionedCountries) ?? null : null;
    // Names that link to one entity, or resolve to one place, are one entity ("U.S." and "United States").
    const identity = known
      ? `known:${known.id}`
      : place
        ? `place:${place.kind}:${place.geonameId ?? place.countryCode}`
        : `name:${type}:${top.key}`;
    const group = groups.get(identity) ?? { type: known?.type ?? type, names: [], known, place };
    group.names.push(name);
    groups.set(identity, group);
  }

  const entities = new Map<string, RecognizedEntity>();
  for (const group of groups.values()) {
    const surfaces = [...new Set(group.names.flatMap((name) => [...name.surfaces]))].sort(
      (a, b) => b.length - a.length || a.localeCompare(b),
    );
    const name =
      group.known?.name ?? (group.place?.kind === "country" ? group.place.name : undefined) ?? surfaces[0];
    // One entity per type and canonical name, however the names reached it.
    const key = `${group.type}:${nameKey(name)}`;
    const existing = entities.get(key);
    if (existing) {
      existing.surfaceForms = [...new Set([...existing.surfaceForms, ...surfaces])].sort((a, b) => b.length - a.length);
      continue;
    }
    entities.set(key, { type: group.type, name, surfaceForms: surfaces, known: group.known, place: group.place });
  }
  return [...entities.values()];
}
