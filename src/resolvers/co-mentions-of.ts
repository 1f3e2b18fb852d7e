import type { Context } from "../context.type";
import { periodOfDays } from "../services/dashboard/period";
import { checkedCount } from "../services/checked-count";
import type { CoMentionEdge } from "./types/co-mention-edge";

/** The most co-mentioned entities one entity lists. */
export const MAX_CO_MENTIONS = 50;

/** The arguments every `coMentions` field takes. */
export interface CoMentionArgs {
  first: number;
  /** First day of the stories counted (UTC), or unbounded. */
  from?: Date | null;
  /** Last day of the stories counted, included, or unbounded. */
  to?: Date | null;
}

/**
 * The co-mentions of one entity, through the request's loader for these arguments, so every
 * entity of a request asking the same way shares one statement. Bad arguments are BAD_USER_INPUT.
 */
export async function coMentionsOf(context: Context, entityId: number, args: CoMentionArgs): Promise<CoMentionEdge[]> {
  const first = checkedCount(args.first, MAX_CO_MENTIONS, "first");
  const period = periodOfDays(args.from, args.to);
  const coMentions = await context.loaders.coMentions({ first, period }).load(entityId);
  return coMentions.map((coMention) => ({ ...coMention, sourceId: entityId, period }));
}
