import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from "graphql";

/**
 * How long a story may be served from a cache, in seconds: an edit or a new related story shows
 * within a minute, while a CDN still answers a story page that is read thousands of times a minute.
 */
export const STORY_MAX_AGE = 60;

/** How long a person, place, organization, topic or photo may be cached: they change far less often than stories. */
export const ENTITY_MAX_AGE = 300;

/** How long search results and dashboard figures may be cached: they move with every story stored. */
export const DASHBOARD_MAX_AGE = 30;

/** The `@cacheControl` hint of types whose objects are stories (and deleted stories). */
export const STORY_CACHE_HINT = `@cacheControl(maxAge: ${STORY_MAX_AGE})`;

/** The `@cacheControl` hint of the entity and photo types. */
export const ENTITY_CACHE_HINT = `@cacheControl(maxAge: ${ENTITY_MAX_AGE})`;

/** The `@cacheControl` hint of search results and dashboard answers. */
export const DASHBOARD_CACHE_HINT = `@cacheControl(maxAge: ${DASHBOARD_MAX_AGE})`;

/**
 * The `@cacheControl` hint of the types that only wrap others (edges, page info, mentions): they
 * keep the age of the field that returns them, so they never make an answer uncacheable by
 * themselves, and the objects inside them still bring their own, possibly shorter, age.
 */
export const INHERIT_CACHE_HINT = "@cacheControl(inheritMaxAge: true)";

/** Apollo Server's `CacheControlScope`, described for Sandbox. */
const cacheControlScope = new GraphQLEnumType({
  name: "CacheControlScope",
  description: "Who may keep a cached answer: any cache (a CDN) or only the client that asked.",
  values: {
    PUBLIC: { description: "Any cache may keep and share the answer: it is the same for every client." },
    PRIVATE: { description: "Only the asking client may keep the answer (`cache-control: private`)." },
  },
});

/**
 * The `@cacheControl` directive that Apollo Server's cache-control plugin reads from the schema
 * (https://www.apollographql.com/docs/apollo-server/performance/caching). It must be declared
 * for the hints type-graphql's `@Directive` puts on classes to be valid SDL.
 */
export const cacheControlDirective = new GraphQLDirective({
  name: "cacheControl",
  description: "How long, and by whom, an answer containing this type or field may be cached; the answer's `cache-control` header takes the shortest age of everything in it.",
  locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT, DirectiveLocation.INTERFACE, DirectiveLocation.UNION],
  args: {
    maxAge: { type: GraphQLInt, description: "Seconds the answer stays fresh; 0 makes it uncacheable." },
    scope: { type: cacheControlScope, description: "PRIVATE when the answer depends on who asks." },
    inheritMaxAge: { type: GraphQLBoolean, description: "Take the age of the parent field instead of the default of 0." },
  },
});
