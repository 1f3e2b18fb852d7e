import { Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { INHERIT_CACHE_HINT } from "../../cache-hints/cache-control";
import type { Page } from "../../services/pagination";
import { PageInfo } from "./page-info";

/** The shape every connection object has before GraphQL resolves it. */
export interface ConnectionValue<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  /** A getter, read only when a client asks for the count, so lists that do not ask never count. */
  readonly totalCount: Promise<number>;
}

/**
 * Makes the Relay connection and edge types for a node type: `XConnection { edges { cursor node }
 * pageInfo totalCount }`. One factory, so every list of the API pages the same way.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, nodeName: string, description: string) {
  @Directive(INHERIT_CACHE_HINT)
  @ObjectType(`${nodeName}Edge`, { description: `One ${description} in a list, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque position of this item; pass it as `after` or `before` to page from here." })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${description}.` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionBase {
    @Field(() => [Edge], { description: "The items of this page, in list order." })
    edges!: Edge[];

    @Field(() => PageInfo, { description: "Where this page sits in the list." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items the whole list holds, across all pages." })
    totalCount!: number;
  }
  return ConnectionBase;
}

/** Builds a connection value from a page and a count that runs only when asked for. */
export function toConnection<T>(page: Page<T>, count: () => Promise<number>): ConnectionValue<T> {
  return {
    edges: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.items[0]?.cursor ?? null,
      endCursor: page.items.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return count();
    },
  };
}
