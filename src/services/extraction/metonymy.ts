import { gazetteer } from "../gazetteer/gazetteer";

/** Verbs whose subject is a government rather than a place: "Washington sees", "Moscow warned". */
const ACTOR_VERBS =
  "says|said|say|sees|saw|see|views|viewed|believes|believed|decided|decides|wants|wanted|warned|warns|" +
  "insists|insisted|accused|accuses|rejected|rejects|announced|announces|urged|urges|hopes|hoped|fears|" +
  "feared|considers|considered|welcomed|welcomes|condemned|condemns|denied|denies|demanded|demands|" +
  "responded|responds|expects|expected|argues|argued|agreed|agrees|refused|refuses|opposes|opposed|" +
  "supports|supported|threatened|threatens|pledged|promised|sanctioned|recognized|recognised|" +
  "criticized|criticised|signaled|signalled|intends|plans|planned|sought|seeks|backs|backed|blamed|" +
  "blames|approved|imposed|ordered|confirmed|claimed|claims|told";

const AS_SUBJECT = new RegExp(
  `^\\s+(?:(?:has|have|had|would|will|could|may|might|does|did|also|now|still|long|reportedly|then)\\s+){0,2}(?:${ACTOR_VERBS})\\b`,
);

/** "took Washington by surprise", "caught Moscow off guard". */
const AS_SURPRISED = { before: /\b(?:took|take|takes|taking|caught|catch|catches|catching)\s+$/, after: /^\s+(?:by surprise|off guard|aback)/ };

/** "Baghdad's concerns", "Tehran's so-called Axis of Resistance": what a government holds or does. */
const AS_HOLDER =
  /^['’]s?\s+(?:so-called\s+)?(?:concerns?|position|stance|policy|policies|decision|response|views?|influence|ties|relations|support|allies|ally|approach|strategy|demands?|objections?|plans?|efforts?|interests?|backing|proxies|axis|Axis|government|leadership|officials)\b/;

/**
 * Whether a place name at `start..end` stands for the government seated there rather than for
 * the place: true for a national capital (per the gazetteer) used as the subject of a verb of
 * saying, seeing, deciding or acting ("Washington sees this moment as..."), as the one taken by
 * surprise ("took Washington by surprise"), or as the holder of a policy, concern or influence
 * ("Baghdad's concerns"). Such a mention must not be filed as a visit to the place. Countries are
 * left alone: a country acting politically is still filed under the country.
 */
export function isMetonymic(text: string, start: number, end: number): boolean {
  if (!gazetteer().isCapital(text.slice(start, end))) return false;
  const after = text.slice(end, end + 60);
  const before = text.slice(Math.max(0, start - 20), start);
  return AS_SUBJECT.test(after) || (AS_SURPRISED.before.test(before) && AS_SURPRISED.after.test(after)) || AS_HOLDER.test(after);
}
