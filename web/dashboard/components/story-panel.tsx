import { useEffect, useRef } from "react";
import { formatDate, type EntityRef } from "../model";
import { STORY } from "../queries";
import { useQuery } from "../use-query";
import { EntityChip } from "./entity-chip";
import { ErrorNote } from "./status";

interface Story {
  id: string;
  headline: string;
  summary: string | null;
  publishedAt: string | null;
  byline: string | null;
  url: string | null;
  publisher: { name: string } | null;
  dateline: { name: string } | null;
  photos: Array<{ caption: string; credit: string | null; photographer: { name: string } | null; agency: { name: string } | null }>;
  people: EntityRef[];
  places: EntityRef[];
  organizations: EntityRef[];
  topics: EntityRef[];
  relatedCoverage: Array<{
    score: number;
    isEditorial: boolean;
    label: string | null;
    article: { id: string; headline: string; publishedAt: string | null };
    sharedEntities: EntityRef[];
    sharedTopics: EntityRef[];
  }>;
}

/**
 * One story beside the dashboard: headline, photo captions with credits, its people, places,
 * organizations and topics as chips (each adds itself to what is followed), and related coverage
 * with the reasons: the entities and topics both stories share. Focus moves to the headline when a
 * story opens; Escape or the close button closes the panel and gives focus back.
 */
export function StoryPanel({ id, onClose, onOpen, onPick }: { id: string; onClose: () => void; onOpen: (id: string) => void; onPick: (entity: EntityRef) => void }) {
  const { data, error, loading } = useQuery<{ article: Story | null }>(STORY, { id });
  const heading = useRef<HTMLHeadingElement>(null);
  const story = data?.article;
  useEffect(() => heading.current?.focus(), [story?.id]);

  return (
    <aside className="story-panel" role="dialog" aria-modal="false" aria-labelledby="story-headline" aria-busy={loading}
      onKeyDown={(event) => event.key === "Escape" && onClose()} data-testid="story-panel">
      <button type="button" className="close" onClick={onClose} aria-label="Close the story">×</button>
      <ErrorNote error={error} />
      {story && (
        <article>
          <h2 id="story-headline" tabIndex={-1} ref={heading}>{story.headline}</h2>
          <p className="meta">
            {formatDate(story.publishedAt)}
            {story.publisher ? ` · ${story.publisher.name}` : ""}
            {story.dateline ? ` · ${story.dateline.name}` : ""}
            {story.byline ? ` · ${story.byline}` : ""}
          </p>
          {story.summary && <p className="summary">{story.summary}</p>}
          {story.url && (
            <p>
              <a href={story.url} rel="noreferrer noopener" target="_blank">Read at the source</a>
            </p>
          )}
          {story.photos.map((photo, index) => (
            <figure key={index} className="photo">
              <figcaption>
                {photo.caption}
                {(photo.credit || photo.photographer) && (
                  <span className="credit" data-testid="photo-credit">
                    {" "}Photo: {photo.credit ?? [photo.photographer?.name, photo.agency?.name].filter(Boolean).join(" / ")}
                  </span>
                )}
              </figcaption>
            </figure>
          ))}
          <ChipGroup title="People" entities={story.people} onPick={onPick} />
          <ChipGroup title="Places" entities={story.places} onPick={onPick} />
          <ChipGroup title="Organizations" entities={story.organizations} onPick={onPick} />
          <ChipGroup title="Topics" entities={story.topics} onPick={onPick} />
          <h3>Related coverage</h3>
          {story.relatedCoverage.length === 0 && <p className="hint">No related stories.</p>}
          <ol className="related" data-testid="related-coverage">
            {story.relatedCoverage.map((related) => {
              const shared = [...related.sharedEntities, ...related.sharedTopics];
              return (
                <li key={related.article.id}>
                  <button type="button" className="story-link" onClick={() => onOpen(related.article.id)}>{related.article.headline}</button>
                  <span className="meta">
                    {formatDate(related.article.publishedAt)} · {related.isEditorial ? `linked by the editors${related.label ? ` (${related.label})` : ""}` : `score ${related.score.toFixed(2)}`}
                  </span>
                  {shared.length > 0 && (
                    <p className="reasons">
                      Shares: {shared.map((entity) => entity.name).join(", ")}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </article>
      )}
      {data && !story && <p className="hint">This story no longer exists.</p>}
    </aside>
  );
}

function ChipGroup({ title, entities, onPick }: { title: string; entities: EntityRef[]; onPick: (entity: EntityRef) => void }) {
  if (entities.length === 0) return null;
  return (
    <div className="chip-group">
      <h3>{title}</h3>
      <ul className="chips" aria-label={title}>
        {entities.map((entity) => (
          <li key={entity.id}>
            <EntityChip entity={entity} onPick={onPick} />
          </li>
        ))}
      </ul>
    </div>
  );
}
