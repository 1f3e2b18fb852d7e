import fs from "node:fs";
import path from "node:path";
import type { ArticleInput, EntityTag, PhotoInput } from "../article-input";
import { SeededRandom } from "./seeded-random";
import { ZipfSampler } from "./zipf-sampler";

/** What to generate: how many stories, and the seed that makes them the same on every run. */
export interface SyntheticCorpusOptions {
  size: number;
  seed: number;
}

/**
 * Bumped whenever the generator's output changes for a given size and seed, so databases cached
 * from an older generator are not mistaken for the current one.
 */
export const SYNTHETIC_CORPUS_VERSION = 1;

/** The two years the stories are spread over: publication dates fall in [from, to). */
export const SYNTHETIC_PERIOD = { from: new Date("2023-01-01T00:00:00.000Z"), to: new Date("2025-01-01T00:00:00.000Z") };

/** Fewest and most entities tagged on one story. */
export const MENTIONS_PER_STORY = { min: 5, max: 30 };

/**
 * The Zipf exponent of entity popularity. Around 1, as measured for named entities in news: the
 * top person is named about twice as often as the second and ten times as often as the tenth.
 */
export const ENTITY_ZIPF_EXPONENT = 1;

/** How many distinct words the body text draws from, most frequent first. */
export const VOCABULARY_SIZE = 30_000;

/**
 * The most frequent words of English prose, roughly in order: the head of the vocabulary, so the
 * commonest search terms behave as in real text ("the" is in every story). Written out here, since
 * word lists carry no frequencies.
 */
const FUNCTION_WORDS = (
  "the of and to a in that is was for on with he it as said at by from his an be have has had " +
  "not are but they this were who which been their after its more will would about also one two " +
  "new over when than there up out into year could government people last other first some her " +
  "she we all can no time them most officials only so what told between our while if may during " +
  "against since three country week before under where such state because just former president " +
  "police any many made both like city those how then still several percent being did do world " +
  "day could national through make million later including part"
).split(" ");

const SYLLABLES = (
  "ka lo mi ra ven tor el sa bri den ko mar ul fa zen ti ro an be chi dar esh fi gol ha ith jun " +
  "kel lum nor ov pa qui res sol tan ur vel wen xa yor zel ad bo cer du"
).split(" ");

const SECTIONS = ["World", "Politics", "Business", "Science", "Health", "Sport", "Culture", "Technology"];

/** One tagged entity of a generated story, by the pools the generator draws from. */
type EntityKind = "people" | "places" | "organizations";

/** The generator's fixed pools: who and what the stories can be about, and the words they use. */
interface Pools {
  vocabulary: string[];
  people: string[];
  places: string[];
  organizations: string[];
  authors: string[];
  photographers: string[];
  agencies: string[];
  publishers: string[];
  topics: string[];
}

/**
 * The words of the synthetic body text, most frequent first: {@link FUNCTION_WORDS}, then words
 * of the `word-list` package (English, lower case, 3 to 12 letters) in an order fixed by the seed.
 * Word `i` occurs with a frequency proportional to 1/(i+1), Zipf's law of prose.
 */
export function syntheticVocabulary(seed: number): string[] {
  const wordsFile = path.join(path.dirname(require.resolve("word-list")), "words.txt");
  const head = new Set(FUNCTION_WORDS);
  const candidates = fs
    .readFileSync(wordsFile, "utf8")
    .split("\n")
    .filter((word) => /^[a-z]{3,12}$/.test(word) && !head.has(word));
  const random = new SeededRandom(seed ^ 0x5eed);
  // A partial Fisher–Yates: only the first VOCABULARY_SIZE places are needed.
  const tail = VOCABULARY_SIZE - head.size;
  for (let i = 0; i < tail; i++) {
    const j = i + Math.floor(random.next() * (candidates.length - i));
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  }
  return [...head, ...candidates.slice(0, tail)];
}

