import { gazetteer, type Gazetteer, type Place } from "../gazetteer/gazetteer";
import { nameKey } from "../names";
import { hasOrganizationHead, hasPlaceShape, isOrganizationNoun, namesChannel, placeContextBefore, shortFormOfNonEntity } from "./cues";
import type { EntityLookup, EntityType, KnownEntity } from "./entity-lookup";
import { consistentKnown, knownNameMatches } from "./known-names";
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
  /** Entities the lookup knows by this name, of any type; {@link known} is the one the story bears out. */
  candidates: readonly KnownEntity[];
  /** The evidence of the story's context alone (see {@link addDecisiveContext}). */
  context: Scores;
  /** Some mention is a country's name or a major city's (see {@link Gazetteer.majorCity}). */
  wellKnownPlace: boolean;
  known: KnownEntity | null;
  /** Mentions found as name spans (known-name matches not counted). */
  mentions: number;
  /** Mentions that head their noun phrase, rather than modify a noun after them ("Coalition partners"). */
  headMentions: number;
  /**
   * Used as a common noun somewhere ("a VBIED", "IEDs"), or the name (or short form) of a vessel,
   * operation, document or time ("FS Forbin", "Forbin"), or a social network as a channel ("on
   * Instagram"): no entity at all.
   */
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
 * A known name keeps the known entity's type unless its context here says otherwise (a title
 * before a known organization), and a one-word known name of another type yields to a person of
 * the story whose full name ends with it: the lookup holds what earlier, possibly weak, stories
 * learnt.
 */
