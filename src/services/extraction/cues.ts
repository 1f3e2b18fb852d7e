import { nameKey } from "../names";

/**
 * Last words that make a name an organization: "Popular Mobilization Forces", "State
 * Department", "Syrian Arab Coalition", "Hamas Ministry". Lower case, without dots.
 */
const ORGANIZATION_HEADS = new Set(
  (
    "ministry department government council party agency coalition army navy forces force corps " +
    "command university college school institute institution inc corp corporation co ltd llc plc " +
    "group company bank fund foundation association federation union league organization organisation " +
    "commission committee authority bureau office court parliament assembly congress senate cabinet " +
    "movement front brigade brigades battalion regiment division squadron wing fleet unit units militia " +
    "network alliance service services police guard guards press times post news agency television " +
    "tv radio broadcasting airlines airways society center centre church mosque hospital museum " +
    "reserve program programme initiative trust club team tribunal board resistance axis battery task"
  ).split(" "),
);

/** Last words that make a name a place: "Gulf of Aden", "Idlib Province", "Tabqa Dam". */
const PLACE_HEADS = new Set(
  (
    "province governorate region district county territory sea gulf ocean river valley " +
    "mountains mountain desert peninsula island islands dam airfield airport base strait bay lake " +
    "canal square gate plain plateau coast heights hills strip"
  ).split(" "),
);

/** First words that make a name a place: "Camp Hurriya", "Fort Campbell", "Mount Sinjar". */
const PLACE_PREFIXES = new Set(["camp", "fort", "mount", "lake", "port", "cape", "gulf"]);

/**
 * Words that join parts of one name when they follow a head: "Department of Defense", "Islamic
 * State of Iraq", "Secretary of State", "Gulf of Oman", "Envoy for the Global Coalition".
 */
const JOINING_HEADS = new Set([
  ...ORGANIZATION_HEADS,
  ...PLACE_HEADS,
  ..."state kingdom republic emirate city people's bank house chamber secretary minister president envoy commissioner director governor king queen prince emir sultan duke sheikh chief head".split(
    " ",
  ),
]);

/**
 * Religious, ethnic and political group words that are written with a capital but name no
 * entity: "Shi'ite", "Sunni", "Kurdish", "Islamist". Country demonyms come from the gazetteer.
 */
const GROUP_WORDS = new Set(
  (
    "shi'ite shi'ites shiite shiites shia shi'a sunni sunnis sunnite alawite alawites druze yazidi yazidis " +
    "kurd kurds kurdish arab arabs arabic islamist islamists islamic muslim muslims christian christians " +
    "jewish jew jews catholic catholics protestant orthodox hindu hindus sikh buddhist persian pashtun " +
    "baloch turkmen turkoman western westerners eastern european europeans african africans asian asians " +
    "latino latinos hispanic democrat democrats republican republicans communist communists " +
    "turk turks jihadist jihadists salafist zionist"
  ).split(" "),
);

/** Lower-case words before a name that place it: "in Raqqah", "near Dabiq", "outside Mosul". */
const PLACE_PREPOSITIONS = new Set(["in", "near", "outside", "around", "across", "into", "towards", "toward", "throughout", "inside", "via"]);

/** Nouns that introduce a place name: "the city of Mosul", "the town of Dabiq". */
const PLACE_INTRODUCERS = /\b(?:city|town|village|province|district|region|capital|port|suburb|neighbou?rhood|governorate|area) of\s*$/i;

/** True when a word of the name marks an organization and its shape does not mark a place. */
export function hasOrganizationHead(words: readonly string[]): boolean {
  return words.some((word) => ORGANIZATION_HEADS.has(nameKey(word))) && !hasPlaceShape(words);
}

/**
 * True when the name's first or last word marks a place ("Camp Hurriya", "Tabqa Dam"); a
 * trailing compass word does not count as the last ("Qayyarah Airfield West").
 */
export function hasPlaceShape(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  const last = COMPASS.has(nameKey(words[words.length - 1])) ? words[words.length - 2] : words[words.length - 1];
  return PLACE_HEADS.has(nameKey(last)) || PLACE_PREFIXES.has(nameKey(words[0]));
}

const COMPASS = new Set(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"]);

/** Prefixes of ship names ("USS Mahan", "HMS Ocean", "FS Forbin"): vessels are not entities here. */
const VESSEL_PREFIXES = new Set(["uss", "usns", "hms", "hmas", "hmcs", "fs", "ins", "rfs", "its", "mv", "ss"]);

/** Last words of holidays and times of day ("Thanksgiving Day", "Greenwich Mean Time"). */
const TEMPORAL_WORDS = new Set(["day", "eve", "time", "thanksgiving", "christmas", "easter", "ramadan", "eid", "hanukkah", "diwali"]);

/** First words of military operations and exercises ("Operation Inherent Resolve"). */
const OPERATION_PREFIXES = new Set(["operation", "exercise"]);

/** True for a name that denotes a vessel, an operation or a time rather than a person, place or organization. */
export function namesVesselOrTime(words: readonly string[]): boolean {
  return (
    (words.length > 1 && OPERATION_PREFIXES.has(nameKey(words[0]))) ||
    (words.length > 1 && VESSEL_PREFIXES.has(nameKey(words[0])) && words[0] === words[0].toUpperCase()) ||
    TEMPORAL_WORDS.has(nameKey(words[words.length - 1]))
  );
}

/** True when `of` or `for` after this word continues the name. */
export function joinsFollowingName(word: string): boolean {
  return JOINING_HEADS.has(nameKey(word));
}

/** True for a group word that is no entity by itself ("Shi'ite", "Kurds"). */
export function isGroupWord(word: string): boolean {
  return GROUP_WORDS.has(nameKey(word));
}

/** True when the text just before a name puts it in a place ("fighting near ", "the town of "). */
export function placeContextBefore(before: string): boolean {
  if (PLACE_INTRODUCERS.test(before)) return true;
  const previous = /(\p{L}+)\s+$/u.exec(before);
  return previous !== null && PLACE_PREPOSITIONS.has(previous[1].toLowerCase());
}
