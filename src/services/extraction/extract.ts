import type { Place } from "../gazetteer/gazetteer";
import type { MentionRole } from "../article-input";
import { NO_KNOWN_ENTITIES, type EntityLookup, type EntityType } from "./entity-lookup";
import { isMetonymic } from "./metonymy";
import { locateMentions, storyText, type StoryText } from "./mention-locator";
import { isSpeakerAt } from "./quotations";
import { recognizeEntities } from "./recognizer";
import { defaultTopicModel, type TopicModel, type TopicWeight } from "./topics";

/** Where one entity occurs, as offsets into {@link Extraction.text}. */
export interface Occurrence {
  start: number;
  end: number;
  surface: string;
  /** For places: the name stands for the government seated there (see {@link isMetonymic}). */
  metonymic: boolean;
}

/** One person, place or organization a story names. */
export interface ExtractedEntity {
  type: EntityType;
  /** Canonical name: the registry's when linked, else the longest form the story uses. */
  name: string;
  /** Id of the existing entity it links to; null when it is new. */
  knownId: string | null;
  /** Every form the story uses, longest first. */
  surfaceForms: string[];
  occurrences: Occurrence[];
  /** 0..1 from headline, lead and frequency (see `salienceOf`). */
  salience: number;
  /** The first sentence that names it. */
  firstSentence: string | null;
  /** QUOTED when a person is the speaker of a quotation, else MENTIONED; DEPICTED is the caller's. */
  role: MentionRole;
  /** For places: where it is, when the gazetteer resolves it. */
  place: Place | null;
  /** For places: every occurrence is metonymic, so the story is not about being there. */
  metonymic: boolean;
}

/** What extraction finds in one story. */
export interface Extraction {
  /** The text offsets refer to: headline, summary and paragraphs joined by blank lines. */
  text: string;
  people: ExtractedEntity[];
  places: ExtractedEntity[];
  organizations: ExtractedEntity[];
  topics: TopicWeight[];
}

/** What extraction may be given besides the story. */
export interface ExtractOptions {
  /** Existing entities to link names to; none by default. */
  lookup?: EntityLookup;
  /** The topic model; `data/topic-keywords.json` by default, null for no topics. */
  topics?: TopicModel | null;
}

/**
 * Extracts the people, places, organizations and topics of one story. Deterministic and offline:
 * the same story and lookup always give the same result. Each list is ordered by salience, then
 * by first occurrence.
 */
export function extractEntities(story: StoryText, options: ExtractOptions = {}): Extraction {
  const text = storyText(story);
  const recognized = recognizeEntities(text, story.headline.length, options.lookup ?? NO_KNOWN_ENTITIES);
  const located = locateMentions(
    story,
    recognized.map((entity, index) => ({ key: index, surfaceForms: entity.surfaceForms })),
  );

  const entities: ExtractedEntity[] = [];
  for (const mention of located) {
    if (mention.count === 0) continue;
    const entity = recognized[mention.key];
    const occurrences = mention.occurrences.map((span) => ({
      ...span,
      metonymic: entity.type === "PLACE" && isMetonymic(text, span.start, span.end),
    }));
    const quoted = entity.type === "PERSON" && occurrences.some((span) => isSpeakerAt(text, span.start, span.end));
    entities.push({
      type: entity.type,
      name: entity.name,
      knownId: entity.known?.id ?? null,
      surfaceForms: entity.surfaceForms.filter((form) => occurrences.some((span) => span.surface === form)),
      occurrences,
      salience: mention.salience,
      firstSentence: mention.evidence,
      role: quoted ? "QUOTED" : "MENTIONED",
      place: entity.place,
      metonymic: occurrences.every((span) => span.metonymic),
    });
  }
  entities.sort((a, b) => b.salience - a.salience || a.occurrences[0].start - b.occurrences[0].start);

  const places = entities.filter((entity) => entity.type === "PLACE");
  const model = options.topics === undefined ? defaultTopicModel() : options.topics;
  const topics = model
    ? model.assign(
        { headline: story.headline, body: text.slice(story.headline.length) },
        places.flatMap((entity) =>
          entity.place && !entity.metonymic ? [{ countryCode: entity.place.countryCode, salience: entity.salience }] : [],
        ),
      )
    : [];
  return {
    text,
    people: entities.filter((entity) => entity.type === "PERSON"),
    places,
    organizations: entities.filter((entity) => entity.type === "ORGANIZATION"),
    topics,
  };
}
