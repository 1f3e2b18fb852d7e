import fs from "node:fs";
import path from "node:path";

/**
 * What extraction knows about English words, from two packages: `word-list` (about 274,000
 * lower-case dictionary words) and the lexicon `compromise` ships (given names, honorifics,
 * months, weekdays, US states and other regions). Loaded once, on first use.
 */
export interface Lexicon {
  /**
   * True for an ordinary English word in any inflection the list holds ("thousands", "opposition"),
   * written as such: "DoD" is not "dod".
   */
  isDictionaryWord(word: string): boolean;
  /** True for a common given name ("Antony", "Joseph"). */
  isGivenName(word: string): boolean;
  /** True for a common family name ("Davis", "Carter"). */
  isSurname(word: string): boolean;
  /** True for a month or weekday name ("Friday", "Oct"). */
  isCalendarWord(word: string): boolean;
  /**
   * True for an English preposition, conjunction, determiner or pronoun of two letters or more,
   * written as a word ("In", "But", "This", "We"), never for the same letters in capitals ("US",
   * "IT", "THE"), which are acronyms.
   */
  isFunctionWord(word: string): boolean;
  /** True for a region compromise knows (US states, provinces): "Texas", "Kentucky". */
  isRegion(name: string): boolean;
  /**
   * True for a lower-case word that is most likely a verb, auxiliary or adverb rather than a noun
   * or adjective: one compromise files as such ("supports", "will", "also"), or a regular past
   * tense it does not know ("conducted").
   */
  isVerbLike(word: string): boolean;
}

/** The compromise tags of words of closed classes, which never name anything by themselves. */
const FUNCTION_TAGS = new Set(["Preposition", "Conjunction", "Determiner", "QuestionWord", "Pronoun", "Possessive"]);

/** The compromise tags of verbs, auxiliaries and adverbs. */
const VERB_TAGS = new Set(["Verb", "PresentTense", "PastTense", "Infinitive", "Copula", "Modal", "Auxiliary", "Adverb", "Participle"]);

let instance: Lexicon | undefined;

/** The process-wide {@link Lexicon}. */
export function lexicon(): Lexicon {
  instance ??= buildLexicon();
  return instance;
}

function buildLexicon(): Lexicon {
  // word-list is an ES module that only exports the path of its text file; resolving the module
  // and reading the file beside it keeps this synchronous.
  const wordsFile = path.join(path.dirname(require.resolve("word-list")), "words.txt");
  const dictionary = new Set(fs.readFileSync(wordsFile, "utf8").split("\n"));

  // compromise is large: it is required here, on first use, and only its lexicon is read.
  const nlp = require("compromise") as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } };
  const givenNames = new Set<string>();
  const surnames = new Set<string>();
  const calendar = new Set<string>();
  const regions = new Set<string>();
  const verbLike = new Set<string>();
  const functionWords = new Set<string>();
  const known = new Set<string>();
  for (const [word, tags] of Object.entries(nlp.world().model.one.lexicon)) {
    known.add(word);
    // The first tag is compromise's reading of the word out of context ("forces" is a plural).
    if (VERB_TAGS.has(Array.isArray(tags) ? tags[0] : tags)) verbLike.add(word);
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      if (tag === "MaleName" || tag === "FemaleName" || tag === "FirstName") givenNames.add(word);
      else if (tag === "LastName") surnames.add(word);
      else if (tag === "Month" || tag === "WeekDay") calendar.add(word);
      else if (tag === "Region") regions.add(word);
      if (FUNCTION_TAGS.has(tag)) functionWords.add(word);
    }
  }
  // compromise files "March" and "May" as verbs only; the month names of the runtime's own
  // calendar complete the list, in full and abbreviated.
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2000, month, 1));
    for (const style of ["long", "short"] as const) calendar.add(date.toLocaleString("en-US", { month: style, timeZone: "UTC" }).toLowerCase());
  }
  const lower = (word: string): string => {
    const folded = word.toLowerCase();
    return folded.includes("’") ? folded.replace(/’/g, "'") : folded;
  };
  return {
    // A capital after a small letter ("DoD", "McGurk") is never how an ordinary word is written.
    isDictionaryWord: (word) => !/\p{Ll}\p{Lu}/u.test(word) && dictionary.has(lower(word)),
    isGivenName: (word) => givenNames.has(lower(word)),
    isSurname: (word) => surnames.has(lower(word)),
    isCalendarWord: (word) => calendar.has(lower(word).replace(/\.$/, "")),
    // Only English ones: compromise also lists French words ("elle", "il", "des"), which name things.
    isFunctionWord: (word) => {
      if (word.length < 2 || /\p{Lu}{2}/u.test(word)) return false;
      const folded = lower(word);
      return functionWords.has(folded) && dictionary.has(folded);
    },
    isRegion: (name) => regions.has(lower(name)),
    isVerbLike: (word) => verbLike.has(word) || (!known.has(word) && /\p{Ll}{2}ed$/u.test(word)),
  };
}
