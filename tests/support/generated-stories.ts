import fs from "node:fs";
import path from "node:path";
import type { ArticleInput } from "../../src/services/article-input";

const PEOPLE = ["Antony Blinken", "Bashar al-Assad", "Mohammed Shia al-Sudani", "Joe Biden", "Benjamin Netanyahu"];
const PLACES = ["Damascus", "Baghdad", "Iraq", "Syria", "Aleppo"];

/**
 * A generated story for load and crash tests: unique by its URL (`https://example.com/<batch>/<n>`),
 * naming two people and a place of the seed registry, filed under the Syria topic, with an author.
 * Every one has a body, people, a place and a topic, so a story stored without them is half-written.
 */
export function generatedStory(batch: string, index: number): ArticleInput {
  const person = PEOPLE[index % PEOPLE.length];
  const other = PEOPLE[(index + 2) % PEOPLE.length];
  const place = PLACES[index % PLACES.length];
  return {
    url: `https://example.com/${batch}/${index}`,
    headline: `${person} meets ${other} in ${place}, ${batch} story ${index}`,
    summary: `${person} and ${other} met in ${place} on day ${index}.`,
    body: [`${person} arrived in ${place} on day ${index} of the ${batch} batch.`, `${other} said the talks had gone well.`],
    publishedAt: new Date(Date.UTC(2024, 0, 1) + index * 3_600_000).toISOString(),
    publisher: "Reuters",
    authors: [`Reporter ${index % 5}`],
    tags: { people: [{ name: person }, { name: other }], places: [{ name: place }], topics: [{ slug: "syria", weight: 1 }] },
  };
}

/** Writes stories `0..count-1` of a batch as JSON Lines files of `perFile` stories each; returns their paths in order. */
export function writeStoryFiles(dir: string, batch: string, count: number, perFile: number): string[] {
  const files: string[] = [];
  for (let start = 0; start < count; start += perFile) {
    const file = path.join(dir, `${batch}-${String(files.length).padStart(4, "0")}.jsonl`);
    const stories = Array.from({ length: Math.min(perFile, count - start) }, (_, offset) => generatedStory(batch, start + offset));
    fs.writeFileSync(file, stories.map((story) => JSON.stringify(story)).join("\n") + "\n");
    files.push(file);
  }
  return files;
}
