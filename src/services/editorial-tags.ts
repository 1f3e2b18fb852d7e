import { In, type EntityManager } from "typeorm";
import { Article } from "../entities/article";
import { ArticleTopic } from "../entities/article-topic";
import { EditorialTag } from "../entities/editorial-tag";
import { Mention } from "../entities/mention";
import { MentionRole } from "../entities/mention-role";
import { NamedEntity } from "../entities/named-entity";
import { Topic } from "../entities/topic";
import type { ArticleInput, ArticleTags, EntityTag } from "./article-input";
import { EntityRegistry } from "./entity-registry";
import { currentEntityIdsIn } from "./entity-redirects";
import { InvalidInputError, NotFoundError } from "./errors";
import { locateMentions } from "./extraction/mention-locator";
import { nameKey } from "./names";

/** The tag group of the story schema each kind of entity is filed under. */
const GROUPS = { Person: "people", Place: "places", Organization: "organizations" } as const;

/** What a tag names: an entity by key, a person, place or organization by name, or a topic by slug. */
export type TagTarget = { entityId: number } | { type: "Person" | "Place" | "Organization"; name: string } | { topicSlug: string };

/** How an editor tags an entity: the role and salience (a topic's weight) they choose, else measured. */
export interface TagOptions {
  role?: MentionRole | null;
  salience?: number | null;
}

/**
 * Editorial tags: an editor's decision that a story is (or is not) about an entity or topic. Each
 * decision is stored in `editorial_tag` and applied to the story at once; the article writer calls
 * {@link applyEditorialTags} when the story is ingested again, so the decision outlives
 * re-extraction, and wins over it.
 */
export class EditorialTags {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The entity or topic a tag names. A name not known yet registers a new entity when `create`
   * (tagging) and is NOT_FOUND otherwise (untagging); an unknown topic slug is BAD_USER_INPUT,
   * since the taxonomy is not grown by tagging.
   */
  async target(target: TagTarget, create: boolean): Promise<NamedEntity> {
    if ("entityId" in target) {
      // The ID of a merged-away entity means the entity it was merged into.
      const [current] = await currentEntityIdsIn(this.manager)([target.entityId]);
      const entity = await this.manager.findOne(NamedEntity, { where: { id: current } });
      if (!entity) throw new NotFoundError("no entity has that ID");
      return entity;
    }
    if ("topicSlug" in target) {
      const topic = await this.manager.findOne(Topic, { where: { slug: target.topicSlug } });
      if (!topic) throw new InvalidInputError(`no topic has the slug "${target.topicSlug}"`, "topic");
      return topic;
    }
    const registry = new EntityRegistry(this.manager);
    if (create) return registry.findOrCreate(target.type, target.name);
    const found = await registry.findByName(target.type, target.name);
    if (!found) throw new NotFoundError(`no ${target.type.toLowerCase()} is named "${target.name}"`);
    return found;
  }

  /** Tags the story with the entity or topic, replacing what extraction recorded for it. */
  async tag(article: Article, entity: NamedEntity, options: TagOptions = {}): Promise<void> {
    if (options.salience != null && !(options.salience >= 0 && options.salience <= 1)) {
      throw new InvalidInputError(`salience must be from 0 to 1, got ${options.salience}`, "salience");
    }
    if (entity instanceof Topic && options.role != null) throw new InvalidInputError("a topic takes a weight (salience), not a role", "role");
    await this.manager.transaction(async (manager) => {
      await manager.upsert(
        EditorialTag,
        { articleId: article.id, entityId: entity.id, action: "ADD", role: options.role ?? null, salience: options.salience ?? null },
        ["articleId", "entityId"],
      );
      await markRevised(manager, article);
      if (entity instanceof Topic) {
        await manager.upsert(ArticleTopic, { articleId: article.id, topicId: entity.id, weight: options.salience ?? 1 }, ["articleId", "topicId"]);
        return;
      }
      const existing = await manager.findOne(Mention, { where: { articleId: article.id, entityId: entity.id } });
      const aliases = (await new EntityRegistry(manager).aliasesOf([entity.id])).get(entity.id) ?? [];
      const [found] = locateMentions(
        { headline: article.headline, summary: article.summary, body: article.paragraphs },
        [{ key: entity.id, surfaceForms: [entity.name, ...aliases] }],
      );
      const mention = {
        articleId: article.id,
        entityId: entity.id,
        role: options.role ?? existing?.role ?? MentionRole.MENTIONED,
        salience: options.salience ?? existing?.salience ?? found.salience,
        count: Math.max(found.count, existing?.count ?? 0),
        evidence: found.evidence ?? existing?.evidence ?? null,
      };
      if (existing) await manager.update(Mention, existing.id, mention);
      else await manager.insert(Mention, mention);
    });
  }

