import { gazetteer } from "../gazetteer/gazetteer";
import { isFacilityHead, isGroupWord } from "./cues";
import type { EntityLookup, EntityType, KnownEntity } from "./entity-lookup";
import { lexicon } from "./lexicon";
import { adjacent } from "./name-spans";
import { isNameParticle, isTitleWord, nameStartAfterTitle } from "./titles";
import type { Token } from "./tokens";

/** A stretch of a story that equals the name or an alias of entities the lookup knows. */
export interface KnownNameMatch {
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
  surface: string;
  /** Every known entity of that name, possibly of several types, in the lookup's order. */
  candidates: readonly KnownEntity[];
  /** A person's title or rank stands just before it ("Gen. Soleimani"). */
  titled: boolean;
}

/**
 * How much more the story's own context must say for another type before a known entity's type
 * is set aside: more than a place qualifier (", Iraq"), less than a title before the name. The
 * lookup holds entities that earlier, possibly weak, stories typed, so its type is a prior to
 * weigh, not a fact.
 */
const KNOWN_TYPE_MARGIN = 3;

/**
 * Known names in the text, longest first at each position, on word boundaries. A one-word
 * match that is only part of a longer name ("Soleimani" in "Qasem Soleimani"), or any match that
 * is part of a facility's name ("Baghdad" in "Baghdad International Airport"), is left to the
 * name finder: the lookup knows the part, which says nothing of the whole name. So is a month
 * without a title before it ("in May", not "Prime Minister May").
 */
export function knownNameMatches(text: string, tokens: readonly Token[], lookup: EntityLookup): KnownNameMatch[] {
  const matches: KnownNameMatch[] = [];
  if (lookup.longestNameWords === 0) return matches;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first.capitalised && !isNameParticle(first.text)) continue;
    for (let n = Math.min(lookup.longestNameWords, tokens.length - i); n >= 1; n--) {
      const last = tokens[i + n - 1];
      if (!last.capitalised && !isNameParticle(last.text)) continue;
      const surface = text.slice(first.start, last.end);
      if (/[\n,;:()"“”]/.test(surface)) continue;
      if (n === 1 && !couldNameAlone(first)) continue;
      const candidates = lookup.find(surface);
      if (candidates.length === 0) continue;
      if (n === 1 && (extendsName(text, tokens[i - 1], first) || extendsName(text, tokens[i + 1], first))) break;
      if (partOfFacilityName(text, tokens, i, i + n)) continue;
      const titled = titledAt(text, tokens, i);
      if (n === 1 && lexicon().isCalendarWord(first.text) && !titled) continue;
      matches.push({ from: i, to: i + n, surface, candidates, titled });
      i += n - 1;
      break;
    }
  }
  return matches;
}

/**
 * The known entity among `candidates` the story's context is consistent with, or null when the
 * context says another type more strongly than {@link KNOWN_TYPE_MARGIN} allows. Only context
 * sets a known type aside (a title before the name, a place qualifier after it, "said X"): the
 * form of the name (its words, the gazetteer) was as known to whatever typed the entity as it is
 * here. Between candidates of several types ("Baghdad" learnt as a person beside the registry's
 * place) the context decides, then all the story's `evidence` (the gazetteer, a preposition of
 * place), then the lookup's order.
 */
export function consistentKnown(
  candidates: readonly KnownEntity[],
  context: Readonly<Record<EntityType, number>>,
  evidence: Readonly<Record<EntityType, number>>,
): KnownEntity | null {
  const strongest = Math.max(context.PERSON, context.PLACE, context.ORGANIZATION);
  let best: KnownEntity | null = null;
  for (const candidate of candidates) {
    if (strongest - context[candidate.type] >= KNOWN_TYPE_MARGIN) continue;
    const better =
      !best ||
      context[candidate.type] > context[best.type] ||
      (context[candidate.type] === context[best.type] && evidence[candidate.type] > evidence[best.type]);
    if (better) best = candidate;
  }
  return best;
}

/**
 * True for a word that may be a known name by itself: not an English word opening a sentence
 * ("Thousands"), nor a function word ("We", "This"), which earlier weak stories may have filed as
 * names.
 */
function couldNameAlone(token: Token): boolean {
  const words = lexicon();
  return !(token.initial && words.isDictionaryWord(token.text)) && !words.isFunctionWord(token.text);
}

/**
 * True when tokens `from..to` are only part of a facility's name: a place name before its head
 * ("Baghdad" in "Baghdad International Airport") or after its head's "of" ("University of
 * Baghdad"), or the head without its place name
 * ("International Airport", learnt from a story that split the name). The name finder then reads
 * the facility's whole name.
 */
function partOfFacilityName(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  const words = lexicon();
  for (let last = to - 1; last < to + 2 && extendsName(text, tokens[last + 1], tokens[last]); last++) {
    if (isFacilityHead(tokens[last + 1].text)) return true;
  }
  // "University of Baghdad", "Province of Idlib": the place is the object of the head's "of".
  const connector = tokens[from - 1];
  const head = tokens[from - 2];
  if (connector?.text === "of" && head && adjacent(text, head, connector) && adjacent(text, connector, tokens[from]) && isFacilityHead(head.text)) return true;
  const generic = tokens.slice(from, to).every((token) => words.isDictionaryWord(token.text));
  return generic && isFacilityHead(tokens[to - 1].text) && extendsName(text, tokens[from - 1], tokens[from]);
}

/**
 * True when `neighbour` joins `word` into a longer name: only spaces apart, capitalised as a
 * name rather than for grammar (a given name may open a sentence: "Mike Pompeo"), and no title,
 * country, demonym or group word, which stand beside names without being part of them.
 */
function extendsName(text: string, neighbour: Token | undefined, word: Token): boolean {
  if (!neighbour || !neighbour.capitalised) return false;
  const [left, right] = neighbour.start < word.start ? [neighbour, word] : [word, neighbour];
  if (left.possessive || !adjacent(text, left, right)) return false;
  const words = lexicon();
  const places = gazetteer();
  if (isTitleWord(neighbour.text) || isGroupWord(neighbour.text)) return false;
  if (places.country(neighbour.text) || places.countryOfDemonym(neighbour.text)) return false;
  return words.isGivenName(neighbour.text) || (!(neighbour.initial && words.isDictionaryWord(neighbour.text)) && !words.isCalendarWord(neighbour.text));
}

/** True when a title or rank stands just before the token at `index` ("Gen.", "Secretary of State"). */
function titledAt(text: string, tokens: readonly Token[], index: number): boolean {
  const words = lexicon();
  const before: string[] = [];
  for (let k = index - 1; k >= 0 && before.length < 6 && adjacent(text, tokens[k], tokens[k + 1]); k--) {
    // A title-case headline capitalises every word: "Gen. Qassim Soleimani Killed In Baghdad"
    // gives Baghdad no title, as "Killed In" are words, not names.
    if (tokens[k].initial && words.isDictionaryWord(tokens[k].text) && !isTitleWord(tokens[k].text)) break;
    before.unshift(tokens[k].text);
  }
  if (before.length === 0) return false;
  const start = nameStartAfterTitle([...before, tokens[index].text]);
  return start > 0 && start <= before.length;
}
