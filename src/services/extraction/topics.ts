import fs from "node:fs";
import { dataFile, readTopicTaxonomy } from "./data-files";

/** The vocabulary of one topic: words or phrases, a trailing `*` matching any ending ("elect*"). */
export interface TopicVocabulary {
  keywords: string[];
  /** ISO country codes whose places count toward the topic ("SY" for syria). */
  countries?: string[];
}

/** A topic assigned to a story, with how much of the story is about it (0..1). */
export interface TopicWeight {
  slug: string;
  weight: number;
}

/** A place found in the story, as topic assignment sees it. */
export interface PlaceSignal {
  countryCode: string;
  salience: number;
}

/** Assigns topics to a story; built once from a vocabulary, then used for every story. */
export interface TopicModel {
  readonly slugs: readonly string[];
  assign(text: { headline: string; body: string }, places: readonly PlaceSignal[]): TopicWeight[];
}

interface Keyword {
  slug: string;
  words: string[];
  prefix: boolean;
}

/** Weights below this are noise: a word or two in passing. */
const MIN_WEIGHT = 0.3;
const MAX_TOPICS = 5;

/**
 * Builds a topic model. A story's score for a topic counts its keyword occurrences (each
 * headline occurrence counts three times), plus three times the salience of each place in one
 * of the topic's countries; the weight is `1 - exp(-score / 6)`, so a handful of hits gives
 * about one half and weights approach 1 without reaching it. Topics under 0.3 are dropped and
 * at most five are kept, highest first. Only slugs in `taxonomy` are assigned when it is given.
 */
export function topicModel(vocabulary: Record<string, TopicVocabulary>, taxonomy?: readonly string[]): TopicModel {
  const allowed = taxonomy ? new Set(taxonomy) : undefined;
  // Indexed by first word (or first three letters for a prefix) so each story word costs a lookup.
  const byFirst = new Map<string, Keyword[]>();
  const countries = new Map<string, string[]>();
  for (const [slug, entry] of Object.entries(vocabulary)) {
    if (allowed && !allowed.has(slug)) continue;
    for (const code of entry.countries ?? []) countries.set(code, [...(countries.get(code) ?? []), slug]);
    for (const keyword of entry.keywords) {
      const prefix = keyword.endsWith("*");
      const words = keyword.replace(/\*$/, "").toLowerCase().split(/\s+/);
      const first = prefix && words.length === 1 ? words[0].slice(0, 3) : words[0];
      byFirst.set(first, [...(byFirst.get(first) ?? []), { slug, words, prefix }]);
    }
  }
  const slugs = Object.keys(vocabulary).filter((slug) => !allowed || allowed.has(slug));

  const count = (text: string, scores: Map<string, number>, weight: number): void => {
    const words = text.toLowerCase().replace(/’/g, "'").match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? [];
    for (let i = 0; i < words.length; i++) {
      const exact = byFirst.get(words[i]);
      const prefixed = byFirst.get(words[i].slice(0, 3));
      // Most words start no keyword: skip them before building anything.
      if (exact === undefined && prefixed === undefined) continue;
      const candidates = [...(exact ?? []), ...(prefixed ?? [])];
      const credited = new Set<string>();
      for (const keyword of candidates) {
        if (credited.has(keyword.slug) || !matchesAt(words, i, keyword)) continue;
        credited.add(keyword.slug);
        scores.set(keyword.slug, (scores.get(keyword.slug) ?? 0) + weight);
      }
    }
  };

  return {
    slugs,
    assign(text, places) {
      const scores = new Map<string, number>();
      count(text.headline, scores, 3);
      count(text.body, scores, 1);
      for (const place of places) {
        for (const slug of countries.get(place.countryCode) ?? []) scores.set(slug, (scores.get(slug) ?? 0) + 3 * place.salience);
      }
      return [...scores]
        .map(([slug, score]) => ({ slug, weight: Math.round((1 - Math.exp(-score / 6)) * 1000) / 1000 }))
        .filter((topic) => topic.weight >= MIN_WEIGHT)
        .sort((a, b) => b.weight - a.weight || a.slug.localeCompare(b.slug))
        .slice(0, MAX_TOPICS);
    },
  };
}

function matchesAt(words: readonly string[], i: number, keyword: Keyword): boolean {
  const { words: parts, prefix } = keyword;
  if (i + parts.length > words.length) return false;
  for (let k = 0; k < parts.length; k++) {
    const lastPart = k === parts.length - 1;
    const word = words[i + k];
    if (lastPart && prefix ? !word.startsWith(parts[k]) : word !== parts[k]) return false;
  }
  return true;
}

let defaultModel: TopicModel | undefined;

/**
 * The model over `data/topic-keywords.json`, restricted to the slugs of the taxonomy in
 * `data/topics.json` when that file exists. Read once per process.
 */
export function defaultTopicModel(): TopicModel {
  if (!defaultModel) {
    const vocabulary = JSON.parse(fs.readFileSync(dataFile("topic-keywords.json"), "utf8")) as Record<string, TopicVocabulary>;
    const taxonomy = fs.existsSync(dataFile("topics.json")) ? readTopicTaxonomy().map((topic) => topic.slug) : undefined;
    defaultModel = topicModel(vocabulary, taxonomy);
  }
  return defaultModel;
}
