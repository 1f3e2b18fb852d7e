import type { PubSub } from "type-graphql";

/**
 * The `pubSub` given to type-graphql's buildSchema, which refuses to build a schema with
 * subscriptions without one, even when each subscription brings its own `subscribe` function as
 * ours do: they read the server's database feed (ArticleEventHub) from their context, so that
 * every writer, in any process, reaches every subscriber. An in-memory PubSub would only carry
 * what this process publishes; this one says so if a `@Subscription({ topics })` ever reaches it.
 */
export const feedOnlyPubSub: PubSub = {
  publish(routingKey: string): void {
    throw new Error(`no in-process topics ("${routingKey}"): live updates come from the database feed, ArticleEventHub`);
  },
  subscribe(routingKey: string): AsyncIterable<unknown> {
    throw new Error(`no in-process topics ("${routingKey}"): subscribe through the database feed, ArticleEventHub`);
  },
};
