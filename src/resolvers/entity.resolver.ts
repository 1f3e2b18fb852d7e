import { GraphQLDate } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../context.type";
import { NamedEntity } from "../entities/named-entity";
import { NEWEST_STORIES_COUNTED } from "../services/co-mention-ranker";
import { coMentionsOf, MAX_CO_MENTIONS } from "./co-mentions-of";
import { CoMentionEdge } from "./types/co-mention-edge";

/** Fields every entity type (person, place, organization, topic) resolves the same way. */
@Resolver(() => NamedEntity)
export class EntityResolver {
  @FieldResolver(() => [String], { description: "Other names the entity goes by in copy: short forms, spellings, acronyms." })
  aliases(@Root() entity: NamedEntity, @Ctx() context: Context): Promise<string[]> {
    return context.loaders.aliases.load(entity.id);
  }

  @FieldResolver(() => [CoMentionEdge], {
    description:
      `Who or what is in the news with this entity: the people, places and organizations most often named in the same stories (for a topic, in the stories filed under it), with how many stories they share, counted in this entity's newest ${NEWEST_STORIES_COUNTED.toLocaleString("en")} stories, optionally only stories published from \`from\` to \`to\`.`,
  })
  coMentions(
    @Root() entity: NamedEntity,
    @Ctx() context: Context,
    @Arg("first", () => Int, { defaultValue: 10, description: `How many entities, 0 to ${MAX_CO_MENTIONS}.` }) first: number,
    @Arg("from", () => GraphQLDate, { nullable: true, description: "Count only stories published on or after this day (UTC)." }) from?: Date | null,
    @Arg("to", () => GraphQLDate, { nullable: true, description: "Count only stories published on or before this day (UTC, the whole day included)." }) to?: Date | null,
  ): Promise<CoMentionEdge[]> {
    return coMentionsOf(context, entity.id, { first, from, to });
  }
}
