import { useState } from "react";
import { precedingRange, type DateRange, type EntityRef } from "../model";
import { TRENDING } from "../queries";
import { useQuery } from "../use-query";
import { EntityChip } from "./entity-chip";
import { ErrorNote } from "./status";

interface TrendingEntity {
  entity: EntityRef;
  windowCount: number;
  baselineCount: number;
  change: number;
  score: number;
}

const KINDS = [
  ["ANY", "All"],
  ["PERSON", "People"],
  ["PLACE", "Places"],
  ["ORGANIZATION", "Organizations"],
  ["TOPIC", "Topics"],
] as const;

/** What rose most in the chosen range against the same length of time just before it (`trending`). */
export function Trending({ range, onPick }: { range: DateRange; onPick: (entity: EntityRef) => void }) {
  const [kind, setKind] = useState<(typeof KINDS)[number][0]>("ANY");
  const baseline = precedingRange(range);
  const { data, error, loading } = useQuery<{ trending: TrendingEntity[] }>(TRENDING, { kind, window: range, baseline });
  return (
    <section className="panel trending" aria-labelledby="trending-heading" aria-busy={loading}>
      <h2 id="trending-heading">Trending</h2>
      <p className="hint">
        {range.from} to {range.to}, against {baseline.from} to {baseline.to}
      </p>
      <label>
        Kind{" "}
        <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote error={error} />
      {data && data.trending.length === 0 && <p className="hint">Nothing rose in this range.</p>}
      <ol className="trending-list">
        {data?.trending.map((item) => (
          <li key={item.entity.id}>
            <EntityChip entity={item.entity} onPick={onPick} />
            <span className="counts">
              {item.windowCount} now, {item.baselineCount} before{item.change >= 1.05 ? `, ×${item.change.toFixed(1)}` : ""}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
