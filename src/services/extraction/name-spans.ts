import { gazetteer } from "../gazetteer/gazetteer";
import { hasOrganizationHead, isGroupWord, isOperationPrefix, joinsFollowingName, namesNonEntity, placeContextBefore } from "./cues";
import { lexicon } from "./lexicon";
import { isNameParticle, isTitleHead, isTitleWord, nameStartAfterTitle } from "./titles";
import type { Token } from "./tokens";

/** A stretch of text written as a name, with what its form tells about it. */
export interface NameSpan {
  start: number;
  end: number;
  text: string;
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
  /** A person's title or rank stood before it ("President Joe Biden", "Gen. Votel"). */
  titled: boolean;
  /**
   * False for the name of a vessel, an operation, a document or a time ("FS Forbin"): no person,
   * place or organization, but kept so that its short forms ("Forbin") are known to be the same.
   */
  entity: boolean;
}

/**
 * Finds the names in a tokenised story: runs of capitalised words (with name particles such as
 * "al-" or "bin" inside), joined across "of"/"for" after a head word ("Department of Defense",
 * "Islamic State of Iraq and the Levant"). It then drops what is capitalised for grammar only:
 * a sentence-initial dictionary word ("Thousands", "Opposition") unless it opens a known name
 * ("El Paso"), a lone word ending a title-like phrase that word opened ("Iron Man"), months and weekdays, group
 * words and demonyms ("Shi'ite", "Syrian"), marks names of things that are no entity (see
 * {@link NameSpan.entity}), and strips a person's title, keeping the name
 * ("Prime Minister Mohammed Shia al-Sudani" gives "Mohammed Shia al-Sudani") and any country
 * named in the title ("U.S." in "U.S. Secretary of State") as a name of its own.
 *
 * `isKnown` protects names the registry or gazetteer knows from the dictionary rule ("Turkey",
 * "Jordan"); tokens in `reserved` are already claimed (by registry matches) and break runs.
 */
export function findNameSpans(
  text: string,
  tokens: readonly Token[],
  isKnown: (name: string) => boolean,
  reserved: ReadonlySet<number> = new Set(),
): NameSpan[] {
  const words = lexicon();
  const grammatical = (token: Token, next: Token | undefined): boolean =>
    token.initial &&
    // "Operation Inherent Resolve" opening a line is still the operation's name.
    !(isOperationPrefix(token.text) && next?.capitalised === true) &&
    // A known name protects a word from this rule ("Turkey"), but never a function word ("This",
    // which some earlier story may have learnt as an acronym).
    (words.isFunctionWord(token.text) || !isKnown(token.text)) &&
    !isTitleWord(token.text) &&
    !words.isGivenName(token.text) &&
    !words.isSurname(token.text) &&
    (words.isDictionaryWord(token.text) || words.isCalendarWord(token.text));
  // In a title-case headline a family name that is also a word ("Donald Trump", "London Breed")
  // is capitalised like the words around it; after a given name that is no word ("Donald"), it
  // is read as the name, unless it looks like the headline's verb ("Harry Visits", "Kim Says").
  const continuesGivenName = (index: number): boolean => {
    const previous = tokens[index - 1];
    const word = tokens[index].text;
    return (
      previous !== undefined &&
      !reserved.has(index - 1) &&
      adjacent(text, previous, tokens[index]) &&
      words.isGivenName(previous.text) &&
      !words.isDictionaryWord(previous.text) &&
      !/s$/.test(word) &&
      !words.isVerbLike(word.toLowerCase())
    );
  };
  // A sentence's first word that is also an English word opens a name the registry or gazetteer
  // knows whole ("El Paso Shooting Suspect", "Saudi Arabia").
  const opensKnownName = (index: number): boolean => {
    const next = tokens[index + 1];
    return next !== undefined && !reserved.has(index + 1) && adjacent(text, tokens[index], next) && isKnown(text.slice(tokens[index].start, next.end));
  };
  // A lone English word after a sentence's first word, both capitalised, ends a phrase written
  // as a title ("Iron Man", "Lion Air disaster", "Democratic Party officials") whose first word
  // the sentence start hides: it names nothing by itself. A function word or a preposition of
  // place ("In Homs", "Near Palmyra") hides none.
  const endsHiddenPhrase = (index: number): boolean => {
    const previous = tokens[index - 1];
    const token = tokens[index];
    return (
      previous !== undefined &&
      previous.initial &&
      previous.capitalised &&
      !token.initial &&
      adjacent(text, previous, token) &&
      !words.isFunctionWord(previous.text) &&
      !placeContextBefore(`${previous.text} `) &&
      words.isDictionaryWord(token.text) &&
      !isKnown(token.text)
    );
  };
  const nameWord = (index: number): boolean => {
    const token = tokens[index];
    if (!token || reserved.has(index)) return false;
    // A handle or hashtag ("@ABlinken") is an address, not a name.
    if (/[@#]/.test(text[token.start - 1] ?? "")) return false;
    // A pronoun or other function word names nothing ("MS We did not", ", This was"), unless it
    // is a name's particle ("El Paso"); nor does "I" before a lower-case word ("this Thanksgiving
    // I hope"), while in "World War I" it is a numeral.
    if (words.isFunctionWord(token.text) && !isNameParticle(token.text)) return false;
    if (token.text === "I" && /^\s+\p{Ll}/u.test(text.slice(token.end, token.end + 2))) return false;
    if (token.capitalised) return !grammatical(token, tokens[index + 1]) || continuesGivenName(index) || opensKnownName(index);
    // "3rd Battalion", "134th Expeditionary Fighter Squadron", but not "Dec. 6th, Iraqi forces".
    if (/^\d+(?:st|nd|rd|th)$/.test(token.text)) return tokens[index + 1]?.capitalised === true && adjacent(text, token, tokens[index + 1]);
    if (!isNameParticle(token.text)) return false;
    // "al-Sudani" is a name word by itself; a bare "al" or "bin" only before one.
    return token.text.includes("-") || (tokens[index + 1]?.capitalised === true && adjacent(text, token, tokens[index + 1]));
  };

  const spans: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameWord(i)) {
      i++;
      continue;
    }
    let last = i;
    // Index of the one-word object of "of" ("Iraq" in "State of Iraq"), which "and" may extend.
    let ofObject = -1;
    for (;;) {
      if (tokens[last].possessive) break;
      const next = last + 1;
      if (nameWord(next) && adjacent(text, tokens[last], tokens[next])) {
        last = next;
        continue;
      }
      const after = connectorEnd(text, tokens, last);
      if (after === null || !nameWord(after)) break;
      if (tokens[last + 1].text === "and") {
        // "Islamic State of Iraq and the Levant", but not "Secretary of State Kerry and ...".
        const single = !(nameWord(after + 1) && adjacent(text, tokens[after], tokens[after + 1]));
        if (last !== ofObject || !single) break;
      } else if (joinsFollowingName(tokens[last].text, tokens[last + 1].text)) {
        ofObject = after;
      } else break;
      last = after;
    }
    if (last > i || !endsHiddenPhrase(i)) spans.push(...refine(text, tokens, i, last + 1));
    i = last + 1;
  }
  return spans;
}

