import type { EntityManager } from "typeorm";
import { Article } from "../entities/article";
import { ArticlePhoto } from "../entities/article-photo";
import { DeletedArticle } from "../entities/deleted-article";
import { countWords } from "./article-writer";
import { InvalidInputError, NotFoundError } from "./errors";
import { runSql } from "./sql";

/** Fields of a story an editor may change; absent fields are kept, null clears an optional one. */
export interface ArticlePatch {
  headline?: string;
  summary?: string | null;
  body?: string[];
  /** ISO 8601 date or timestamp. */
  publishedAt?: string | null;
  /** ISO 8601 date or timestamp. */
  updatedAt?: string | null;
  section?: string | null;
  language?: string;
  byline?: string | null;
}

/** A BCP 47 language tag in its common forms ("en", "pt-BR", "zh-Hant"). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * Edits and deletes stored stories. Edits change the stored story only, and the full-text index
 * follows by its triggers; a later ingest of a changed source record replaces them, an identical
 * one leaves them in place. Deletion removes the story and its edges everywhere and leaves a
 * tombstone, so its ID answers as deleted; article IDs are AUTOINCREMENT and never reused.
 */
export class ArticleEditor {
  constructor(private readonly manager: EntityManager) {}

  /** The stored story, or NOT_FOUND naming whether it was deleted. */
  async find(id: number, globalId: string): Promise<Article> {
    const article = await this.manager.findOne(Article, { where: { id } });
    if (article) return article;
    const deleted = await this.manager.findOne(DeletedArticle, { where: { id } });
    throw new NotFoundError(deleted ? `the story "${globalId}" was deleted on ${deleted.deletedAt.toISOString()}` : `no Article has the ID "${globalId}"`);
  }

  /** Applies the patch after checking every field; a bad one is BAD_USER_INPUT naming it. */
  async update(article: Article, patch: ArticlePatch): Promise<Article> {
    const changes: Partial<Article> = {};
    if (patch.headline !== undefined) {
      if (patch.headline === null || patch.headline.trim().length === 0) throw new InvalidInputError("headline must not be empty", "headline");
      if (patch.headline.length > 1000) throw new InvalidInputError("headline must be at most 1000 characters", "headline");
      changes.headline = patch.headline.trim();
    }
    if (patch.summary !== undefined) changes.summary = patch.summary === null || patch.summary.trim() === "" ? null : patch.summary.trim();
    if (patch.body !== undefined) {
      if (patch.body === null) throw new InvalidInputError("body must be a list of paragraphs (empty for none), not null", "body");
      changes.bodyText = patch.body.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 0).join("\n\n");
    }
    for (const date of ["publishedAt", "updatedAt"] as const) {
      const value = patch[date];
      if (value === undefined) continue;
      if (value !== null && Number.isNaN(Date.parse(value))) throw new InvalidInputError(`${date} must be an ISO 8601 date or timestamp, got "${value}"`, date);
      changes[date] = value === null ? null : new Date(value);
    }
    if (patch.section !== undefined) changes.section = patch.section?.trim() || null;
    if (patch.byline !== undefined) changes.byline = patch.byline?.trim() || null;
    if (patch.language !== undefined) {
      if (patch.language === null || !LANGUAGE_TAG.test(patch.language)) {
        throw new InvalidInputError(`language must be a BCP 47 tag such as "en" or "pt-BR", got ${JSON.stringify(patch.language)}`, "language");
      }
      changes.language = patch.language;
    }
    if (Object.keys(changes).length === 0) return article;
    const updated = { ...article, ...changes };
    changes.wordCount = countWords([updated.headline, updated.summary ?? "", updated.bodyText]);
    await this.manager.update(Article, article.id, changes);
    return (await this.manager.findOne(Article, { where: { id: article.id } }))!;
  }

  /**
   * Deletes the story: its edges go with it (the foreign keys cascade), so do photos no other
   * story shows, and the search index drops it by trigger. Deleting a deleted story again answers
   * with the same tombstone.
   */
  async delete(id: number, globalId: string): Promise<DeletedArticle> {
    return this.manager.transaction(async (manager) => {
      const tombstone = await manager.findOne(DeletedArticle, { where: { id } });
      if (tombstone) return tombstone;
      const article = await manager.findOne(Article, { where: { id } });
      if (!article) throw new NotFoundError(`no Article has the ID "${globalId}"`);
      const photoIds = (await manager.find(ArticlePhoto, { where: { articleId: id } })).map((row) => row.photoId);
      await manager.insert(DeletedArticle, { id, identityKey: article.identityKey, deletedAt: new Date() });
      await manager.delete(Article, id);
      if (photoIds.length > 0) {
        await runSql(manager, `DELETE FROM photo WHERE id IN (:...photoIds) AND id NOT IN (SELECT "photoId" FROM article_photo)`, { photoIds });
      }
      return (await manager.findOne(DeletedArticle, { where: { id } }))!;
    });
  }
}
