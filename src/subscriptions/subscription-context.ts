import type { Context } from "../context.type";
import type { ArticleEventHub } from "../services/article-events/article-event-hub";

/**
 * The context of a subscription over WebSocket: a request's context (database, loaders, the
 * viewer named by the connection's API key) plus the server's live-update hub it subscribes to.
 */
export interface SubscriptionContext extends Context {
  articleEvents: ArticleEventHub;
}
