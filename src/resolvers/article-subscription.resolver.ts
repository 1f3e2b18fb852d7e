import { Arg, Ctx, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import { Article } from "../entities/article";
import { Loaders } from "../loaders";
import type { ArticleEventKind } from "../services/article-events/article-event";
import type { SubscriptionContext } from "../subscriptions/subscription-context";
import { ArticleFilterInput } from "./types/article-filter.input";
import { IdMatchInput } from "./types/id-match.input";

const FILTER_DESCRIPTION = "Only stories meeting these conditions, as in `articles(filter:)`: a topic takes in its subtopics, a place the places inside it.";

/**
 * Live updates over the graphql-ws protocol (WebSocket at `/graphql`). Each subscription reads the
 * server's database feed (ArticleEventHub), which every writer fills, the ingest command included.
 */
@Resolver()
export class ArticleSubscriptionResolver {
  @Subscription(() => Article, {
    description:
      "Each new story matching the filter, whoever stores it: a mutation, or `npm run ingest` in another process writing the same database. Over the graphql-ws protocol on `/graphql`; the server looks for new stories several times a second. A story is sent as it stands when sent: changes committed in the same poll as its creation are part of it, not a separate `articleUpdated`.",
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { filter?: ArticleFilterInput | null }, SubscriptionContext>) =>
      subscribeTo(context, "published", args.filter),
  })
  articlePublished(
    @Root() article: Article,
    @Ctx() context: SubscriptionContext,
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: FILTER_DESCRIPTION }) _filter?: ArticleFilterInput,
  ): Article {
    return freshFor(context, article);
  }

  @Subscription(() => Article, {
    description:
      "Each story matching the filter when it changes after its publication was sent (re-ingested with changes, edited), as it stands after the change. Changes committed in one poll arrive as one; a story created and changed in one poll arrives only as `articlePublished`.",
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { filter?: ArticleFilterInput | null }, SubscriptionContext>) =>
      subscribeTo(context, "updated", args.filter),
  })
  articleUpdated(
    @Root() article: Article,
    @Ctx() context: SubscriptionContext,
    @Arg("filter", () => ArticleFilterInput, { nullable: true, description: FILTER_DESCRIPTION }) _filter?: ArticleFilterInput,
  ): Article {
    return freshFor(context, article);
  }
}

function subscribeTo(context: SubscriptionContext, kind: ArticleEventKind, filter: ArticleFilterInput | null | undefined): AsyncIterable<Article> {
  // A bad ID or search query in the filter fails here, before anything is registered. Merged-away
  // IDs stay as given: the hub follows merges at each batch, so a merge made later is followed too.
  return context.articleEvents.subscribe(kind, filterInput(filter)?.decode() ?? {});
}

/**
 * A subscription keeps one context for its whole life, and loaders cache what they read: each
 * event starts its fields on fresh loaders, so a story sent again shows its new people and topics.
 */
function freshFor(context: SubscriptionContext, article: Article): Article {
  context.loaders = new Loaders(context.manager);
  return article;
}

/**
 * type-graphql hands a `subscribe` function its arguments as GraphQL parsed them, plain objects,
 * not the input classes it builds for resolver methods; this rebuilds the classes of the filter
 * (ArticleFilterInput with its IdMatchInput fields and nested filters) so their methods exist.
 */
function filterInput(plain: ArticleFilterInput | null | undefined): ArticleFilterInput | undefined {
  if (plain == null) return undefined;
  const idMatch = (match: IdMatchInput | undefined) => (match == null ? undefined : Object.assign(new IdMatchInput(), match));
  const nested = (filters: ArticleFilterInput[] | undefined) => filters?.map((filter) => filterInput(filter)!);
  return Object.assign(new ArticleFilterInput(), plain, {
    people: idMatch(plain.people),
    places: idMatch(plain.places),
    organizations: idMatch(plain.organizations),
    topics: idMatch(plain.topics),
    and: nested(plain.and),
    or: nested(plain.or),
    not: filterInput(plain.not),
  });
}