export function recognizeEntities(text: string, headlineEnd: number, lookup: EntityLookup): RecognizedEntity[] {
  const places = gazetteer();
  const tokens = tokenize(text, headlineEnd);
  const names = new Map<string, Name>();
  const nameOf = (surface: string, candidates: readonly KnownEntity[] = []): Name => {
    const key = nameKey(surface);
    let name = names.get(key);
    if (!name) {
      const scores = { PERSON: 0, PLACE: 0, ORGANIZATION: 0 };
      const context = { PERSON: 0, PLACE: 0, ORGANIZATION: 0 };
      const words = surface.split(/\s+/);
      name = { key, surfaces: new Set(), words, scores, candidates, context, wellKnownPlace: false, known: null, mentions: 0, headMentions: 0, common: false };
      names.set(key, name);
    }
    name.surfaces.add(surface);
    return name;
  };

  const reserved = new Set<number>();
  for (const match of knownNameMatches(text, tokens, lookup)) {
    for (let k = match.from; k < match.to; k++) reserved.add(k);
    const name = nameOf(match.surface, match.candidates);
    const span: NameSpan = { start: tokens[match.from].start, end: tokens[match.to - 1].end, text: match.surface, from: match.from, to: match.to, titled: match.titled, entity: true };
    addMention(name, span, text, tokens);
  }

  // A city is known by a name of several words only ("El Paso"): one word may be English ("Split").
  const isKnown = (name: string): boolean =>
    lookup.find(name).length > 0 || places.country(name) !== undefined || (/\s/.test(name) && places.majorCity(name) !== undefined);
  const spans = findNameSpans(text, tokens, isKnown, reserved);
  // Other names of a name, from an acronym in parentheses or an "also called" phrase after it.
  const aliases: Array<[alias: string, full: string]> = [];
  const aliasAt = new Map<number, string>();
  const nonEntityForms = new Set<string>();
  for (const span of spans) {
    // The lookup may know a name its matcher left to the name finder ("Jordan" opening a sentence).
    const name = nameOf(span.text, lookup.find(span.text));
    const words = span.text.split(/\s+/);
    if (!span.entity || namesChannel(span.text, text.slice(Math.max(0, span.start - 12), span.start))) {
      name.common = true;
      const short = shortFormOfNonEntity(words);
      if (short) nonEntityForms.add(nameKey(short));
      continue;
    }
    name.mentions++;
    addMention(name, span, text, tokens);
    const after = text.slice(span.end, span.end + 40);
    const next = /^\s+(\p{Ll}[\p{L}'’-]*)/u.exec(after)?.[1];
    const endsNounPhrase = next === undefined || next === "and" || next === "or";
    // "Coalition partners" modifies a noun, "Coalition conducted" heads its phrase.
    if (endsNounPhrase || lexicon().isVerbLike(next)) name.headMentions++;
    // "a VBIED," is a thing; in "an ISIL tactical unit" the acronym only modifies the noun.
    if (words.length === 1 && endsNounPhrase && /\b(?:a|an)\s+$/i.test(text.slice(Math.max(0, span.start - 4), span.start))) name.common = true;
    const acronym = /^\s*\(([\p{Lu}][\p{Lu}\p{N}&-]{1,9})\)/u.exec(after);
    if (acronym && span.to - span.from > 1) aliases.push([acronym[1], span.text]);
    const called = /^,?\s+(?:also\s+)?(?:called|known as|dubbed)\s+["“‘']?/.exec(after);
    if (called) aliasAt.set(span.end + called[0].length, span.text);
    const full = aliasAt.get(span.start);
    if (full) aliases.push([span.text, full]);
  }
  for (const key of nonEntityForms) {
    const name = names.get(key);
    if (name) name.common = true;
  }

  const placeOpeners = placeNameOpeners(names);
  for (const name of names.values()) {
    // "Tabqa" beside "Tabqa Dam": a place is named after the town or area it lies in.
    const scores = placeOpeners.has(name.key) ? { ...name.scores, PLACE: name.scores.PLACE + 2 } : name.scores;
    if (name.wellKnownPlace && name.context.PERSON === 0) {
      // A country or major city is the place unless a person's cues stand beside it ("Gen.",
      // "said X", "X, who"): neither a form that also looks like a person's nor an entity some
      // earlier story learnt under another type outweighs the gazetteer.
      name.known = name.candidates.find((candidate) => candidate.type === "PLACE") ?? null;
      name.type = "PLACE";
      continue;
    }
    // A learnt entity's type holds only where this story's context does not contradict it.
    name.known = consistentKnown(name.candidates, name.context, scores);
    name.type = name.known?.type ?? decideType(scores);
  }
  for (const [alias, full] of aliases) {
    const short = names.get(nameKey(alias));
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

/** Adds what one mention tells about its name's type, over all cues and from its context alone. */
function addMention(name: Name, span: NameSpan, text: string, tokens: readonly Token[]): void {
  if (addEvidence(name.scores, span, text, tokens)) name.wellKnownPlace = true;
  addDecisiveContext(name.context, span, text);
}

/**
 * Adds what one mention tells about its name's type. The weights rank the cues by reliability.
 * True when the gazetteer knows the mention as a country or a major city.
 */
function addEvidence(scores: Scores, span: NameSpan, text: string, tokens: readonly Token[]): boolean {
  const places = gazetteer();
  const words = lexicon();
  const parts = tokens.slice(span.from, span.to).map((token) => token.text);
  const multiWord = parts.length > 1;
  if (hasOrganizationHead(parts)) scores.ORGANIZATION += 4;
  if (hasPlaceShape(parts)) scores.PLACE += 4;
  const acronym = isAcronym(span.text);
  let wellKnownPlace = false;
  if (places.country(span.text)) {
    scores.PLACE += 6;
    wellKnownPlace = true;
  } else if (words.isRegion(span.text)) scores.PLACE += 4;
  else {
    const city = cityNamed(span.text);
    // An acronym is an organization unless it is a major city in capitals ("BAGHDAD").
    if (acronym && !city?.major) scores.ORGANIZATION += 3;
    else if (city) scores.PLACE += city.major ? 3 : city.population >= 15_000 ? 1.5 : multiWord ? 1 : 0.5;
    wellKnownPlace = city?.major === true;
  }
  if (multiWord && parts.some(isAcronym) && !parts.some((part) => places.country(part))) scores.ORGANIZATION += 2;
  if (!multiWord && !acronym && words.isSurname(span.text)) scores.PERSON += 1.5;
  if (multiWord && words.isGivenName(parts[0])) scores.PERSON += 2;
  if (multiWord && (parts.slice(1).some(isNameParticle) || parts[0] === "Abu")) scores.PERSON += 2;
  if (placeContextBefore(text.slice(Math.max(0, span.start - 30), span.start)) && !modifiesNextWord(text, tokens, span)) {
    // A preposition before a name in a title-case headline ("In Qassem Soleimani ...") may govern
    // a longer phrase whose other words lost to title case; a given name (+2) outweighs it there.
    // The name's first word counts as initial after a preposition only in such a headline.
    scores.PLACE += tokens[span.from].initial ? 1.5 : 2.5;
  }
  addDecisiveContext(scores, span, text);
  // Without any cue, two or three plain words are most often a person ("Knox Thames"), a
  // single word or a phrase of dictionary words most often an organization ("Inherent Resolve").
  if (multiWord && !parts.some((part) => words.isDictionaryWord(part))) scores.PERSON += 0.5;
  else scores.ORGANIZATION += 0.5;
  return wellKnownPlace;
}

/**
 * The gazetteer city a name may denote by its form alone, and whether it is a major one (see
 * {@link Gazetteer.majorCity}). Names of two letters or fewer denote none ("We" is no sign of Wé,
 * New Caledonia): the story must say they are places. An English word denotes only a major city
 * ("Homs", but "God" is no sign of Göd, Hungary, nor "Can" of Çan).
 */
function cityNamed(name: string): { population: number; major: boolean } | undefined {
  if (nameKey(name).length <= 2) return undefined;
  const places = gazetteer();
  const major = places.majorCity(name);
  if (major) return { population: major.population, major: true };
  const minor = lexicon().isDictionaryWord(name) ? undefined : places.cities(name)[0];
  return minor && { population: minor.population, major: false };
}

/**
 * Adds the context cues that hold even against a known entity's type: a title before the name,
 * a country or region after it (", Iraq"), a verb of speech beside it, "who" after it. A preposition of place is
 * left out, as people and organizations are "in" things too ("in NATO").
 */
function addDecisiveContext(scores: Scores, span: NameSpan, text: string): void {
  const places = gazetteer();
  const multiWord = /\s/.test(span.text);
  if (span.titled) scores.PERSON += 5;
  const qualifier = /^,\s*(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)/u.exec(text.slice(span.end, span.end + 40));
  if (qualifier && (places.country(qualifier[1]) || lexicon().isRegion(qualifier[1]))) scores.PLACE += 2;
  if (multiWord && /^\s+(?:said|says|told|added|wrote)\b/.test(text.slice(span.end, span.end + 12))) scores.PERSON += 1;
  // A relative pronoun for people: "Soleimani, who led the Quds Force" (a place takes "which").
  if (/^,\s+(?:who|whom|whose)\b/.test(text.slice(span.end, span.end + 9))) scores.PERSON += 2;
  // "…,” said Russell." names the speaker.
  if (/\b(?:said|says|added|asked)\s+$/.test(text.slice(Math.max(0, span.start - 8), span.start)) && /^[.,;]/.test(text.slice(span.end, span.end + 1))) {
    scores.PERSON += 1.5;
  }
}

/**
 * True when the name stands before a noun capitalised only by title case ("Qassem Soleimani
 * Funeral Procession"): it modifies that noun, so a preposition before it places the noun, not
 * the name. A month or weekday after a place ("in Mosul Tuesday") does not count.
 */
function modifiesNextWord(text: string, tokens: readonly Token[], span: NameSpan): boolean {
  const next = tokens[span.to];
  const words = lexicon();
  return (
    next !== undefined &&
    next.capitalised &&
    next.initial &&
    /^[ \t]+$/.test(text.slice(span.end, next.start)) &&
    words.isDictionaryWord(next.text) &&
    !words.isCalendarWord(next.text)
  );
}

/** A form the text gives the name, for lookups where case matters ("US" is a country, "us" not). */
function surfaceOf(name: Name): string {
  return name.surfaces.values().next().value as string;
}

/** Capitals throughout, two letters or more: "ISIL", "CJTF-OIR", "SDF". */
function isAcronym(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}&.-]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}

/** Keys of the first words of names shaped as places ("tabqa" for "Tabqa Dam", "incirlik" for "Incirlik Air Base"). */
function placeNameOpeners(names: ReadonlyMap<string, Name>): Set<string> {
  const openers = new Set<string>();
  for (const name of names.values()) {
    if (hasPlaceShape(name.words)) openers.add(nameKey(name.words[0]));
  }
  return openers;
}

function decideType(scores: Scores): EntityType {
  const order: EntityType[] = ["PERSON", "PLACE", "ORGANIZATION"];
  return order.reduce((best, type) => (scores[type] > scores[best] ? type : best), "ORGANIZATION");
}

/**
 * Removes what is capitalised without being a name: an acronym for a kind of thing, which the
 * story puts after "a" or in the plural ("a VBIED", "IEDs", "UAVs"); a lone dictionary word with
 * no evidence of being a name at all ("Ministerial", "Future") that is no short form of a name;
 * and a lone generic organization noun only ever used before another noun ("Coalition
 * partners", "Coalition military forces"), which describes without naming a body.
 */
function dropCommonNouns(names: Map<string, Name>): void {
  const words = lexicon();
  for (const name of names.values()) {
    if (name.known) continue;
    if (/^\p{Lu}{2,}s$/u.test(surfaceOf(name))) name.common = true;
    if (!isAcronym(surfaceOf(name))) continue;
    const plural = names.get(`${name.key}s`);
    if (plural && !plural.known) name.common = plural.common = true;
  }
  for (const [key, name] of names) {
    const lone = name.words.length === 1;
    const unsupported =
      lone &&
      Math.max(name.scores.PERSON, name.scores.PLACE, name.scores.ORGANIZATION) <= 0.5 * name.mentions &&
      words.isDictionaryWord(name.words[0]);
    const modifierOnly = lone && name.headMentions === 0 && isOrganizationNoun(name.words[0]);
    if (!name.known && !name.parent && (name.common || unsupported || modifierOnly)) names.delete(key);
  }
}

/**
 * Attaches each one-word name to the single person whose full name ends with it ("Blinken" to
 * "Antony Blinken", "Sudani" and "al-Sudani" to "Mohammed Shia al-Sudani"), even when the lookup
 * knows the word as another type: a short form is weak evidence beside the story's full name. A
 * word two people share stays apart, and so does a country's name.
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
    // A country keeps its name; any other known entity of another type that the story names
    // by this one word alone yields to the story's own person ("Soleimani" after "Qasem Soleimani").
    if (name.scores.PLACE >= 6) continue;
    if (name.known && name.known.type !== "PERSON") name.known = null;
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
