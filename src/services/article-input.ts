/**
 * The project's own article schema: the shape of the stories in `data/articles/` and of the JSON
 * and JSON Lines files that ingestion accepts. Entities are referred to by name (canonical name or
 * alias); the writer links each name to the registry, creating the entity when it is new.
 */

/** How a person or other entity figures in a story. */
export type MentionRole = "QUOTED" | "DEPICTED" | "MENTIONED";

/** One story as it arrives, before it is linked into the graph. */
export interface ArticleInput {
  /** Canonical URL; the identity of the story when present. */
  url?: string | null;
  /** URL-safe key; derived from the headline when absent. */
  slug?: string | null;
  headline: string;
  /** The dek: one or two sentences under the headline. */
  summary?: string | null;
  /** Body text, one string per paragraph, without site boilerplate. */
  body: string[];
  /** ISO 8601 timestamp; null when the source gives none. */
  publishedAt?: string | null;
  updatedAt?: string | null;
  section?: string | null;
  /** BCP 47 language tag; "en" when absent. */
  language?: string | null;
  /** Name of the publishing organization (a news agency or outlet). */
  publisher?: string | null;
  /** The byline as printed ("By Simon Lewis"). */
  byline?: string | null;
  /** Author names in byline order. */
  authors?: string[];
  /** Name of the place the story was filed from. */
  dateline?: string | null;
  photos?: PhotoInput[];
  /** Editorial tags: they win over anything extraction finds. */
  tags?: ArticleTags;
  /** Editorial related links, in the order the page shows them. */
  related?: RelatedLinkInput[];
}

/** A photo attached to a story. */
export interface PhotoInput {
  url?: string | null;
  caption: string;
  /** The credit line as printed ("BRYAN R. SMITH/Pool via Reuters/File Photo"). */
  credit?: string | null;
  photographer?: string | null;
  agency?: string | null;
  isPool?: boolean;
  isFilePhoto?: boolean;
  /** ISO 8601 date or timestamp. */
  takenAt?: string | null;
  /** Name of the place where the photo was taken. */
  takenIn?: string | null;
  /** Names of the people the photo shows. */
  depicts?: string[];
}

/** Entities an editor attached to a story. */
export interface ArticleTags {
  people?: EntityTag[];
  places?: EntityTag[];
  organizations?: EntityTag[];
  topics?: TopicTag[];
}

/** An entity tag, editorial or extracted; what is not given is measured from the text. */
export interface EntityTag {
  name: string;
  role?: MentionRole;
  /** 0..1, how central the entity is to the story. */
  salience?: number;
  /** Other forms the story names it by ("Sudani"), counted as mentions besides its known names. */
  surfaceForms?: string[];
  /** For places: where the place is, used when the place is new to the graph. */
  place?: PlaceFacts;
}

/** What a gazetteer knows of a place. */
export interface PlaceFacts {
  kind: "COUNTRY" | "CITY";
  latitude: number;
  longitude: number;
  /** ISO 3166-1 alpha-2 of the country (the place itself, for a country). */
  countryCode: string;
  /** The country's common English name. */
  countryName: string;
}

/** An editorial topic tag. */
export interface TopicTag {
  slug: string;
  /** 0..1, how much of the story is about the topic. */
  weight?: number;
}

/** A link the publisher placed under the story. */
export interface RelatedLinkInput {
  headline: string;
  url?: string | null;
  /** The kicker shown above the link ("Syria"). */
  label?: string | null;
}
