import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import { Article } from "../entities/article";
import { Mention } from "../entities/mention";
import { NamedEntity } from "../entities/named-entity";
import { Organization } from "../entities/organization";
import { Person } from "../entities/person";
import { Photo } from "../entities/photo";
import { Place } from "../entities/place";
import { Topic } from "../entities/topic";
import { ArticleQuery } from "../services/article-query";
import { InvalidInputError, NotFoundError } from "../services/errors";
import { checkedCount } from "../services/checked-count";
import { toPageRequest } from "../services/pagination";
import { loadNode } from "./load-node";
import { ArticleConnection } from "./types/article-connection";
import { ArticleFilterInput } from "./types/article-filter.input";
import { ArticleOrder } from "./types/article-order";
import { ConnectionArgs } from "./types/connection-args";
import { toConnection, type ConnectionValue } from "./types/connection";
import { EntityKind } from "./types/entity-kind";
import { RelatedCoverageEdge } from "./types/related-coverage-edge";

/** The most related stories one story lists. */
const MAX_RELATED = 20;

/** Stories: lookups, the filtered list, and every relation of a story. */
@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, {
    nullable: true,
    description: "One story, by exactly one of its ID, slug or canonical URL. A story that does not exist gives null and a NOT_FOUND error; the ID of a deleted story gives null and no error (`node(id:)` answers with a `DeletedArticle`).",
  })
  async article(
    @Ctx() context: Context,
    @Arg("id", () => ID, { nullable: true, description: "The story's global ID." }) id?: string,
    @Arg("slug", () => String, { nullable: true, description: "The story's slug." }) slug?: string,
    @Arg("url", () => String, { nullable: true, description: "The story's canonical URL." }) url?: string,
  ): Promise<Article | null> {
    const given = [id, slug, url].filter((value) => value != null);
    if (given.length !== 1) throw new InvalidInputError("pass exactly one of id, slug or url");
    // A deleted story's ID answers null without an error (`node(id:)` tells when it was deleted).
    if (id != null) return loadNode(context, id, ["Article"]).then((node) => (node instanceof Article ? node : null));
    const article = await context.manager.findOne(Article, { where: slug != null ? { slug } : { url: url! } });
    if (!article) throw new NotFoundError(slug != null ? `no story has the slug "${slug}"` : `no story has the URL "${url}"`);
    return article;
  }

  @Query(() => ArticleConnection, { description: "Stories matching a filter, newest first unless `orderBy` says otherwise." })
  async articles(
    @Ctx() context: Context,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: "Conditions the stories must meet." }) filter?: ArticleFilterInput,
    @Arg("orderBy", () => ArticleOrder, { defaultValue: ArticleOrder.NEWEST, description: "The order of the list." }) orderBy?: ArticleOrder,
  ): Promise<ConnectionValue<Article>> {
    const query = new ArticleQuery(context.manager);
    const articleFilter = (await filter?.toArticleFilter(context.loaders)) ?? {};
    const request = toPageRequest(page);
    return query.list(articleFilter, orderBy ?? ArticleOrder.NEWEST, request).then((result) => toConnection(result, () => query.count(articleFilter)));
  }

  @FieldResolver(() => [Person], { description: "The writers named in the byline, in byline order." })
  authors(@Root() article: Article, @Ctx() context: Context): Promise<Person[]> {
    return context.loaders.authorsOfArticle.load(article.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The news organization that published the story." })
  async publisher(@Root() article: Article, @Ctx() context: Context): Promise<NamedEntity | null> {
    return article.publisherId === null ? null : context.loaders.entity.load(article.publisherId);
  }

  @FieldResolver(() => Place, { nullable: true, description: "The place the story was filed from." })
  async dateline(@Root() article: Article, @Ctx() context: Context): Promise<NamedEntity | null> {
    return article.datelineId === null ? null : context.loaders.entity.load(article.datelineId);
  }

  @FieldResolver(() => [Photo], { description: "The story's photos in page order; the first is the lead photo." })
  photos(@Root() article: Article, @Ctx() context: Context): Promise<Photo[]> {
    return context.loaders.photosOfArticle.load(article.id);
  }

  @FieldResolver(() => [Topic], { description: "The topics the story is filed under, the most central first." })
  topics(@Root() article: Article, @Ctx() context: Context): Promise<Topic[]> {
    return context.loaders.topicsOfArticle.load(article.id);
  }

  @FieldResolver(() => [Mention], { description: "The entities the story names, with role, salience, count and the sentence where each first occurs; most salient first." })
  async mentions(
    @Root() article: Article,
    @Ctx() context: Context,
    @Arg("type", () => EntityKind, { nullable: true, description: "Only entities of this kind." }) type?: EntityKind,
  ): Promise<Mention[]> {
    const mentions = await context.loaders.mentionsInArticle.load(article.id);
    return type ? mentions.filter((mention) => mention.entity.nodeType.toUpperCase() === type) : mentions;
  }

  @FieldResolver(() => [Person], { description: "The people the story names or pictures, most salient first." })
  people(@Root() article: Article, @Ctx() context: Context): Promise<Person[]> {
    return this.entitiesOfKind(article, context, Person);
  }

  @FieldResolver(() => [Place], { description: "The places the story names, most salient first." })
  places(@Root() article: Article, @Ctx() context: Context): Promise<Place[]> {
    return this.entitiesOfKind(article, context, Place);
  }

  @FieldResolver(() => [Organization], { description: "The organizations the story names, most salient first." })
  organizations(@Root() article: Article, @Ctx() context: Context): Promise<Organization[]> {
    return this.entitiesOfKind(article, context, Organization);
  }

  @FieldResolver(() => [RelatedCoverageEdge], {
    description: "Other stories on the same subject: the editors' links first, then stories ranked by shared entities (rarer ones weigh more), shared topics and closeness in time.",
  })
  async relatedCoverage(
    @Root() article: Article,
    @Ctx() context: Context,
    @Arg("first", () => Int, { defaultValue: 5, description: `How many related stories, 0 to ${MAX_RELATED}.` }) first: number,
  ): Promise<RelatedCoverageEdge[]> {
    const related = await context.loaders.relatedCoverage(checkedCount(first, MAX_RELATED, "first")).load(article.id);
    return related.map(({ article: relatedArticle, score, editorial, label, sharedEntityIds, sharedTopicIds }) => ({
      article: relatedArticle,
      score,
      isEditorial: editorial,
      label,
      sharedEntityIds,
      sharedTopicIds,
    }));
  }

  private async entitiesOfKind<E extends NamedEntity>(article: Article, context: Context, kind: abstract new () => E): Promise<E[]> {
    const mentions = await context.loaders.mentionsInArticle.load(article.id);
    return mentions.map((mention) => mention.entity).filter((entity): entity is E => entity instanceof kind);
  }
}
