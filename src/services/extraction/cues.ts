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

/**
 * Last words of the names of facilities: a place name plus a head ("Baghdad International
 * Airport", "Ain al-Asad Air Base", "Tahrir Square", "Mosul Dam", "Baghdad University"). News
 * taggers file the built places (airports, bases, squares, dams, bridges, palaces, stadiums) as
 * locations, and the institutions (universities, colleges, schools, hospitals) as organizations:
 * the former are also in {@link PLACE_HEADS}, the latter in {@link ORGANIZATION_HEADS}.
 */
const FACILITY_HEADS = new Set(
  "airport airfield base port harbour harbor dam bridge square palace stadium arena university college school hospital".split(" "),
);

/** Last words that make a name a place: "Gulf of Aden", "Idlib Province", "Tabqa Dam". */
const PLACE_HEADS = new Set(
  (
    "province governorate region district county territory sea gulf ocean river valley " +
    "mountains mountain desert peninsula island islands dam airfield airport base strait bay lake " +
    "canal square gate plain plateau coast heights hills strip room port harbour harbor bridge palace stadium arena"
  ).split(" "),
);

/** First words that make a name a place: "Camp Hurriya", "Fort Campbell", "Mount Sinjar". */
const PLACE_PREFIXES = new Set(["camp", "fort", "mount", "lake", "port", "cape", "gulf"]);

/**
 * Last words of the names of documents: agreements, resolutions, orders and laws ("Geneva
 * Communique", "Executive Order", "Law of Armed Conflict"). A document is no organization, even
 * when its issuer is named in it ("UN Security Council Resolution").
 */
const DOCUMENT_HEADS = new Set(
  "communique agreement agreements accord accords treaty resolution declaration charter protocol memorandum order law act convention".split(
    " ",
  ),
);

/**
 * Words that join parts of one name when they follow a head: "Department of Defense", "Islamic
 * State of Iraq", "Secretary of State", "Gulf of Oman", "Envoy for the Global Coalition",
 * "Treaty of Lausanne".
 */
const JOINING_HEADS = new Set([
  ...ORGANIZATION_HEADS,
  ...PLACE_HEADS,
  ...DOCUMENT_HEADS,
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
const PLACE_INTRODUCERS =
  /\b(?:city|cities|towns?|villages?|provinces?|districts?|regions?|capital|port|suburbs?|neighbou?rhoods?|governorates?|areas?) of\s*$/i;

/** True when a word of the name marks an organization and its shape does not mark a place. */
export function hasOrganizationHead(words: readonly string[]): boolean {
  return words.some((word) => ORGANIZATION_HEADS.has(nameKey(word))) && !hasPlaceShape(words);
}

/**
 * True when the name's first word or its head marks a place ("Camp Hurriya", "Tabqa Dam"). The
 * head is the last word, or the word before "of" ("Strait of Hormuz"); a trailing compass word
 * does not count as the last ("Qayyarah Airfield West").
 */
export function hasPlaceShape(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  const of = words.indexOf("of");
  const last = COMPASS.has(nameKey(words[words.length - 1])) ? words[words.length - 2] : words[words.length - 1];
  const head = of > 0 ? words[of - 1] : last;
  return PLACE_HEADS.has(nameKey(head)) || PLACE_HEADS.has(nameKey(last)) || PLACE_PREFIXES.has(nameKey(words[0]));
}

const COMPASS = new Set(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"]);

/** Prefixes of ship names ("USS Mahan", "HMS Ocean", "FS Forbin"): vessels are not entities here. */
const VESSEL_PREFIXES = new Set(["uss", "usns", "hms", "hmas", "hmcs", "fs", "ins", "rfs", "its", "mv", "ss"]);

/** Last words of holidays and times of day ("Thanksgiving Day", "Greenwich Mean Time"). */
const TEMPORAL_WORDS = new Set(["day", "eve", "time", "thanksgiving", "christmas", "easter", "ramadan", "eid", "hanukkah", "diwali"]);

/** First words of military operations and exercises ("Operation Inherent Resolve"). */
const OPERATION_PREFIXES = new Set(["operation", "exercise"]);

/**
 * True for a name that denotes a vessel, an operation, a document or a time rather than a
 * person, place or organization ("USS Mahan", "Exercise Eager Lion", "Geneva Communique",
 * "Thanksgiving Day").
 */
export function namesNonEntity(words: readonly string[]): boolean {
  const last = nameKey(words[words.length - 1]);
  // The head of "Law of Armed Conflict" stands before "of".
  const of = words.indexOf("of");
  const head = of > 0 ? nameKey(words[of - 1]) : last;
  return (
    (words.length > 1 && OPERATION_PREFIXES.has(nameKey(words[0]))) ||
    (words.length > 1 && VESSEL_PREFIXES.has(nameKey(words[0])) && words[0] === words[0].toUpperCase()) ||
    (words.length > 1 && (DOCUMENT_HEADS.has(last) || DOCUMENT_HEADS.has(head))) ||
    TEMPORAL_WORDS.has(last)
  );
}

/**
 * The part of a vessel's or operation's name a story may use again on its own ("Forbin" for "FS
 * Forbin", "Eager Lion" for "Exercise Eager Lion"); null for any other name.
 */
export function shortFormOfNonEntity(words: readonly string[]): string | null {
  const prefixed =
    words.length > 1 &&
    (OPERATION_PREFIXES.has(nameKey(words[0])) || (VESSEL_PREFIXES.has(nameKey(words[0])) && words[0] === words[0].toUpperCase()));
  return prefixed ? words.slice(1).join(" ") : null;
}

/** True for the first word of an operation's or exercise's name ("Operation", "Exercise"). */
export function isOperationPrefix(word: string): boolean {
  return OPERATION_PREFIXES.has(nameKey(word));
}

/** True for the last word of a facility's name ("Airport", "Base", "Square", "University"). */
export function isFacilityHead(word: string): boolean {
  return FACILITY_HEADS.has(nameKey(word));
}

/** True for a generic organization noun that names no particular body by itself ("Coalition", "Ministry"). */
export function isOrganizationNoun(word: string): boolean {
  return ORGANIZATION_HEADS.has(nameKey(word));
}

/**
 * True when `connector` ("of" or "for") after this word continues the name. After a place's head
 * only "of" does: "Gulf of Aden", but "left Ain al-Asad Air Base for Mosul" names two places.
 */
export function joinsFollowingName(word: string, connector: string): boolean {
  const key = nameKey(word);
  return JOINING_HEADS.has(key) && (connector === "of" || !PLACE_HEADS.has(key));
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

/** Social networks, which a story names as the channel its readers follow ("on Twitter"). */
const SOCIAL_NETWORKS = ["twitter", "facebook", "instagram", "flickr", "youtube", "tiktok", "linkedin", "bluesky", "telegram"];

const CHANNEL_BEFORE = new RegExp(`(?:\\b(?:on|via)|['’]s|\\b(?:${SOCIAL_NETWORKS.join("|")})\\s+(?:and|or))\\s+(?:the\\s+)?$`, "i");

/**
 * True when a social network is named as a channel to follow or find content on, after "on",
 * "via", a possessive or another channel ("follow us on Twitter", "the State Department's Flickr
 * and Instagram"), rather than as the company in the news.
 */
export function namesChannel(name: string, before: string): boolean {
  return SOCIAL_NETWORKS.includes(nameKey(name)) && CHANNEL_BEFORE.test(before);
}
