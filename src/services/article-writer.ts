import { createHash } from "node:crypto";
import { Not, type DataSource, type EntityManager } from "typeorm";
import { Article } from "../entities/article";
import { ArticleAuthor } from "../entities/article-author";
import { ArticlePhoto } from "../entities/article-photo";
import { ArticleTopic } from "../entities/article-topic";
import { Mention } from "../entities/mention";
import { MentionRole } from "../entities/mention-role";
import type { NamedEntity } from "../entities/named-entity";
import { Photo } from "../entities/photo";
import { PhotoDepiction } from "../entities/photo-depiction";
import { RelatedLink } from "../entities/related-link";
import { Topic } from "../entities/topic";
import type { ArticleInput, EntityTag, PhotoInput } from "./article-input";
import { EntityRegistry, type EntityType } from "./entity-registry";
import { InvalidInputError } from "./errors";
import { locateMentions } from "./extraction/mention-locator";
import { slugify } from "./names";

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
  constructor(private readonly dataSource: DataSource) {}

  /** Validates and stores one story with its authors, photos, mentions, topics and related links. */
  async write(input: ArticleInput): Promise<WriteResult> {
    const story = validate(input);
    const identityKey = identityKeyOf(story);
    const contentHash = sha256(JSON.stringify(story));
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(Article, { where: { identityKey } });
      if (existing && existing.contentHash === contentHash) return { outcome: "unchanged", article: existing };

      const registry = new EntityRegistry(manager);
      const article = manager.create(Article, {
        ...(existing ?? {}),
        identityKey,
        contentHash,
        url: story.url ?? null,
        slug: await uniqueSlug(manager, story.slug ?? slugify(story.headline), identityKey),
        headline: story.headline,
        summary: story.summary ?? null,
        bodyText: story.body.join("\n\n"),
        publishedAt: story.publishedAt ? new Date(story.publishedAt) : null,
        updatedAt: story.updatedAt ? new Date(story.updatedAt) : null,
        section: story.section ?? null,
        language: story.language ?? "en",
        wordCount: countWords([story.headline, story.summary ?? "", ...story.body]),
        byline: story.byline ?? null,
        publisherId: story.publisher ? (await registry.findOrCreate("Organization", story.publisher)).id : null,
        datelineId: story.dateline ? (await registry.findOrCreate("Place", story.dateline)).id : null,
      });
      await manager.save(article);
      for (const table of [ArticleAuthor, ArticlePhoto, ArticleTopic, Mention, RelatedLink]) {
        await manager.delete(table, { articleId: article.id });
      }

      const authors = await Promise.all((story.authors ?? []).map((name) => registry.findOrCreate("Person", name)));
      if (authors.length > 0) {
        await manager.insert(ArticleAuthor, authors.map((person, position) => ({ articleId: article.id, personId: person.id, position })));
      }

      const depicted: NamedEntity[] = [];
      for (const [position, photoInput] of (story.photos ?? []).entries()) {
        const photo = await this.writePhoto(manager, registry, photoInput);
        await manager.insert(ArticlePhoto, { articleId: article.id, photoId: photo.id, position });
        depicted.push(...(await Promise.all((photoInput.depicts ?? []).map((name) => registry.findOrCreate("Person", name)))));
      }

      await this.writeMentions(manager, registry, article, story, depicted);
      await this.writeTopics(manager, article, story);
      if (story.related && story.related.length > 0) {
        await manager.insert(
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

  private async writePhoto(manager: EntityManager, registry: EntityRegistry, input: PhotoInput): Promise<Photo> {
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
        photographerId: input.photographer ? (await registry.findOrCreate("Person", input.photographer)).id : null,
        agencyId: input.agency ? (await registry.findOrCreate("Organization", input.agency)).id : null,
        takenInId: input.takenIn ? (await registry.findOrCreate("Place", input.takenIn)).id : null,
      }),
    );
    await manager.delete(PhotoDepiction, { photoId: photo.id });
    const people = await Promise.all((input.depicts ?? []).map((name) => registry.findOrCreate("Person", name)));
    const unique = [...new Map(people.map((person) => [person.id, person])).values()];
    if (unique.length > 0) {
      await manager.insert(PhotoDepiction, unique.map((person, position) => ({ photoId: photo.id, personId: person.id, position })));
    }
    return photo;
  }

  /**
   * Links the tagged entities and the people shown in photos, measuring in the text how often and
   * how prominently each is named (by its name or any alias). A tag's own role and salience win.
   */
  private async writeMentions(
    manager: EntityManager,
    registry: EntityRegistry,
    article: Article,
    story: ArticleInput,
    depicted: NamedEntity[],
  ): Promise<void> {
    const tagged: Array<{ entity: NamedEntity; tag?: EntityTag }> = [];
    const tagGroups: Array<[EntityType, EntityTag[] | undefined]> = [
      ["Person", story.tags?.people],
      ["Place", story.tags?.places],
      ["Organization", story.tags?.organizations],
    ];
    for (const [type, tags] of tagGroups) {
      for (const tag of tags ?? []) {
        const entity = type === "Place" ? await registry.findOrCreatePlace(tag.name, tag.place) : await registry.findOrCreate(type, tag.name);
        tagged.push({ entity, tag });
      }
    }
    for (const person of depicted) tagged.push({ entity: person });

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

    const aliases = await registry.aliasesOf([...byEntity.keys()]);
    const located = locateMentions(
      story,
      [...byEntity.values()].map(({ entity, tag }) => ({
        key: entity.id,
        surfaceForms: [entity.name, ...(aliases.get(entity.id) ?? []), ...(tag?.surfaceForms ?? [])],
      })),
    );
    await manager.insert(
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
    const rows: Array<Pick<ArticleTopic, "articleId" | "topicId" | "weight">> = [];
    for (const [index, tag] of (story.tags?.topics ?? []).entries()) {
      const topic = await manager.findOne(Topic, { where: { slug: tag.slug } });
      if (!topic) throw new InvalidInputError(`unknown topic "${tag.slug}"`, `tags.topics[${index}].slug`);
      if (!rows.some((row) => row.topicId === topic.id)) rows.push({ articleId: article.id, topicId: topic.id, weight: tag.weight ?? 1 });
    }
    if (rows.length > 0) await manager.insert(ArticleTopic, rows);
  }
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

function countWords(parts: string[]): number {
  return parts.reduce((total, part) => total + (part.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0), 0);
}

/** The wanted slug, or, when another story holds it, the slug with a suffix from this story's identity. */
async function uniqueSlug(manager: EntityManager, wanted: string, identityKey: string): Promise<string> {
  const taken = await manager.exists(Article, { where: { slug: wanted, identityKey: Not(identityKey) } });
  return taken ? `${wanted}-${identityKey.slice(0, 8)}` : wanted;
}

/** Checks a story's shape and values, naming the field at fault. */
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
