import { useEffect, useState } from "react";
import { onLiveStatus, subscribe, type ApiFailure, type LiveStatus } from "../api";
import { anyOfFilter, type EntityRef } from "../model";
import { ARTICLE_PUBLISHED, LATEST } from "../queries";
import { useKeyState } from "../use-key-state";
import { useQuery } from "../use-query";
import { ErrorNote } from "./status";
import { StoryList, type StoryLine } from "./story-list";

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: "connecting…",
  live: "live",
  reconnecting: "reconnecting…",
  unavailable: "live updates unavailable",
  refused: "live updates refused: API key",
};

/**
 * The newest stories about any followed entity (all stories when none is followed), kept current by
 * the `articlePublished` subscription with the same filter: a story ingested anywhere appears at
 * the top, marked new, and is announced politely to screen readers.
 */
export function LatestStories({ picked, onOpen }: { picked: EntityRef[]; onOpen: (id: string) => void }) {
  const filter = anyOfFilter(picked);
  const filterKey = JSON.stringify(filter ?? null);
  const { data, error } = useQuery<{ articles: { totalCount: number; edges: Array<{ node: StoryLine }> } }>(LATEST, { filter });
  const [arrived, setArrived] = useState<StoryLine[]>([]);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [liveError, setLiveError] = useState<ApiFailure | null>(null);
  const { key } = useKeyState();

  useEffect(() => onLiveStatus(setStatus), []);
  useEffect(() => {
    setArrived([]);
    setLiveError(null);
    return subscribe<{ articlePublished: StoryLine }>(
      ARTICLE_PUBLISHED,
      { filter: JSON.parse(filterKey) },
      ({ articlePublished }) => setArrived((previous) => [articlePublished, ...previous.filter((story) => story.id !== articlePublished.id)].slice(0, 20)),
      setLiveError,
    );
  }, [filterKey, key]);

  const listed = data?.articles.edges.map((edge) => edge.node) ?? [];
  const stories = [...arrived, ...listed.filter((story) => !arrived.some((fresh) => fresh.id === story.id))];
  return (
    <section className="panel latest" aria-labelledby="latest-heading">
      <h2 id="latest-heading">
        Latest stories <span className={`live live-${status}`} data-testid="live-status">{STATUS_TEXT[status]}</span>
      </h2>
      {data && (
        <p className="hint">
          {data.articles.totalCount + arrived.length} {picked.length ? "about what you follow" : "in all"}
        </p>
      )}
      <ErrorNote error={error} />
      {/* Without a key both fail alike: say it once. */}
      <ErrorNote error={liveError?.message === error?.message ? null : liveError} />
      <div aria-live="polite" className="visually-hidden">
        {arrived.length ? `New story: ${arrived[0].headline}` : ""}
      </div>
      <StoryList stories={stories} onOpen={onOpen} fresh={new Set(arrived.map((story) => story.id))} label="Latest stories" />
    </section>
  );
}
