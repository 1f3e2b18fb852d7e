const SPEECH_VERBS = "said|says|told|added|asked|stated|noted|explained|wrote|tweeted|declared|insisted|warned|recalled|replied";

/** `"...," Blinken said` (a closing quote, maybe a title, then the name and the verb). */
const AFTER_QUOTE = /[”"]\s*(?:\p{Lu}[\p{L}.]*\s+){0,4}$/u;
const VERB_NEXT = new RegExp(`^\\s+(?:${SPEECH_VERBS})\\b`);
/** `Blinken said: "...` and `Blinken said, "...`. */
const VERB_THEN_QUOTE = new RegExp(`^\\s+(?:${SPEECH_VERBS})[,:]?\\s*[“"]`);
/** `"...," said Blinken`. */
const QUOTE_THEN_VERB = new RegExp(`[”"],?\\s+(?:${SPEECH_VERBS})\\s+(?:\\p{Lu}[\\p{L}.]*\\s+){0,4}$`, "u");
/** `according to Blinken`, `according to Secretary Blinken`. */
const ACCORDING_TO = /\baccording to\s+(?:\p{Lu}[\p{L}.]*\s+){0,4}$/u;

/**
 * Whether the name at `start..end` is the speaker of a quotation: `"...," X said`, `X said "..."`,
 * `"...," said X`, or a source cited with `according to X`. Reported speech without quotation
 * marks ("The State Department said Blinken will...") does not make the name a speaker.
 */
export function isSpeakerAt(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  const after = text.slice(end, end + 40);
  return (
    (AFTER_QUOTE.test(before) && VERB_NEXT.test(after)) ||
    VERB_THEN_QUOTE.test(after) ||
    QUOTE_THEN_VERB.test(before) ||
    ACCORDING_TO.test(before)
  );
}
