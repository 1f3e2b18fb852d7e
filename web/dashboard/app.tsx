import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { request } from "./api";
import { ApiKeyField } from "./components/api-key-field";
import { CoMentionNetwork } from "./components/network";
import { EntityPicker } from "./components/entity-picker";
import { LatestStories } from "./components/latest-stories";
import { SearchPanel } from "./components/search-panel";
import { StoryPanel } from "./components/story-panel";
import { Timeline } from "./components/timeline";
import { Trending } from "./components/trending";
import { addDays, type DateRange, type EntityRef, type Interval } from "./model";
import { ARCHIVE_SPAN } from "./queries";
import { useKeyState } from "./use-key-state";

type Span = { newest: { edges: Array<{ node: { publishedAt: string | null } }> }; oldest: { edges: Array<{ node: { publishedAt: string | null } }> } };

/** How many entities can be followed at once: the timeline draws one line each. */
const MAX_FOLLOWED = 8;

/**
 * The newsroom dashboard. What is followed and the date range drive every panel: the timeline
 * charts the followed entities, trending compares the range with the one before, the network sits
 * on the centre entity (the first followed unless another is chosen), the latest stories are about
 * any followed entity. The range opens on the twelve months up to the newest story.
 */
export function App() {
  const [picked, setPicked] = useState<EntityRef[]>([]);
  const [centreId, setCentreId] = useState<string | null>(null);
  const [archive, setArchive] = useState<DateRange | null>(null);
  const [range, setRange] = useState<DateRange | null>(null);
  const [interval, setTimelineInterval] = useState<Interval>("MONTH");
  const [storyId, setStoryId] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const { key } = useKeyState();

  // Read again with a new key: the first attempt may have been refused for want of one.
  useEffect(() => {
    request<Span>(ARCHIVE_SPAN).then(
      (span) => {
        const today = new Date().toISOString().slice(0, 10);
        const newest = span.newest.edges[0]?.node.publishedAt?.slice(0, 10) ?? today;
        const oldest = span.oldest.edges[0]?.node.publishedAt?.slice(0, 10) ?? newest;
        setArchive({ from: oldest, to: newest });
        setRange({ from: addDays(newest, -364), to: newest });
      },
      () => {
        const today = new Date().toISOString().slice(0, 10);
        setRange((previous) => previous ?? { from: addDays(today, -364), to: today });
      },
    );
  }, [key]);

  const centre = picked.find((entity) => entity.id === centreId) ?? picked[0] ?? null;
  const follow = (entity: EntityRef) => setPicked((previous) => (previous.some((p) => p.id === entity.id) ? previous : [...previous, entity].slice(-MAX_FOLLOWED)));
  const recentre = (entity: EntityRef) => {
    follow(entity);
    setCentreId(entity.id);
  };
  const open = (id: string) => {
    if (!storyId) returnFocus.current = document.activeElement as HTMLElement | null;
    setStoryId(id);
  };
  const close = () => {
    setStoryId(null);
    returnFocus.current?.focus();
  };

  return (
    <div className="dashboard">
      <header className="top">
        <h1>Newsroom dashboard</h1>
        <EntityPicker picked={picked} centre={centre} onAdd={follow} onCentre={recentre}
          onRemove={(entity) => setPicked((previous) => previous.filter((p) => p.id !== entity.id))} />
        {range && <RangeControls range={range} archive={archive} interval={interval} onRange={setRange} onInterval={setTimelineInterval} />}
        <ApiKeyField />
        <p className="links"><a href="/graphiql">GraphiQL</a> · <a href="/graphql">API</a></p>
      </header>
      {range && (
        <main className="grid">
          <Timeline picked={picked} range={range} interval={interval} />
          <LatestStories picked={picked} onOpen={open} />
          <CoMentionNetwork centre={centre} range={range} onCentre={recentre} onOpen={open} />
          <Trending range={range} onPick={follow} />
          <SearchPanel onOpen={open} />
        </main>
      )}
      {storyId && <StoryPanel id={storyId} onClose={close} onOpen={open} onPick={follow} />}
    </div>
  );
}

function RangeControls({ range, archive, interval, onRange, onInterval }: {
  range: DateRange;
  archive: DateRange | null;
  interval: Interval;
  onRange: (range: DateRange) => void;
  onInterval: (interval: Interval) => void;
}) {
  const end = archive?.to ?? range.to;
  const presets: Array<[string, DateRange]> = [
    ["30 days", { from: addDays(end, -29), to: end }],
    ["12 months", { from: addDays(end, -364), to: end }],
  ];
  if (archive) presets.push(["All", archive]);
  const setDay = (which: keyof DateRange) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...range, [which]: event.target.value };
    if (/^\d{4}-\d{2}-\d{2}$/.test(next.from) && /^\d{4}-\d{2}-\d{2}$/.test(next.to) && next.from <= next.to) onRange(next);
  };
  return (
    <div className="range">
      <label>
        From <input type="date" value={range.from} max={range.to} onChange={setDay("from")} />
      </label>
      <label>
        to <input type="date" value={range.to} min={range.from} onChange={setDay("to")} />
      </label>
      <span className="presets" role="group" aria-label="Quick ranges">
        {presets.map(([label, preset]) => (
          <button key={label} type="button" aria-pressed={preset.from === range.from && preset.to === range.to} onClick={() => onRange(preset)}>
            {label}
          </button>
        ))}
      </span>
      <fieldset className="interval">
        <legend className="visually-hidden">Timeline interval</legend>
        {(["DAY", "WEEK", "MONTH"] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="interval" value={value} checked={interval === value} onChange={() => onInterval(value)} />
            {value === "DAY" ? "Day" : value === "WEEK" ? "Week" : "Month"}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
