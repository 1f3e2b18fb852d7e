import type { DataSource } from "typeorm";
import type { ArticleInput } from "../../src/services/article-input";
import { ArticleWriter } from "../../src/services/article-writer";

const PEOPLE = ["Antony Blinken", "Bashar al-Assad", "Mohammed Shia al-Sudani", "Joe Biden"];
const PLACES = ["Damascus", "Baghdad", "Iraq", "Syria"];

/**
 * A story about Syria for tests: numbered, a day apart from 1 November 2024 (every seventh has no
 * date), naming two people and a place from the seed registry, with an author and a photo.
 */
export function syriaStory(index: number): ArticleInput {
  const people = [PEOPLE[index % PEOPLE.length], PEOPLE[(index + 1) % PEOPLE.length]];
  const place = PLACES[index % PLACES.length];
  return {
    headline: `Syria briefing number ${index}`,
    summary: `${people[0]} and ${people[1]} discussed ${place} on day ${index}.`,
    body: [`${people[0]} spoke about ${place}.`, `${people[1]} answered.`],
    publishedAt: index % 7 === 6 ? null : new Date(Date.UTC(2024, 10, 1 + index)).toISOString(),
    publisher: "Reuters",
    authors: [`Correspondent ${index % 3}`],
    photos: [{ caption: `Photo for briefing ${index}`, credit: "REUTERS/Staff", agency: "Reuters", depicts: [people[0]] }],
    tags: {
      people: people.map((name) => ({ name })),
      places: [{ name: place }],
      topics: [{ slug: "syria", weight: 0.9 }],
    },
  };
}

/** Writes stories 0 to count-1 of {@link syriaStory}. */
export async function writeSyriaStories(dataSource: DataSource, count: number): Promise<void> {
  const writer = new ArticleWriter(dataSource);
  for (let index = 0; index < count; index++) await writer.write(syriaStory(index));
}
