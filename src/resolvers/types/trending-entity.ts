import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { DASHBOARD_CACHE_HINT } from "../../cache-hints/cache-control";
import { NamedEntity } from "../../entities/named-entity";

/** An entity whose share of coverage rose in a window against a baseline. */
@Directive(DASHBOARD_CACHE_HINT)
@ObjectType({
  description:
    "An entity whose share of coverage rose in the window against the baseline. Its share in a period is its stories over all (story, entity) pairs of the kind asked for, so a busier window lifts nobody by itself.",
})
export class TrendingEntity {
  @Field(() => NamedEntity, { description: "The person, place, organization or topic." })
  entity!: NamedEntity;

  @Field(() => Int, { description: "Stories in the window that name it (for a topic, filed under it)." })
  windowCount!: number;

  @Field(() => Int, { description: "Stories in the baseline that name it (for a topic, filed under it)." })
  baselineCount!: number;

  @Field(() => Float, {
    description:
      "e^δ, where δ is the smoothed log-odds ratio of its share in the window over its share in the baseline (see `score`): about how many times its share grew, 1 meaning unchanged. The prior keeps it finite when the baseline never names it.",
  })
  change!: number;

  @Field(() => Float, {
    description:
      "The order of the list: z = δ/σ, the log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi and Quinn (\"Fightin' Words\", 2008). With y the entity's counts and n the totals of the window (W) and baseline (B): α₀ = max(1, min(n_W, n_B)), α = α₀·(y_W + y_B)/(n_W + n_B), δ = ln((y_W + α)/(n_W + α₀ − y_W − α)) − ln((y_B + α)/(n_B + α₀ − y_B − α)), σ² = 1/(y_W + α) + 1/(y_B + α). A rise seen in a few stories has a large σ, so it cannot top the list by chance; only entities with z > 0 are listed.",
  })
  score!: number;
}
