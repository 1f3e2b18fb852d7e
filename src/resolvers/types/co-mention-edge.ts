import { Directive, Field, Int, ObjectType } from "type-graphql";
import { DASHBOARD_CACHE_HINT } from "../../cache-hints/cache-control";
import { NEWEST_STORIES_COUNTED } from "../../services/co-mention-ranker";
import type { Period } from "../../services/dashboard/period";

/** An entity named in the same stories as another. */
@Directive(DASHBOARD_CACHE_HINT)
@ObjectType({ description: "An entity named in the same stories as another, how many stories they share, and the newest of them." })
export class CoMentionEdge {
  @Field(() => Int, { description: `Stories that name both, among the newest ${NEWEST_STORIES_COUNTED.toLocaleString("en")} stories of the entity asked about (within the period asked for).` })
  count!: number;

  /** The entity asked about; with `entityId` and `period`, what the edge's resolver loads the stories of. */
  sourceId!: number;
  /** Resolved by the edge's resolver, batched across edges. */
  entityId!: number;
  period!: Period;
}
