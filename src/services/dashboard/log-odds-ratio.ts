/** How often an item occurs in two periods, and how many occurrences each period has in all. */
export interface PeriodCounts {
  window: number;
  baseline: number;
  windowTotal: number;
  baselineTotal: number;
}

/** The log-odds ratio of an item's share in the window over its share in the baseline, and its z-score. */
export interface LogOddsRatio {
  /** δ: the smoothed log-odds ratio; positive when the item's share rose. */
  delta: number;
  /** δ / σ: δ in standard deviations, which small counts cannot inflate. */
  z: number;
}

/**
 * The weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi and Quinn,
 * "Fightin' Words" (Political Analysis, 2008), comparing a window against a baseline:
 *
 *   α₀ = max(1, min(n_W, n_B))
 *   α = α₀ · (y_W + y_B) / (n_W + n_B)
 *   δ = ln((y_W + α) / (n_W + α₀ − y_W − α)) − ln((y_B + α) / (n_B + α₀ − y_B − α))
 *   σ² = 1 / (y_W + α) + 1 / (y_B + α)
 *   z = δ / σ
 *
 * with y the item's counts and n the totals of the window (W) and the baseline (B). The prior is
 * worth as many occurrences as the smaller period holds (α₀), shared among the items by their
 * share of the two periods pooled: an item seen a handful of times is pulled towards "no change",
 * one seen often keeps its own rates, and σ keeps a rise from a few occurrences from scoring high.
 */
export function logOddsRatio(counts: PeriodCounts): LogOddsRatio {
  const { window, baseline, windowTotal, baselineTotal } = counts;
  const priorStrength = Math.max(1, Math.min(windowTotal, baselineTotal));
  const pooled = windowTotal + baselineTotal;
  const alpha = pooled > 0 ? (priorStrength * (window + baseline)) / pooled : 0;
  const logOdds = (count: number, total: number) => Math.log((count + alpha) / (total + priorStrength - count - alpha));
  const delta = logOdds(window, windowTotal) - logOdds(baseline, baselineTotal);
  const variance = 1 / (window + alpha) + 1 / (baseline + alpha);
  return { delta, z: delta / Math.sqrt(variance) };
}
