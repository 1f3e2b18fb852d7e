import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context.type";
import { ApiRole } from "../entities/api-role";
import { Article } from "../entities/article";
import { DeletedArticle } from "../entities/deleted-article";
import { ArticleEditor } from "../services/article-editor";
import { EditorialTags, type TagTarget } from "../services/editorial-tags";
import { InvalidInputError } from "../services/errors";
import { Submission } from "../services/ingest/submission";
import { decodeIdAt, underArgument } from "./input-path";
import { ArticlePatchInput } from "./types/article-patch.input";
import { ArticleTagInput } from "./types/article-tag.input";
import { IngestArticleInput } from "./types/ingest-article.input";
import { IngestArticlePayload } from "./types/ingest-article-payload";
import type { IngestOutcome } from "./types/ingest-outcome";

/** Writing stories: ingest, edit, delete, and editorial tags. Every mutation needs an editor key. */
@Resolver()
export class ArticleMutationResolver {
  @Authorized(ApiRole.EDITOR)
  @Mutation(() => IngestArticlePayload, {
    description:
      "Ingests a story through the same pipeline as `npm run ingest`: a structured `article`, or a source `document` in a named format. Extraction completes it, editorial tags win, and sending the same story again updates it in place. Needs an editor key.",
  })
  ingestArticle(
    @Arg("input", () => IngestArticleInput, { description: "Exactly one of `article` or `document`." }) input: IngestArticleInput,
    @Ctx() context: Context,
  ): Promise<IngestArticlePayload> {
    return underArgument("input", async () => {
      if ((input.article == null) === (input.document == null)) throw new InvalidInputError("pass exactly one of article or document");
      const submission = new Submission(context.writer);
      const { written, failures } = input.article ? { written: [await submission.story(input.article.toStoryRecord())], failures: [] } : await submission.document(input.document!);
      return { results: written.map(({ outcome, article }) => ({ outcome: outcome as IngestOutcome, article })), failures };
    });
  }

  @Authorized(ApiRole.EDITOR)
  @Mutation(() => Article, { description: "Changes a story's text, dates, section, language or byline; search and lists see the change at once. Needs an editor key." })
  async updateArticle(
    @Arg("id", () => ID, { description: "The story's global ID." }) id: string,
    @Arg("patch", () => ArticlePatchInput, { description: "The fields to change." }) patch: ArticlePatchInput,
    @Ctx() context: Context,
  ): Promise<Article> {
    const editor = new ArticleEditor(context.writer.manager);
    const article = await editor.find(decodeIdAt(id, ["Article"], "id").id, id);
    return underArgument("patch", () => editor.update(article, patch));
  }

  @Authorized(ApiRole.EDITOR)
  @Mutation(() => DeletedArticle, {
    description:
      "Deletes a story: it leaves every list, search, facet, timeline and related coverage, and its ID answers `node(id:)` with this `DeletedArticle` from then on. Deleting it again returns the same answer. Needs an editor key.",
  })
  deleteArticle(@Arg("id", () => ID, { description: "The story's global ID." }) id: string, @Ctx() context: Context): Promise<DeletedArticle> {
    return new ArticleEditor(context.writer.manager).delete(decodeIdAt(id, ["Article"], "id").id, id);
  }

  @Authorized(ApiRole.EDITOR)
  @Mutation(() => Article, {
    description:
      "Tags a story with a person, place, organization or topic. The editor's tag wins over extraction and is applied again whenever the story is re-ingested. Needs an editor key.",
  })
  async tagArticle(
    @Arg("id", () => ID, { description: "The story's global ID." }) id: string,
    @Arg("tag", () => ArticleTagInput, { description: "What to tag it with." }) tag: ArticleTagInput,
    @Ctx() context: Context,
  ): Promise<Article> {
    const article = await new ArticleEditor(context.writer.manager).find(decodeIdAt(id, ["Article"], "id").id, id);
    const tags = new EditorialTags(context.writer.manager);
    await underArgument("tag", async () => tags.tag(article, await tags.target(tagTarget(tag), true), { role: tag.role, salience: tag.salience }));
    return article;
  }

  @Authorized(ApiRole.EDITOR)
  @Mutation(() => Article, {
    description: "Takes a person, place, organization or topic off a story, whether an editor or extraction put it there; it stays off when the story is re-ingested. Needs an editor key.",
  })
  async untagArticle(
    @Arg("id", () => ID, { description: "The story's global ID." }) id: string,
    @Arg("tag", () => ArticleTagInput, { description: "What to take off; `role` and `salience` are ignored." }) tag: ArticleTagInput,
    @Ctx() context: Context,
  ): Promise<Article> {
    const article = await new ArticleEditor(context.writer.manager).find(decodeIdAt(id, ["Article"], "id").id, id);
    const tags = new EditorialTags(context.writer.manager);
    await underArgument("tag", async () => tags.untag(article, await tags.target(tagTarget(tag), false)));
    return article;
  }
}

/** The one thing a tag input names; anything but exactly one is BAD_USER_INPUT (paths are within `tag`). */
function tagTarget(tag: ArticleTagInput): TagTarget {
  const given = (["entity", "person", "place", "organization", "topic"] as const).filter((field) => tag[field] != null);
  if (given.length !== 1) throw new InvalidInputError("pass exactly one of entity, person, place, organization or topic");
  switch (given[0]) {
    case "entity":
      return { entityId: decodeIdAt(tag.entity!, ["Person", "Place", "Organization", "Topic"], "entity").id };
    case "topic":
      return { topicSlug: tag.topic! };
    case "person":
      return { type: "Person", name: tag.person! };
    case "place":
      return { type: "Place", name: tag.place! };
    case "organization":
      return { type: "Organization", name: tag.organization! };
  }
}
