import { splitSentences, type Span } from "./sentences";

/** The parts of a story that mention finding reads, in reading order. */
export interface StoryText {
  headline: string;
  summary?: string | null;
  body: string[];
}

/** An entity to look for, with every surface form it may take in the text. */
export interface MentionTarget<K> {
  key: K;
  /** Canonical name and aliases; matched case-sensitively on word boundaries. */
  surfaceForms: string[];
}

/** Where and how prominently one entity occurs in a story. */
export interface LocatedMention<K> {
  key: K;
  /** Occurrences in the story, overlaps with longer names removed. */
  count: number;
  /** Offsets into {@link storyText}'s result, in text order. */
  occurrences: Array<Span & { surface: string }>;
  /** The first sentence that names the entity, or null when the text never does. */
  evidence: string | null;
  /** 0..1: see {@link salienceOf}. */
  salience: number;
}

/** The text mention offsets refer to: headline, summary and paragraphs joined by blank lines. */
export function storyText(story: StoryText): string {
  return [story.headline, story.summary ?? "", ...story.body].filter((part) => part.length > 0).join("\n\n");
}

/**
 * Finds each target's occurrences in a story. Where surface forms overlap ("Antony Blinken" and
 * "Blinken", or "Islamic State" and "State"), the longest match wins and the shorter one is not
 * counted, so each stretch of text credits at most one entity.
 */
export function locateMentions<K>(story: StoryText, targets: Array<MentionTarget<K>>): Array<LocatedMention<K>> {
  const text = storyText(story);
  const candidates: Array<{ target: number; start: number; end: number; surface: string }> = [];
  targets.forEach((target, index) => {
    for (const surface of new Set(target.surfaceForms)) {
      if (surface.trim().length === 0) continue;
      // A plain search with a boundary check: a Unicode look-behind regex per surface costs
      // far more than the rest of extraction together.
      for (let start = text.indexOf(surface); start >= 0; start = text.indexOf(surface, start + 1)) {
        const end = start + surface.length;
        if (WORD_CHAR.test(text[start - 1] ?? "") || WORD_CHAR.test(text[end] ?? "")) continue;
        candidates.push({ target: index, start, end, surface });
      }
    }
  });
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Span[] = [];
  const byTarget = targets.map(() => [] as Array<Span & { surface: string }>);
  for (const candidate of candidates) {
    if (taken.some((span) => candidate.start < span.end && span.start < candidate.end)) continue;
    taken.push(candidate);
    byTarget[candidate.target].push({ start: candidate.start, end: candidate.end, surface: candidate.surface });
  }

  const sentences = splitSentences(text);
  const headlineEnd = story.headline.length;
  const leadSpan = leadOf(story, text);
  return targets.map((target, index) => {
    const occurrences = byTarget[index].sort((a, b) => a.start - b.start);
    const first = occurrences[0];
    const sentence = first && sentences.find((span) => span.start <= first.start && first.start < span.end);
    return {
      key: target.key,
      count: occurrences.length,
      occurrences,
      evidence: sentence ? text.slice(sentence.start, sentence.end) : null,
      salience: salienceOf({
        inHeadline: occurrences.some((span) => span.start < headlineEnd),
        inLead: occurrences.some((span) => span.start >= leadSpan.start && span.start < leadSpan.end),
        count: occurrences.length,
      }),
    };
  });
}

/**
 * Salience in 0..1 from where and how often an entity occurs: 0.4 for the headline, 0.25 for the
 * lead (the summary, or the first paragraph when there is none), and up to 0.35 for frequency,
 * saturating at five occurrences. Rounded to three decimals so stored values compare exactly.
 */
export function salienceOf(signals: { inHeadline: boolean; inLead: boolean; count: number }): number {
  const score =
    (signals.inHeadline ? 0.4 : 0) + (signals.inLead ? 0.25 : 0) + 0.35 * (Math.min(signals.count, 5) / 5);
  return Math.round(Math.min(score, 1) * 1000) / 1000;
}

function leadOf(story: StoryText, text: string): Span {
  const lead = story.summary && story.summary.length > 0 ? story.summary : story.body[0] ?? "";
  const start = lead.length > 0 ? text.indexOf(lead, story.headline.length) : -1;
  return start < 0 ? { start: 0, end: 0 } : { start, end: start + lead.length };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
