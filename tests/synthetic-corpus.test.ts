import fs from "node:fs";
import path from "node:path";
import { DATA_DIR } from "../src/services/extraction/data-files";
import type { ArticleInput } from "../src/services/article-input";
import { SYNTHETIC_PERIOD, syntheticStories } from "../src/services/synthetic/synthetic-corpus";

const TOPICS = (JSON.parse(fs.readFileSync(path.join(DATA_DIR, "topics.json"), "utf8")) as Array<{ slug: string }>).map((topic) => topic.slug);
const generate = (seed: number, size = 200): ArticleInput[] => [...syntheticStories({ size, seed }, TOPICS)];
const taggedEntities = (story: ArticleInput) => [...(story.tags?.people ?? []), ...(story.tags?.places ?? []), ...(story.tags?.organizations ?? [])];

describe("the synthetic corpus of the benchmark", () => {
  const stories = generate(42);

  it("is the same for the same seed and different for another", () => {
    expect(generate(42)).toEqual(stories);
    expect(generate(43).map((story) => story.headline)).not.toEqual(stories.map((story) => story.headline));
  });

  it("tags 5 to 30 entities a story, each named in its text, and one to three known topics", () => {
    for (const story of stories) {
      const entities = taggedEntities(story);
      expect(entities.length).toBeGreaterThanOrEqual(5);
      expect(entities.length).toBeLessThanOrEqual(30);
      const text = [story.headline, story.summary, ...story.body].join("\n");
      for (const { name } of entities) expect(text).toContain(name);
      expect(story.tags?.topics?.length).toBeGreaterThanOrEqual(1);
      expect(story.tags?.topics?.length).toBeLessThanOrEqual(3);
      for (const topic of story.tags?.topics ?? []) expect(TOPICS).toContain(topic.slug);
    }
    const counts = stories.map((story) => taggedEntities(story).length);
    expect(new Set(counts).size).toBeGreaterThan(10);
  });

  it("names entities with a power law: few everywhere, most rarely", () => {
    const frequency = new Map<string, number>();
    for (const story of stories) for (const { name } of story.tags?.people ?? []) frequency.set(name, (frequency.get(name) ?? 0) + 1);
    const ranked = [...frequency.values()].sort((a, b) => b - a);
    // Zipf with exponent 1: frequency × rank is roughly constant, so a log-log slope near -1.
    const top = ranked.slice(0, 20);
    const xs = top.map((_, rank) => Math.log(rank + 1));
    const ys = top.map((count) => Math.log(count));
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const slope = xs.reduce((sum, x, i) => sum + (x - mean(xs)) * (ys[i] - mean(ys)), 0) / xs.reduce((sum, x) => sum + (x - mean(xs)) ** 2, 0);
    expect(slope).toBeLessThan(-0.6);
    expect(slope).toBeGreaterThan(-1.4);
    expect(ranked[0]).toBeGreaterThan(20 * ranked[Math.floor(ranked.length / 2)]);
  });

  it("spreads publication over two years, in publication order", () => {
    const dates = stories.map((story) => new Date(story.publishedAt!).getTime());
    expect(Math.min(...dates)).toBeGreaterThanOrEqual(SYNTHETIC_PERIOD.from.getTime());
    expect(Math.max(...dates)).toBeLessThan(SYNTHETIC_PERIOD.to.getTime());
    expect(Math.max(...dates) - Math.min(...dates)).toBeGreaterThan(700 * 86_400_000);
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
  });

  it("gives stories authors, photos with credits, and prose-like word frequencies", () => {
    expect(stories.every((story) => (story.authors?.length ?? 0) >= 1 && story.byline?.startsWith("By "))).toBe(true);
    const photos = stories.flatMap((story) => story.photos ?? []);
    expect(photos.length).toBeGreaterThan(stories.length / 2);
    for (const photo of photos) expect(photo.credit).toBe(`${photo.photographer!.toUpperCase()}/${photo.agency}`);
    const words = stories.flatMap((story) => story.body.join(" ").toLowerCase().split(/[^a-z]+/)).filter((word) => word !== "");
    const share = (word: string) => words.filter((w) => w === word).length / words.length;
    // "the" is the commonest English word, a few percent of all text, and in every story.
    expect(share("the")).toBeGreaterThan(0.03);
    expect(stories.every((story) => / the /i.test(story.body.join(" ")))).toBe(true);
    expect(new Set(words).size).toBeGreaterThan(5000);
  });
});