/**
 * Generates `size` stories in the project's article schema, deterministically for a seed:
 * - each story tags 5 to 30 people, places and organizations (about 13 on average), drawn with
 *   a Zipf law over each pool ({@link ENTITY_ZIPF_EXPONENT}), each named in the text;
 * - one to three topics of `topics` (the taxonomy's slugs), also Zipf-distributed;
 * - one or two authors, most stories a photo with a credit line, photographer, agency and the
 *   people it shows, a publisher, a section and a dateline;
 * - publication dates over {@link SYNTHETIC_PERIOD}, in publication order as a newsroom stores them;
 * - a headline, summary and three to eight paragraphs of words drawn from
 *   {@link syntheticVocabulary} with a Zipf law, so term frequencies are those of prose.
 *
 * Stories carry their tags, so they are stored without extraction. Names are made of syllables and
 * never those of real people. The stories are yielded one at a time: 100,000 need not fit in memory.
 */
export function* syntheticStories(options: SyntheticCorpusOptions, topics: readonly string[]): Generator<ArticleInput> {
  const { size, seed } = options;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a synthetic corpus needs at least one story, got ${size}`);
  if (topics.length === 0) throw new RangeError("a synthetic corpus needs at least one topic");
  const random = new SeededRandom(seed);
  const pools = makePools(random, size, topics, seed);
  const words = new ZipfSampler(pools.vocabulary.length, 1);
  const samplers = {
    people: new ZipfSampler(pools.people.length, ENTITY_ZIPF_EXPONENT),
    places: new ZipfSampler(pools.places.length, ENTITY_ZIPF_EXPONENT),
    organizations: new ZipfSampler(pools.organizations.length, ENTITY_ZIPF_EXPONENT),
    topics: new ZipfSampler(pools.topics.length, 1),
    authors: new ZipfSampler(pools.authors.length, 0.8),
    photographers: new ZipfSampler(pools.photographers.length, 0.8),
    publishers: new ZipfSampler(pools.publishers.length, 1),
  };
  const sentence = (minWords: number, maxWords: number, names: string[] = []): string => {
    const tokens: string[] = [];
    const length = random.int(minWords, maxWords);
    for (let i = 0; i < length; i++) tokens.push(pools.vocabulary[words.draw(random)]);
    for (const name of names) tokens.splice(random.int(0, tokens.length), 0, name);
    const text = tokens.join(" ");
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const span = SYNTHETIC_PERIOD.to.getTime() - SYNTHETIC_PERIOD.from.getTime();

  for (let index = 0; index < size; index++) {
    // Skewed towards short lists, as most stories name a handful of entities and few name thirty.
    const mentionCount = MENTIONS_PER_STORY.min + Math.floor((MENTIONS_PER_STORY.max - MENTIONS_PER_STORY.min + 1) * random.next() ** 2);
    const tagged: Record<EntityKind, string[]> = { people: [], places: [], organizations: [] };
    const seen = new Set<string>();
    for (let attempts = 0; seen.size < mentionCount && attempts < mentionCount * 20; attempts++) {
      const roll = random.next();
      const kind: EntityKind = roll < 0.45 ? "people" : roll < 0.75 ? "places" : "organizations";
      const name = pools[kind][samplers[kind].draw(random)];
      if (seen.has(`${kind}:${name}`)) continue;
      seen.add(`${kind}:${name}`);
      tagged[kind].push(name);
    }
    const all = [...tagged.people, ...tagged.places, ...tagged.organizations];
    const lead = all[0];
    const second = all[1];

    const paragraphs: string[][] = [];
    for (let p = random.int(3, 8); p > 0; p--) {
      const sentences: string[] = [];
      for (let s = random.int(2, 5); s > 0; s--) sentences.push(sentence(8, 24));
      paragraphs.push(sentences);
    }
    // Every tagged entity is named somewhere in the body, the lead ones in the first paragraph.
    for (const [position, name] of all.entries()) {
      const paragraph = position < 2 ? paragraphs[0] : random.pick(paragraphs);
      paragraph.push(sentence(6, 16, [name]));
    }

    const people: EntityTag[] = tagged.people.map((name) => (random.chance(0.15) ? { name, role: "QUOTED" as const } : { name }));
    const photos: PhotoInput[] = [];
    const photoCount = random.chance(0.75) ? (random.chance(0.15) ? 2 : 1) : 0;
    for (let k = 0; k < photoCount; k++) {
      const photographer = pools.photographers[samplers.photographers.draw(random)];
      const agency = random.pick(pools.agencies);
      const depicts = tagged.people.slice(k, k + random.int(1, 2));
      photos.push({
        url: `https://synthetic.example/${seed}/photos/${index}-${k}.jpg`,
        caption: sentence(6, 14, depicts),
        credit: `${photographer.toUpperCase()}/${agency}`,
        photographer,
        agency,
        takenIn: tagged.places[0] ?? null,
        depicts,
      });
    }
    const topicSlugs = new Set<string>();
    for (let t = random.int(1, 3); t > 0; t--) topicSlugs.add(pools.topics[samplers.topics.draw(random)]);
    const authors = [pools.authors[samplers.authors.draw(random)]];
    if (random.chance(0.2)) {
      const coauthor = pools.authors[samplers.authors.draw(random)];
      if (coauthor !== authors[0]) authors.push(coauthor);
    }
    const publishedAt = new Date(SYNTHETIC_PERIOD.from.getTime() + Math.floor(((index + random.next()) / size) * span));

    yield {
      url: `https://synthetic.example/${seed}/stories/${index}`,
      headline: sentence(4, 8, second ? [lead, second] : [lead]).slice(0, -1),
      summary: sentence(12, 24, [lead]),
      body: paragraphs.map((sentences) => sentences.join(" ")),
      publishedAt: publishedAt.toISOString(),
      section: random.pick(SECTIONS),
      language: "en",
      publisher: pools.publishers[samplers.publishers.draw(random)],
      byline: `By ${authors.join(" and ")}`,
      authors,
      dateline: tagged.places[0] ?? null,
      photos,
      tags: {
        people,
        places: tagged.places.map((name) => ({ name })),
        organizations: tagged.organizations.map((name) => ({ name })),
        topics: [...topicSlugs].map((slug, position) => ({ slug, weight: [1, 0.6, 0.3][position] })),
      },
    };
  }
}

