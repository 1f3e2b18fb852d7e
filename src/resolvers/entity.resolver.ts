import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import { NamedEntity } from "../entities/named-entity";
import { InvalidInputError } from "../services/errors";
import { CoMentionEdge } from "./types/co-mention-edge";

/** The most co-mentioned entities one entity lists. */
const MAX_CO_MENTIONS = 50;

/** Fields every entity type (person, place, organization, topic) resolves the same way. */
@Resolver(() => NamedEntity)
export class EntityResolver {
  @FieldResolver(() => [String], { description: "Other names the entity goes by in copy: short forms, spellings, acronyms." })
  aliases(@Root() entity: NamedEntity, @Ctx() context: Context): Promise<string[]> {
    return context.loaders.aliases.load(entity.id);
  }

  @FieldResolver(() => [CoMentionEdge], {
    description:
      "Who or what is in the news with this entity: the people, places and organizations most often named in the same stories (for a topic, in the stories filed under it), with how many stories they share.",
  })
  coMentions(
    @Root() entity: NamedEntity,
    @Ctx() context: Context,
    @Arg("first", () => Int, { defaultValue: 10, description: `How many entities, 0 to ${MAX_CO_MENTIONS}.` }) first: number,
  ): Promise<CoMentionEdge[]> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_CO_MENTIONS) {
      throw new InvalidInputError(`first must be an integer from 0 to ${MAX_CO_MENTIONS}, got ${first}`, "first");
    }
    return context.loaders.coMentions(first).load(entity.id);
  }
}
