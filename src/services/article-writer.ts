import { createHash } from "node:crypto";
import { In, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { Article } from "../entities/article";
import { ArticleAuthor } from "../entities/article-author";
import { ArticlePhoto } from "../entities/article-photo";
import { ArticleTopic } from "../entities/article-topic";
import { Mention } from "../entities/mention";
import { MentionRole } from "../entities/mention-role";
import type { NamedEntity } from "../entities/named-entity";
import { Photo } from "../entities/photo";
import { Place } from "../entities/place";
import { PhotoDepiction } from "../entities/photo-depiction";
import { RelatedLink } from "../entities/related-link";
import { Topic } from "../entities/topic";
import type { ArticleInput, EntityTag, PhotoInput } from "./article-input";
import { applyEditorialTags } from "./editorial-tags";
import { EntityRegistry, type EntityType } from "./entity-registry";
import { InvalidInputError } from "./errors";
import { locateMentions } from "./extraction/mention-locator";
import { slugify } from "./names";
import { runSql, type SqlParams } from "./sql";
import { dialectOf } from "./sql-dialect";

/** What writing one story did. */
export interface WriteResult {
  outcome: "created" | "updated" | "unchanged";
  article: Article;
}

/** Precedence of roles when one entity has several: the first listed wins. */
const ROLE_ORDER = [MentionRole.QUOTED, MentionRole.DEPICTED, MentionRole.MENTIONED];

/**
 * Writes stories into the graph. Each story is written in one transaction, so a failure at any
 * step leaves the previous version (or nothing) behind, never half a story. A story is recognised
 * again by its identity key and rewritten in place; an identical one is left untouched.
 */
export class ArticleWriter {
  /**
   * Topic IDs by slug, learnt as stories name them: the taxonomy changes with a release of
   * `data/`, not while stories are written, and this saves a statement per story.
   */
  private readonly topicIds = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Validates and stores one story with its authors, photos, mentions, topics and related links.
   * `enrich` completes the story (extraction) before it is stored; it runs only when the story is
   * new or changed, since "unchanged" compares the story as it arrived, not as enriched: enriched
   * output shifts as the graph learns entities, and a re-run must not rewrite every story.
   */
  async write(input: ArticleInput, options: { enrich?: (story: ArticleInput) => ArticleInput } = {}): Promise<WriteResult> {
    const arrived = validate(input);
    const identityKey = identityKeyOf(arrived);
    const contentHash = sha256(JSON.stringify(arrived));
    return this.dataSource.transaction(async (manager) => {
      const wantedSlug = arrived.slug ?? slugify(arrived.headline);
      // One statement finds both the story itself and any other story holding the slug it wants.
      const holders = await manager.find(Article, { where: [{ identityKey }, { slug: wantedSlug }] });
      const existing = holders.find((holder) => holder.identityKey === identityKey) ?? null;
      if (existing && existing.contentHash === contentHash) return { outcome: "unchanged", article: existing };
      // Editorial tag hook: the editors' stored tag and untag decisions win over the record and extraction.
      const story = await applyEditorialTags(manager, existing?.id ?? null, options.enrich ? validate(options.enrich(arrived)) : arrived);
      const slugTaken = holders.some((holder) => holder.identityKey !== identityKey && holder.slug === wantedSlug);

      const registry = new EntityRegistry(manager);
      const names = await resolveNames(registry, story);
      const fields = {
        identityKey,
        contentHash,
        url: story.url ?? null,
        slug: slugTaken ? `${wantedSlug}-${identityKey.slice(0, 8)}` : wantedSlug,
        headline: story.headline,
        summary: story.summary ?? null,
        bodyText: story.body.join("\n\n"),
        publishedAt: story.publishedAt ? new Date(story.publishedAt) : null,
        updatedAt: story.updatedAt ? new Date(story.updatedAt) : null,
        section: story.section ?? null,
        language: story.language ?? "en",
        wordCount: countWords([story.headline, story.summary ?? "", ...story.body]),
        byline: story.byline ?? null,
        publisherId: names.publisher?.id ?? null,
        datelineId: names.dateline?.id ?? null,
      };
      // Plain INSERT and UPDATE: `save` would read the row back, a statement per story for nothing.
      if (existing) await manager.update(Article, existing.id, fields);
      const id = existing?.id ?? (await insertedId(manager, fields));
      const article = manager.create(Article, { ...existing, ...fields, id });
      if (existing) {
        for (const table of [ArticleAuthor, ArticlePhoto, ArticleTopic, Mention, RelatedLink]) await manager.delete(table, { articleId: article.id });
      }

      const authors = unique(names.authors);
      if (authors.length > 0) {
        await insertRows(manager, ArticleAuthor, authors.map((person, position) => ({ articleId: article.id, personId: person.id, position })));
      }
      for (const [position, photo] of (story.photos ?? []).entries()) {
        const stored = await this.writePhoto(manager, photo, names.photos[position]);
        await insertRows(manager, ArticlePhoto, [{ articleId: article.id, photoId: stored.id, position }]);
      }
      await registry.completePlaces(
        names.tags.flatMap(({ entity, tag }) => (tag.place && entity instanceof Place ? [{ place: entity, facts: tag.place }] : [])),
      );
      await this.writeMentions(manager, registry, article, story, names);
      await this.writeTopics(manager, article, story);
      if (story.related && story.related.length > 0) {
        await insertRows(
          manager,
          RelatedLink,
          story.related.map((link, position) => ({
            articleId: article.id,
            position,
            headline: link.headline,
            slug: slugify(link.headline),
            url: link.url ?? null,
            label: link.label ?? null,
          })),
        );
      }
      return { outcome: existing ? "updated" : "created", article };
    });
  }

  private async writePhoto(manager: EntityManager, input: PhotoInput, names: ResolvedNames["photos"][number]): Promise<Photo> {
    const identityKey = sha256(input.url ? `url:${input.url}` : `caption:${input.caption}|${input.credit ?? ""}`);
    const existing = await manager.findOne(Photo, { where: { identityKey } });
    const photo = await manager.save(
      manager.create(Photo, {
        ...(existing ?? {}),
        identityKey,
        url: input.url ?? null,
        caption: input.caption,
        credit: input.credit ?? null,
        isPool: input.isPool ?? false,
        isFilePhoto: input.isFilePhoto ?? false,
        takenAt: input.takenAt ? new Date(input.takenAt) : null,
        photographerId: names.photographer?.id ?? null,
        agencyId: names.agency?.id ?? null,
        takenInId: names.takenIn?.id ?? null,
      }),
    );
    if (existing) await manager.delete(PhotoDepiction, { photoId: photo.id });
    const people = unique(names.depicts);
    if (people.length > 0) {
      await insertRows(manager, PhotoDepiction, people.map((person, position) => ({ photoId: photo.id, personId: person.id, position })));
    }
    return photo;
  }

  /**
   * Links the tagged entities and the people shown in photos, measuring in the text how often and
   * how prominently each is named (by its name, any alias, or a form the tag gives). A tag's own
   * role and salience win.
   */
  private async writeMentions(manager: EntityManager, registry: EntityRegistry, article: Article, story: ArticleInput, names: ResolvedNames): Promise<void> {
    const depicted = names.photos.flatMap((photo) => photo.depicts);
    const tagged: Array<{ entity: NamedEntity; tag?: EntityTag }> = [...names.tags, ...depicted.map((entity) => ({ entity }))];
    const byEntity = new Map<number, { entity: NamedEntity; tag?: EntityTag; roles: Set<MentionRole> }>();
    const depictedIds = new Set(depicted.map((person) => person.id));
    for (const { entity, tag } of tagged) {
      const entry = byEntity.get(entity.id) ?? { entity, roles: new Set<MentionRole>() };
      entry.tag = entry.tag ?? tag;
      entry.roles.add(tag?.role ? (tag.role as MentionRole) : MentionRole.MENTIONED);
      if (depictedIds.has(entity.id)) entry.roles.add(MentionRole.DEPICTED);
      byEntity.set(entity.id, entry);
    }
    if (byEntity.size === 0) return;

    // Forms the tag names the entity by are all the text uses; only entities tagged without them
    // (editorial tags, people in photos) need their registered aliases to be found in the text.
    const aliases = await registry.aliasesOf([...byEntity.values()].filter(({ tag }) => !tag?.surfaceForms).map(({ entity }) => entity.id));
    const located = locateMentions(
      story,
      [...byEntity.values()].map(({ entity, tag }) => ({
        key: entity.id,
        surfaceForms: [entity.name, ...(aliases.get(entity.id) ?? []), ...(tag?.surfaceForms ?? [])],
      })),
    );
    await insertRows(
      manager,
      Mention,
      located.map((found) => {
        const { tag, roles } = byEntity.get(found.key)!;
        return {
          articleId: article.id,
          entityId: found.key,
          role: ROLE_ORDER.find((role) => roles.has(role))!,
          salience: tag?.salience ?? found.salience,
          count: found.count,
          evidence: found.evidence,
        };
      }),
    );
  }

  private async writeTopics(manager: EntityManager, article: Article, story: ArticleInput): Promise<void> {
    const tags = story.tags?.topics ?? [];
    if (tags.length === 0) return;
    const unknown = [...new Set(tags.map((tag) => tag.slug))].filter((slug) => !this.topicIds.has(slug));
    if (unknown.length > 0) {
      for (const topic of await manager.find(Topic, { where: { slug: In(unknown) } })) this.topicIds.set(topic.slug, topic.id);
    }
    const rows: Array<Pick<ArticleTopic, "articleId" | "topicId" | "weight">> = [];
    for (const [index, tag] of tags.entries()) {
      const topicId = this.topicIds.get(tag.slug);
      if (topicId === undefined) throw new InvalidInputError(`unknown topic "${tag.slug}"`, `tags.topics[${index}].slug`);
      if (!rows.some((row) => row.topicId === topicId)) rows.push({ articleId: article.id, topicId, weight: tag.weight ?? 1 });
    }
    await insertRows(manager, ArticleTopic, rows);
  }
}

/** Every entity a story names, resolved to the graph's entities. */
interface ResolvedNames {
  publisher: NamedEntity | null;
  dateline: NamedEntity | null;
  authors: NamedEntity[];
  photos: Array<{ photographer: NamedEntity | null; agency: NamedEntity | null; takenIn: NamedEntity | null; depicts: NamedEntity[] }>;
  tags: Array<{ entity: NamedEntity; tag: EntityTag }>;
}

/** Resolves every name of a story in one batch (see `EntityRegistry.findOrCreateAll`). */
async function resolveNames(registry: EntityRegistry, story: ArticleInput): Promise<ResolvedNames> {
  const requests: Array<{ type: EntityType; name: string }> = [];
  // A blank byline or photo name (an empty field in a feed) names nobody: it is left out, not stored.
  const ask = (type: EntityType, name: string | null | undefined): number | null => (name?.trim() ? requests.push({ type, name }) - 1 : null);
  const each = (type: EntityType, names: string[] | undefined) => (names ?? []).flatMap((name) => ask(type, name) ?? []);
  const publisher = ask("Organization", story.publisher);
  const dateline = ask("Place", story.dateline);
  const authors = each("Person", story.authors);
  const photos = (story.photos ?? []).map((photo) => ({
    photographer: ask("Person", photo.photographer),
    agency: ask("Organization", photo.agency),
    takenIn: ask("Place", photo.takenIn),
    depicts: each("Person", photo.depicts),
  }));
  const tagGroups: Array<[EntityType, EntityTag[] | undefined]> = [
    ["Person", story.tags?.people],
    ["Place", story.tags?.places],
    ["Organization", story.tags?.organizations],
  ];
  // Tag names are never blank: checkShapes refuses them with the field at fault.
  const tags = tagGroups.flatMap(([type, group]) => (group ?? []).map((tag) => ({ tag, index: ask(type, tag.name)! })));

  const entities = await registry.findOrCreateAll(requests);
  const at = (index: number | null) => (index === null ? null : entities[index]);
  return {
    publisher: at(publisher),
    dateline: at(dateline),
    authors: authors.map((index) => entities[index]),
    photos: photos.map((photo) => ({
      photographer: at(photo.photographer),
      agency: at(photo.agency),
      takenIn: at(photo.takenIn),
      depicts: photo.depicts.map((index) => entities[index]),
    })),
    tags: tags.map(({ tag, index }) => ({ tag, entity: entities[index] })),
  };
}

/** Entities in first-seen order, each once (two names may resolve to one entity). */
function unique(entities: NamedEntity[]): NamedEntity[] {
  return [...new Map(entities.map((entity) => [entity.id, entity])).values()];
}

/**
 * The key that makes a re-ingested story the same story: its canonical URL, else a hash of
 * publisher, headline and publication date (what a reader would call "the same story").
 */
export function identityKeyOf(story: Pick<ArticleInput, "url" | "publisher" | "headline" | "publishedAt">): string {
  return sha256(story.url ? `url:${story.url}` : `story:${story.publisher ?? ""}|${story.headline}|${story.publishedAt ?? ""}`);
}

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Words in the parts of a story, as `Article.wordCount` counts them. */
export function countWords(parts: string[]): number {
  return parts.reduce((total, part) => total + (part.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0), 0);
}

/**
 * Inserts edge rows in one plain multi-row INSERT. Edges hold only IDs, numbers and text, which
 * every driver binds as they are, and nothing generated needs reading back; TypeORM's insert
 * builder would spend more time preparing the statement than the database spends running it.
 */
async function insertRows<E extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<E>, rows: Array<Partial<E>>): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const properties = Object.keys(rows[0]);
  const columns = properties.map((property) => `"${metadata.findColumnWithPropertyName(property)!.databaseName}"`);
  const params: SqlParams = {};
  const tuples = rows.map((row, index) => {
    const names = properties.map((property, column) => {
      params[`v${index}_${column}`] = (row as Record<string, unknown>)[property] ?? null;
      return `:v${index}_${column}`;
    });
    return `(${names.join(", ")})`;
  });
  await runSql(manager, `INSERT INTO "${metadata.tableName}" (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, params);
}

/** Inserts a story row and returns its new ID. */
async function insertedId(manager: EntityManager, fields: Partial<Article>): Promise<number> {
  // The query builder converts dates to what the database stores; `updateEntity(false)` spares
  // reading the row back.
  const insert = manager.createQueryBuilder().insert().into(Article).values(fields as QueryDeepPartialEntity<Article>).updateEntity(false);
  // SQLite reports the new row's ID as the raw result; PostgreSQL returns it when asked.
  if (dialectOf(manager) === "postgres") return Number((await insert.returning("id").execute()).raw[0].id);
  const result = await insert.execute();
  return Number(result.identifiers[0]?.id ?? result.raw);
}

/** Checks a story's shape and values, naming the field at fault. */
/**
 * Checks that every optional field of a story, its photos, tags and related links has the type
 * the schema gives it, so a record from a file (which any JSON can be) is refused with the field
 * at fault instead of reaching the database as an array or an object.
 */
function checkShapes(input: ArticleInput): void {
  const fail = (field: string, what: string): never => {
    throw new InvalidInputError(`${field} must be ${what}`, field);
  };
  const text = (value: unknown, field: string) => value == null || typeof value === "string" || fail(field, "a string or null");
  const texts = (value: unknown, field: string) => value == null || (Array.isArray(value) && value.every((item) => typeof item === "string")) || fail(field, "an array of strings");
  const objects = (value: unknown, field: string): Array<Record<string, unknown>> =>
    value == null ? [] : Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && !Array.isArray(item)) ? value : fail(field, "an array of objects");
  const number = (value: unknown, field: string) => value == null || Number.isFinite(value) || fail(field, "a finite number");
  const flag = (value: unknown, field: string) => value == null || typeof value === "boolean" || fail(field, "true or false");

  for (const field of ["url", "slug", "summary", "section", "language", "publisher", "byline", "dateline"] as const) text(input[field], field);
  texts(input.authors, "authors");
  for (const [index, photo] of objects(input.photos, "photos").entries()) {
    for (const field of ["url", "credit", "photographer", "agency", "takenAt", "takenIn"]) text(photo[field], `photos[${index}].${field}`);
    texts(photo.depicts, `photos[${index}].depicts`);
    flag(photo.isPool, `photos[${index}].isPool`);
    flag(photo.isFilePhoto, `photos[${index}].isFilePhoto`);
  }
  if (input.tags != null && (typeof input.tags !== "object" || Array.isArray(input.tags))) fail("tags", "an object");
  for (const kind of ["people", "places", "organizations"] as const) {
    for (const [index, tag] of objects(input.tags?.[kind], `tags.${kind}`).entries()) {
      const field = `tags.${kind}[${index}]`;
      if (typeof tag.name !== "string" || tag.name.trim() === "") fail(`${field}.name`, "a non-empty string");
      if (tag.role != null && !(ROLE_ORDER as unknown[]).includes(tag.role)) fail(`${field}.role`, `one of ${ROLE_ORDER.join(", ")}`);
      number(tag.salience, `${field}.salience`);
      texts(tag.surfaceForms, `${field}.surfaceForms`);
      const place = tag.place as Record<string, unknown> | null | undefined;
      if (place != null && !(typeof place === "object" && (place.kind === "COUNTRY" || place.kind === "CITY") && Number.isFinite(place.latitude) && Number.isFinite(place.longitude) && typeof place.countryCode === "string" && typeof place.countryName === "string")) {
        fail(`${field}.place`, "a place with kind, latitude, longitude, countryCode and countryName");
      }
    }
  }
  for (const [index, tag] of objects(input.tags?.topics, "tags.topics").entries()) {
    if (typeof tag.slug !== "string" || tag.slug.trim() === "") fail(`tags.topics[${index}].slug`, "a non-empty string");
    number(tag.weight, `tags.topics[${index}].weight`);
  }
  for (const [index, link] of objects(input.related, "related").entries()) {
    if (typeof link.headline !== "string") fail(`related[${index}].headline`, "a string");
    text(link.url, `related[${index}].url`);
    text(link.label, `related[${index}].label`);
  }
}

/**
 * The field of the first string in `value` that holds U+0000, or null. PostgreSQL cannot store the
 * character in text (SQLite can), so a story with it is refused on both, naming the field, rather
 * than failing in the database on one of them.
 */
function fieldWithNul(value: unknown, field: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? field : null;
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [`${field}[${index}]`, item])
    : value !== null && typeof value === "object"
      ? Object.entries(value).map(([key, item]) => [field ? `${field}.${key}` : key, item])
      : [];
  for (const [inner, item] of entries) {
    const found = fieldWithNul(item, inner);
    if (found !== null) return found;
  }
  return null;
}

function validate(input: ArticleInput): ArticleInput {
  if (typeof input !== "object" || input === null) throw new InvalidInputError("an article must be a JSON object");
  if (typeof input.headline !== "string" || input.headline.trim().length === 0) {
    throw new InvalidInputError("headline is required and must be a non-empty string", "headline");
  }
  if (!Array.isArray(input.body) || input.body.some((paragraph) => typeof paragraph !== "string")) {
    throw new InvalidInputError("body must be an array of paragraph strings", "body");
  }
  for (const field of ["publishedAt", "updatedAt"] as const) {
    const value = input[field];
    if (value != null && (typeof value !== "string" || Number.isNaN(Date.parse(value)))) {
      throw new InvalidInputError(`${field} must be an ISO 8601 date or timestamp`, field);
    }
  }
  checkShapes(input);
  const withNul = fieldWithNul(input, "");
  if (withNul !== null) throw new InvalidInputError(`${withNul} contains the NUL character (U+0000), which cannot be stored`, withNul);
  for (const [index, photo] of (input.photos ?? []).entries()) {
    if (typeof photo?.caption !== "string") throw new InvalidInputError("a photo needs a caption string", `photos[${index}].caption`);
    if (photo.takenAt != null && Number.isNaN(Date.parse(photo.takenAt))) {
      throw new InvalidInputError("takenAt must be an ISO 8601 date or timestamp", `photos[${index}].takenAt`);
    }
  }
  const slug = input.slug ?? slugify(input.headline);
  if (slug.length === 0) throw new InvalidInputError("the headline has no letters or digits to make a slug from", "headline");
  return {
    ...input,
    headline: input.headline.trim(),
    body: input.body.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 0),
  };
}
