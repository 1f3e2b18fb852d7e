import { gazetteer } from "../gazetteer/gazetteer";
import { nameKey } from "../names";

/**
 * Words that head a title or rank: a person follows them ("Prime Minister Mohammed Shia
 * al-Sudani", "Gen. Joseph Votel", "Spokesperson John Kirby", "Chargé d’Affaires Jonathan Cohen").
 * Written as {@link nameKey} writes them: without dots or accents, lower case.
 */
const TITLE_HEADS = new Set(
  (
    "mr mrs ms miss dr prof professor sir dame lord lady rev reverend father sheikh sheik imam ayatollah " +
    "rabbi pope cardinal bishop archbishop patriarch king queen prince princess emir sultan duke " +
    "gen general lt lieutenant col colonel maj major capt captain cmdr cdr commander adm admiral brig " +
    "brigadier sgt sergeant cpl corporal pvt private spc specialist commodore marshal officer operator " +
    "airman seaman president minister secretary senator sen rep representative congressman " +
    "congresswoman governor gov mayor ambassador amb envoy spokesman spokeswoman spokesperson chairman " +
    "chairwoman director chief leader commissioner adviser advisor attorney judge justice speaker " +
    "premier chancellor ceo cleric militant charge"
  ).split(" "),
);

/** Words that qualify a title head without heading one ("Deputy", "Foreign", "Petty", "1st Class"). */
const TITLE_MODIFIERS = new Set(
  (
    "vice prime deputy under assistant associate acting former foreign defense defence interior finance " +
    "state special presidential press senior junior petty staff master warrant first second class army " +
    "navy air force marine marines pentagon high field crown executive supreme grand 1st 2nd 3rd " +
    "command sergeant chief warfare"
  ).split(" "),
);

/** Lower-case words allowed inside a title ("Secretary of State", "Envoy for the Global Coalition"). */
const TITLE_CONNECTORS = new Set(["of", "for", "the", "to", "and"]);

/** Lower-case name particles: "Mohammed Shia al-Sudani", "Osama bin Laden", "Ursula von der Leyen". */
const NAME_PARTICLES = new Set(["al", "el", "bin", "ibn", "bint", "abu", "de", "da", "del", "der", "van", "von", "la", "le", "du", "dos"]);

/** True for a word that heads or qualifies a title ("Secretary", "Gen.", "Deputy"). */
export function isTitleWord(word: string): boolean {
  const key = nameKey(word);
  return TITLE_HEADS.has(key) || TITLE_MODIFIERS.has(key);
}

/** True for a word that heads a title or rank ("President", "Gen.", "Spokesperson"). */
export function isTitleHead(word: string): boolean {
  return TITLE_HEADS.has(nameKey(word));
}

/** True for a lower-case particle that may stand inside a personal name ("al", "bin", "von"). */
export function isNameParticle(word: string): boolean {
  // Particles are short, or joined by a hyphen: extraction asks of every lower-case word, and
  // this rules out most of them before any folding.
  if (word.length > 4 && !word.includes("-")) return false;
  return NAME_PARTICLES.has(word.toLowerCase()) || /^(?:al|el|ad|as|ash|an|ar|az)-\p{Lu}/u.test(word);
}

/**
 * Where the name starts in a title-and-name phrase, as a word index: 0 when the phrase has no
 * title, `words.length` when it is all title ("Prime Minister", "the secretary").
 *
 * The name is the longest run of name-like words at the end (capitalised or a particle, not a
 * title word, not an acronym such as "ISIL" unless the whole phrase is in capitals or it is a
 * quoted nickname, as in "Col. John 'J.D.' Dorrian"). What comes before counts as a title only
 * when it is made of title words, connectors, countries and
 * demonyms and contains a head: so "Deputy Secretary of State Antony Blinken" gives "Antony
 * Blinken", while "State Department" has no title. A run that follows a connector belongs to
 * the title ("Commissioner for Refugees") and leaves no name.
 */
export function nameStartAfterTitle(words: readonly string[]): number {
  const shouting = words.every((word) => word === word.toUpperCase());
  let start = words.length;
  while (start > 0) {
    const word = words[start - 1];
    const nameLike =
      (/^['"‘“]?\p{Lu}/u.test(word) || isNameParticle(word)) &&
      !isTitleWord(word) &&
      (shouting || !/^\p{Lu}{2,}$/u.test(word.replace(/\./g, "")) || /^[IVX]+$/.test(word) || nickname(word));
    if (!nameLike) break;
    start--;
  }
  if (start === 0) return 0;
  const title = words.slice(0, start);
  const places = gazetteer();
  const titleOnly = title.every(
    (word) =>
      isTitleWord(word) ||
      TITLE_CONNECTORS.has(word.toLowerCase()) ||
      places.country(word) !== undefined ||
      places.countryOfDemonym(word) !== undefined,
  );
  if (!titleOnly || !title.some(isTitleHead)) return 0;
  return TITLE_CONNECTORS.has(title[title.length - 1].toLowerCase()) ? words.length : start;
}

/** A word in quotes inside a name: a nickname ("'J.D.'", "“Tex”"). */
function nickname(word: string): boolean {
  return /^['"‘“].+['"’”]$/u.test(word);
}
