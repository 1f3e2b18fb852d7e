import { forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import { allOfFilter, rangeFilter, TYPE_LABEL, type DateRange, type EntityRef } from "../model";
import { CO_MENTIONS, STORIES_FOR } from "../queries";
import { useQuery } from "../use-query";
import { ErrorNote } from "./status";
import { StoryList, type StoryLine } from "./story-list";

interface CoMention {
  count: number;
  entity: EntityRef;
}

interface Node extends SimulationNodeDatum {
  entity: EntityRef;
  count: number;
}

const WIDTH = 640;
const HEIGHT = 380;

/**
 * The co-mention network: the centre entity in the middle, the entities named in the same stories
 * in the chosen range around it, each edge as wide as the stories they share. Nodes and edges are
 * buttons (Tab, Enter, Space): a node re-centres the network, an edge lists the shared stories.
 */
export function CoMentionNetwork({ centre, range, onCentre, onOpen }: {
  centre: EntityRef | null;
  range: DateRange;
  onCentre: (entity: EntityRef) => void;
  onOpen: (id: string) => void;
}) {
  const { data, error, loading } = useQuery<{ coMentions: CoMention[] }>(centre ? CO_MENTIONS : null, { entity: centre?.id, from: range.from, to: range.to });
  const [edge, setEdge] = useState<CoMention | null>(null);
  useEffect(() => setEdge(null), [centre?.id]);
  const layout = useMemo(() => (centre && data ? layoutAround(centre, data.coMentions) : null), [centre, data]);
  const widest = Math.max(1, ...(data?.coMentions.map((mention) => mention.count) ?? []));
  const edgeStories = useQuery<{ articles: { totalCount: number; edges: Array<{ node: StoryLine }> } }>(
    centre && edge ? STORIES_FOR : null,
    { filter: centre && edge ? { ...allOfFilter([centre, edge.entity]), ...rangeFilter(range) } : null },
  );
  const activate = (action: () => void) => (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      action();
    }
  };

  return (
    <section className="panel network" aria-labelledby="network-heading" aria-busy={loading}>
      <h2 id="network-heading">Named together{centre ? ` with ${centre.name}` : ""}</h2>
      {!centre && <p className="hint">Follow an entity to see who and what is named with it.</p>}
      <ErrorNote error={error} />
      {data && data.coMentions.length === 0 && <p className="hint">No stories in this range name anything with {centre?.name}.</p>}
      {layout && layout.others.length > 0 && (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="network-graph" role="group" aria-label={`Entities named with ${centre?.name}`} data-testid="network">
          {layout.others.map((node) => {
            const selected = edge?.entity.id === node.entity.id;
            const label = `${node.count} ${node.count === 1 ? "story names" : "stories name"} both ${centre?.name} and ${node.entity.name}: list them`;
            return (
              <g key={`edge-${node.entity.id}`} className={`edge${selected ? " selected" : ""}`} role="button" tabIndex={0} aria-label={label} aria-pressed={selected}
                onClick={() => setEdge(node)} onKeyDown={activate(() => setEdge(node))} data-testid="network-edge">
                <title>{label}</title>
                <line x1={layout.centre.x} y1={layout.centre.y} x2={node.x} y2={node.y} className="edge-hit" />
                <line x1={layout.centre.x} y1={layout.centre.y} x2={node.x} y2={node.y} className="edge-line" strokeWidth={1 + (7 * node.count) / widest} />
              </g>
            );
          })}
          {layout.others.map((node) => (
            <g key={node.entity.id} className={`node node-${node.entity.__typename.toLowerCase()}`} transform={`translate(${node.x},${node.y})`} role="button" tabIndex={0}
              aria-label={`${node.entity.name}, ${TYPE_LABEL[node.entity.__typename]}: centre the network here`}
              onClick={() => onCentre(node.entity)} onKeyDown={activate(() => onCentre(node.entity))} data-testid="network-node">
              <circle r={7 + Math.sqrt(node.count / widest) * 9} />
              <text y={-16} textAnchor="middle">{node.entity.name}</text>
            </g>
          ))}
          <g className={`node centre node-${layout.centre.entity.__typename.toLowerCase()}`} transform={`translate(${layout.centre.x},${layout.centre.y})`}>
            <circle r={20} />
            <text y={5} textAnchor="middle" className="centre-label">{layout.centre.entity.name}</text>
          </g>
        </svg>
      )}
      {edge && centre && (
        <div className="edge-stories" aria-live="polite">
          <h3>
            Stories naming {centre.name} and {edge.entity.name}
            <button type="button" className="close" onClick={() => setEdge(null)} aria-label="Close the shared stories">×</button>
          </h3>
          <ErrorNote error={edgeStories.error} />
          {edgeStories.data && <StoryList stories={edgeStories.data.articles.edges.map((e) => e.node)} onOpen={onOpen} label={`Stories naming ${centre.name} and ${edge.entity.name}`} />}
        </div>
      )}
    </section>
  );
}

/** A force layout, run to rest before drawing (a dozen nodes settle in a few milliseconds), with the centre pinned. */
function layoutAround(centre: EntityRef, mentions: CoMention[]): { centre: Node & { x: number; y: number }; others: Array<Node & { x: number; y: number }> } {
  const middle: Node = { entity: centre, count: 0, fx: WIDTH / 2, fy: HEIGHT / 2, x: WIDTH / 2, y: HEIGHT / 2 };
  // Start on a circle so the layout is the same on every load.
  const others: Node[] = mentions.map((mention, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, mentions.length);
    return { entity: mention.entity, count: mention.count, x: WIDTH / 2 + 150 * Math.cos(angle), y: HEIGHT / 2 + 120 * Math.sin(angle) };
  });
  const most = Math.max(1, ...mentions.map((mention) => mention.count));
  const links: Array<SimulationLinkDatum<Node>> = others.map((node) => ({ source: middle, target: node }));
  const simulation = forceSimulation<Node>([middle, ...others])
    .force("link", forceLink<Node, SimulationLinkDatum<Node>>(links).distance((link) => 170 - 80 * ((link.target as Node).count / most)))
    .force("charge", forceManyBody<Node>().strength(-300))
    .force("collide", forceCollide<Node>(38))
    .stop();
  simulation.tick(200);
  const clamp = (node: Node) => ({ ...node, x: Math.min(WIDTH - 60, Math.max(60, node.x ?? 0)), y: Math.min(HEIGHT - 20, Math.max(28, node.y ?? 0)) });
  return { centre: clamp(middle), others: others.map(clamp) };
}
