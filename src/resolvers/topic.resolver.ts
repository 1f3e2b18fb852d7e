import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import type { Article } from "../entities/article";
import { NamedEntity } from "../entities/named-entity";
import { Topic } from "../entities/topic";
import { InvalidInputError, NotFoundError } from "../services/errors";
import { articleConnectionOf } from "./article-connection-of";
import { entityConnection } from "./entity-lookup";
import { loadNode } from "./load-node";
import { ArticleConnection } from "./types/article-connection";
import { ArticleFilterInput } from "./types/article-filter.input";
import { ArticleOrder } from "./types/article-order";
import { ConnectionArgs } from "./types/connection-args";
import type { ConnectionValue } from "./types/connection";
import { TopicConnection } from "./types/topic-connection";

/** Topics: lookups, the taxonomy, and a topic's stories. */
@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => Topic, { nullable: true, description: "One topic, by exactly one of ID or slug. Unknown: null and a NOT_FOUND error." })
  async topic(
    @Ctx() context: Context,
    @Arg("id", () => ID, { nullable: true, description: "The topic's global ID." }) id?: string,
    @Arg("slug", () => String, { nullable: true, description: 'The topic\'s slug ("syria").' }) slug?: string,
  ): Promise<NamedEntity> {
    if ((id == null) === (slug == null)) throw new InvalidInputError("pass exactly one of id or slug");
    if (id != null) return (await loadNode(context, id, ["Topic"])) as Topic;
    const topic = await context.manager.findOne(Topic, { where: { slug: slug! } });
    if (!topic) throw new NotFoundError(`no topic has the slug "${slug}"`);
    return topic;
  }

  @Query(() => TopicConnection, { description: "All topics of the taxonomy, by name." })
  topics(
    @Ctx() context: Context,
    @Args() page: ConnectionArgs,
    @Arg("nameStartsWith", () => String, { nullable: true, description: "Only topics with a name or alias starting with this (type-ahead)." }) nameStartsWith?: string,
  ): Promise<ConnectionValue<NamedEntity>> {
    return entityConnection(context, "Topic", { ...page, nameStartsWith });
  }

  @FieldResolver(() => Topic, { nullable: true, description: "The broader topic; null for the IPTC top level." })
  async parent(@Root() topic: Topic, @Ctx() context: Context): Promise<NamedEntity | null> {
    return topic.parentId === null ? null : context.loaders.entity.load(topic.parentId);
  }

  @FieldResolver(() => [Topic], { description: "The narrower topics directly below this one, by name." })
  children(@Root() topic: Topic, @Ctx() context: Context): Promise<Topic[]> {
    return context.loaders.subtopics.load(topic.id);
  }

  @FieldResolver(() => ArticleConnection, { description: "Stories filed under the topic, newest first unless `orderBy` says otherwise." })
  articles(
    @Root() topic: Topic,
    @Ctx() context: Context,
    @Args() page: ConnectionArgs,
    @Arg("orderBy", () => ArticleOrder, { defaultValue: ArticleOrder.NEWEST, description: "The order of the list." }) orderBy?: ArticleOrder,
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: "Conditions the stories must also meet." }) filter?: ArticleFilterInput,
  ): Promise<ConnectionValue<Article>> {
    return articleConnectionOf(context, topic.id, ["topic"], { ...page, orderBy, filter });
  }
}
