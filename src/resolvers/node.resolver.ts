import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../context.type";
import type { DeletedArticle } from "../entities/deleted-article";
import { Node } from "../entities/node";
import { InvalidInputError } from "../services/errors";
import { MAX_PAGE_SIZE } from "../services/pagination";
import { loadNode } from "./load-node";

/** Relay's entry points: any object by its global ID. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global ID. An unknown ID gives null and a NOT_FOUND error; a malformed one, BAD_USER_INPUT. A deleted story's ID gives a `DeletedArticle`; a merged entity's old ID gives the entity it was merged into." })
  node(@Arg("id", () => ID, { description: "A global ID from any `id` field." }) id: string, @Ctx() context: Context): Promise<Node | DeletedArticle> {
    return loadNode(context, id);
  }

  @Query(() => [Node], {
    nullable: "items",
    description: "Several objects by global ID, in the order asked. Each unknown ID gives null at its position and a NOT_FOUND error naming it.",
  })
  nodes(@Arg("ids", () => [ID], { description: "Up to 100 global IDs." }) ids: string[], @Ctx() context: Context): Array<Promise<Node | DeletedArticle>> {
    if (ids.length > MAX_PAGE_SIZE) throw new InvalidInputError(`ids may hold at most ${MAX_PAGE_SIZE} IDs, got ${ids.length}`, "ids");
    return ids.map((id) => loadNode(context, id));
  }
}
