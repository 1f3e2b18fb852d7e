import { formatDate } from "../model";

/** A story as lists show it. */
export interface StoryLine {
  id: string;
  headline: string;
  publishedAt: string | null;
  publisher: { name: string } | null;
}

/** Stories as buttons that open the story panel; `fresh` marks the ones that arrived live. */
export function StoryList({ stories, onOpen, fresh, label }: { stories: StoryLine[]; onOpen: (id: string) => void; fresh?: Set<string>; label: string }) {
  return (
    <ul className="stories" aria-label={label}>
      {stories.map((story) => (
        <li key={story.id} className={fresh?.has(story.id) ? "fresh" : undefined}>
          <button type="button" className="story-link" onClick={() => onOpen(story.id)}>
            {fresh?.has(story.id) && <span className="badge">new</span>}
            <span className="headline">{story.headline}</span>
          </button>
          <span className="meta">
            {formatDate(story.publishedAt)}
            {story.publisher ? ` · ${story.publisher.name}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
