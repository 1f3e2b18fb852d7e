import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { DateRange, EntityRef, Interval } from "../model";
import { TIMELINE } from "../queries";
import { useQuery } from "../use-query";
import { ErrorNote } from "./status";

interface Series {
  entity: EntityRef;
  buckets: Array<{ start: string; count: number }>;
}

/** Distinct colours for up to eight series, readable on white. */
export const SERIES_COLOURS = ["#1f5fbf", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207", "#be185d"];

/**
 * Coverage over time of every followed entity, one line each, from `coverageTimeline`. Under the
 * chart, each series in words (total and busiest bucket) for readers who cannot see it.
 */
export function Timeline({ picked, range, interval }: { picked: EntityRef[]; range: DateRange; interval: Interval }) {
  const topics = picked.filter((entity) => entity.__typename === "Topic").map((entity) => entity.id);
  const entities = picked.filter((entity) => entity.__typename !== "Topic").map((entity) => entity.id);
  const { data, error, loading } = useQuery<{ coverageTimeline: Series[] }>(picked.length ? TIMELINE : null, { entities, topics, interval, from: range.from, to: range.to });
  const chartRef = useRef<HTMLDivElement>(null);
  const series = data?.coverageTimeline ?? [];
  const points = series[0]?.buckets.length ?? 0;
  const total = series.reduce((sum, one) => sum + one.buckets.reduce((s, bucket) => s + bucket.count, 0), 0);

  useEffect(() => {
    const container = chartRef.current;
    if (!container || series.length === 0) return;
    const xs = series[0].buckets.map((bucket) => Date.parse(`${bucket.start}T00:00:00Z`) / 1000);
    const plot = new uPlot(
      {
        width: Math.max(320, container.clientWidth),
        height: 240,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
        // A single bucket would leave uPlot no span to draw: give it a day either side.
        scales: { x: { time: true, range: (_u, min, max) => (min === max ? [min - 86_400, max + 86_400] : [min, max]) }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [{}, { label: "stories", size: 56 }],
        series: [
          { label: interval === "DAY" ? "Day" : interval === "WEEK" ? "Week of" : "Month" },
          ...series.map((one, index) => ({
            label: one.entity.name,
            stroke: SERIES_COLOURS[index % SERIES_COLOURS.length],
            width: 2,
            points: { show: points <= 60 },
          })),
        ],
      },
      [xs, ...series.map((one) => one.buckets.map((bucket) => bucket.count))],
      container,
    );
    // Follow the panel's width when the window is resized.
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, container.clientWidth), height: 240 }));
    resize.observe(container);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [data]);

  return (
    <section className="panel timeline" aria-labelledby="timeline-heading" aria-busy={loading}>
      <h2 id="timeline-heading">Coverage over time</h2>
      {picked.length === 0 && <p className="hint">Follow a topic, person, place or organization to chart its coverage.</p>}
      <ErrorNote error={error} />
      <div ref={chartRef} className="chart" data-testid="timeline-chart" data-points={points} data-total={total} />
      {series.length > 0 && (
        <ul className="series-summary">
          {series.map((one) => {
            const sum = one.buckets.reduce((s, bucket) => s + bucket.count, 0);
            const peak = one.buckets.reduce((best, bucket) => (bucket.count > best.count ? bucket : best), one.buckets[0]);
            return (
              <li key={one.entity.id}>
                <strong>{one.entity.name}</strong>: {sum} {sum === 1 ? "story" : "stories"} in {one.buckets.length} {interval.toLowerCase()}
                {one.buckets.length === 1 ? "" : "s"}
                {peak && peak.count > 0 ? `, most from ${peak.start} (${peak.count})` : ""}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