/** Index of the first word after "of", "of the", "for", "for the", "and" or "and the", or null. */
function connectorEnd(text: string, tokens: readonly Token[], index: number): number | null {
  const first = tokens[index + 1];
  if (!first || !["of", "for", "and"].includes(first.text) || !adjacent(text, tokens[index], first)) return null;
  const second = tokens[index + 2];
  if (second?.text === "the" && adjacent(text, first, second)) return adjacent(text, second, tokens[index + 3]) ? index + 3 : null;
  return adjacent(text, first, second) ? index + 2 : null;
}

/**
 * True when two tokens may stand in one name: only spaces apart, or the quotes around a nickname
 * ("John 'J.D.' Dorrian", "John “J.D.” Dorrian"). A double quote joins only when it closes
 * around one word, as it also opens speech.
 */
export function adjacent(text: string, left: Token, right: Token | undefined): boolean {
  if (right === undefined) return false;
  const gap = text.slice(left.end, right.start);
  if (/^(?:[ \t]{1,2}['‘]?|['’][ \t]{1,2})$/.test(gap)) return true;
  if (/^[ \t]["“]$/.test(gap)) return /^["”][ \t]\p{Lu}/u.test(text.slice(right.end, right.end + 3));
  return /^["”][ \t]$/.test(gap) && /[ \t]["“]$/.test(text.slice(left.start - 2, left.start));
}

/** Trims a raw run to the name it holds; may yield a country from a title as a second name. */
function refine(text: string, tokens: readonly Token[], from: number, to: number): NameSpan[] {
  const places = gazetteer();
  const words = lexicon();
  while (from < to && (["The", "A", "An"].includes(tokens[from].text) || words.isCalendarWord(tokens[from].text))) from++;
  // "Mosul Tuesday" is Mosul, but "Theresa May" keeps the family name after her given name.
  const trailingDate = (index: number): boolean =>
    words.isCalendarWord(tokens[index].text) && !(index > from && words.isGivenName(tokens[index - 1].text));
  while (to > from && (trailingDate(to - 1) || ["of", "for", "and", "the"].includes(tokens[to - 1].text))) to--;
  if (from >= to) return [];

  const found: NameSpan[] = [];
  const runWords = tokens.slice(from, to).map((token) => asWritten(text, token));
  const nameStart = from + nameStartAfterTitle(runWords);
  const titled = nameStart > from;
  if (titled) {
    for (let k = from; k < nameStart; k++) {
      if (places.country(tokens[k].text)) found.push(span(text, tokens, k, k + 1, false));
    }
  }
  from = nameStart;
  // "Lebanese Hezbollah" is Hezbollah; "Syrian Democratic Forces" keeps its demonym, and
  // "Islamic State" its group word.
  const demonym = (token: Token): boolean => places.countryOfDemonym(token.text) !== undefined;
  const groupLike = (token: Token): boolean => isGroupWord(token.text) || demonym(token);
  while (from < to - 1 && demonym(tokens[from]) && !hasOrganizationHead(tokens.slice(from, to).map((token) => token.text))) from++;
  const names = tokens.slice(from, to).map((token) => token.text);
  // "Inherent Resolve Commander" describes a person by office without naming one.
  if (from >= to || (!titled && names.length > 1 && isTitleHead(names[names.length - 1]))) return found;
  if (to - from === 1 && (groupLike(tokens[from]) || tokens[from].text.replace(/\.$/, "").length < 2)) return found;
  found.push(span(text, tokens, from, to, titled, !namesNonEntity(names)));
  return found;
}

/** A token with the quotes around it, if any, which mark a nickname inside a name ("“J.D.”"). */
function asWritten(text: string, token: Token): string {
  const before = text[token.start - 1] ?? "";
  const after = text[token.end] ?? "";
  return /["“'‘]/.test(before) && /["”'’]/.test(after) ? before + token.text + after : token.text;
}

function span(text: string, tokens: readonly Token[], from: number, to: number, titled: boolean, entity = true): NameSpan {
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  return { start, end, text: text.slice(start, end), from, to, titled, entity };
}