  /** Takes the entity or topic off the story, and keeps it off when the story is ingested again. */
  async untag(article: Article, entity: NamedEntity): Promise<void> {
    await this.manager.transaction(async (manager) => {
      await manager.upsert(EditorialTag, { articleId: article.id, entityId: entity.id, action: "REMOVE", role: null, salience: null }, ["articleId", "entityId"]);
      await markRevised(manager, article);
      if (entity instanceof Topic) await manager.delete(ArticleTopic, { articleId: article.id, topicId: entity.id });
      else await manager.delete(Mention, { articleId: article.id, entityId: entity.id });
    });
  }
}

/**
 * Stamps the story as revised now. Besides telling clients when the story last changed, the
 * update of its row is what puts an `articleUpdated` event in the live feed, since a tag changes
 * only the story's edges.
 */
async function markRevised(manager: EntityManager, article: Article): Promise<void> {
  await manager.update(Article, article.id, { revisedAt: new Date() });
}

/**
 * The story with the editors' stored decisions about it applied, for the article writer to store:
 * tagged entities and topics are put first among the editorial tags (taking over the role and
 * salience extraction found when the editor gave none), untagged ones are dropped from the tags
 * and from the people its photos show. A story not stored yet has no decisions; nor do most, and
 * then this costs one statement.
 */
export async function applyEditorialTags(manager: EntityManager, articleId: number | null, story: ArticleInput): Promise<ArticleInput> {
  if (articleId === null) return story;
  const decisions = await manager.find(EditorialTag, { where: { articleId } });
  if (decisions.length === 0) return story;
  const entities = new Map((await manager.find(NamedEntity, { where: { id: In(decisions.map((decision) => decision.entityId)) } })).map((entity) => [entity.id, entity]));
  const aliases = await new EntityRegistry(manager).aliasesOf([...entities.keys()]);
  const tags: ArticleTags = { ...story.tags };
  let photos = story.photos;
  for (const decision of decisions) {
    const entity = entities.get(decision.entityId);
    if (!entity) continue;
    if (entity instanceof Topic) {
      const others = (tags.topics ?? []).filter((tag) => tag.slug !== entity.slug);
      tags.topics = decision.action === "ADD" ? [{ slug: entity.slug, ...(decision.salience !== null ? { weight: decision.salience } : {}) }, ...others] : others;
      continue;
    }
    const group = GROUPS[entity.nodeType as keyof typeof GROUPS];
    const keys = new Set([entity.name, ...(aliases.get(entity.id) ?? [])].map(nameKey));
    const names = (tag: EntityTag) => [tag.name, ...(tag.surfaceForms ?? [])].some((name) => keys.has(nameKey(name)));
    const replaced = (tags[group] ?? []).filter(names);
    const others = (tags[group] ?? []).filter((tag) => !names(tag));
    if (decision.action === "REMOVE") {
      tags[group] = others;
      if (entity.nodeType === "Person") photos = photos?.map((photo) => ({ ...photo, depicts: photo.depicts?.filter((name) => !keys.has(nameKey(name))) }));
      continue;
    }
    const surfaceForms = [...new Set(replaced.flatMap((tag) => tag.surfaceForms ?? []))];
    const editorial: EntityTag = {
      name: entity.name,
      role: (decision.role as EntityTag["role"]) ?? replaced[0]?.role,
      salience: decision.salience ?? replaced[0]?.salience,
      ...(surfaceForms.length > 0 ? { surfaceForms } : {}),
    };
    tags[group] = [editorial, ...others];
  }
  return { ...story, tags, photos };
}