/** The pools, sized with the corpus so that popular entities recur and the long tail stays long. */
function makePools(random: SeededRandom, size: number, topics: readonly string[], seed: number): Pools {
  const taken = new Set<string>();
  const names = (count: number, make: () => string): string[] => {
    const out: string[] = [];
    while (out.length < count) {
      const name = make();
      if (!taken.has(name)) {
        taken.add(name);
        out.push(name);
      }
    }
    return out;
  };
  const word = (syllables: number): string => {
    let text = "";
    for (let i = 0; i < syllables; i++) text += random.pick(SYLLABLES);
    return `${text[0].toUpperCase()}${text.slice(1)}`;
  };
  const person = () => `${word(random.int(2, 3))} ${word(random.int(2, 3))}`;
  return {
    vocabulary: syntheticVocabulary(seed),
    people: names(Math.max(100, Math.round(size / 4)), person),
    places: names(Math.max(40, Math.round(size / 25)), () => word(random.int(2, 4))),
    organizations: names(Math.max(40, Math.round(size / 12)), () => `${word(2)} ${random.pick(["Council", "Group", "Party", "Institute", "Bank", "Union", "Agency", "Front"])}`),
    authors: names(Math.max(20, Math.round(size / 100)), person),
    photographers: names(Math.max(10, Math.round(size / 250)), person),
    agencies: names(5, () => `${word(2)} Pictures`),
    publishers: names(8, () => `The ${word(2)} ${random.pick(["Times", "Post", "Herald", "Courier", "Tribune"])}`),
    topics: random.shuffled(topics),
  };
}
