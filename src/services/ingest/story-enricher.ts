import type { ArticleInput, EntityTag, PhotoInput, PlaceFacts, TopicTag } from "../article-input";
import { parseCreditLine } from "../extraction/credit-line";
import type { EntityLookup } from "../extraction/entity-lookup";
import { extractEntities, type ExtractedEntity } from "../extraction/extract";
import type { Place } from "../gazetteer/gazetteer";
import { gazetteer } from "../gazetteer/gazetteer";
import { nameKey } from "../names";

/**
 * Completes a story with what extraction finds in it, so a newsroom's untagged copy joins the
 * graph: people, places and organizations with roles and salience, topics with weights, the
 * parts of photo credit lines, and the people named in captions. Editorial tags win: an entity
 * or topic an editor tagged keeps the editor's role, salience and weight, and extraction only
 * adds what the editor did not tag.
 */
export class StoryEnricher {
  constructor(private readonly lookup: EntityLookup) {}

  /** The story with extracted tags merged under its editorial ones. */
  enrich(story: ArticleInput): ArticleInput {
    const extraction = extractEntities(story, { lookup: this.lookup });
    const tags = story.tags ?? {};
    return {
      ...story,
      photos: story.photos?.map((photo) => this.completePhoto(photo)),
      tags: {
        people: mergeTags(tags.people, extraction.people.map((entity) => this.toTag(entity))),
        places: mergeTags(
          tags.places,
          extraction.places.filter((entity) => !entity.metonymic).map((entity) => this.toTag(entity)),
        ),
        organizations: mergeTags(tags.organizations, extraction.organizations.map((entity) => this.toTag(entity))),
        topics: mergeTopics(tags.topics, extraction.topics.map((topic) => ({ slug: topic.slug, weight: topic.weight }))),
      },
    };
  }

  private toTag(entity: ExtractedEntity): EntityTag {
    return {
      name: entity.name,
      role: entity.role,
      salience: entity.salience,
      surfaceForms: entity.surfaceForms,
      ...(entity.place ? { place: placeFacts(entity.place) } : {}),
    };
  }

  /** Fills what the credit line and caption say and the story's data left out. */
  private completePhoto(photo: PhotoInput): PhotoInput {
    const credit = photo.credit ? parseCreditLine(photo.credit) : null;
    const depicted = photo.depicts ?? extractEntities({ headline: photo.caption, body: [] }, { lookup: this.lookup, topics: null }).people.map((person) => person.name);
    return {
      ...photo,
      photographer: photo.photographer ?? credit?.photographer ?? null,
      agency: photo.agency ?? credit?.agency ?? null,
      isPool: photo.isPool ?? credit?.isPool ?? false,
      isFilePhoto: photo.isFilePhoto ?? credit?.isFilePhoto ?? false,
      depicts: depicted,
    };
  }
}

/** Editorial tags first, then extracted ones naming an entity no editorial tag names. */
function mergeTags(editorial: EntityTag[] = [], extracted: EntityTag[]): EntityTag[] {
  const merged = editorial.map((tag) => ({ ...tag }));
  for (const tag of extracted) {
    const keys = new Set([tag.name, ...(tag.surfaceForms ?? [])].map(nameKey));
    const match = merged.slice(0, editorial.length).find((existing) => keys.has(nameKey(existing.name)));
    if (match) match.surfaceForms = [...new Set([...(match.surfaceForms ?? []), ...(tag.surfaceForms ?? [])])];
    else merged.push(tag);
  }
  return merged;
}

function mergeTopics(editorial: TopicTag[] = [], extracted: TopicTag[]): TopicTag[] {
  const tagged = new Set(editorial.map((tag) => tag.slug));
  return [...editorial, ...extracted.filter((tag) => !tagged.has(tag.slug))];
}

function placeFacts(place: Place): PlaceFacts {
  const country = gazetteer().countryByCode(place.countryCode);
  return {
    kind: place.kind === "country" ? "COUNTRY" : "CITY",
    latitude: place.latitude,
    longitude: place.longitude,
    countryCode: place.countryCode,
    countryName: country?.name ?? place.countryCode,
  };
}
