import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "../../src/project-root";
import { ON_POSTGRES } from "../support/database";

/** Debian's Chromium, which `.ci/run` installs; `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Flags for a headless Chromium on a machine with no network but loopback: without the
 * background-networking ones it keeps trying to reach Google's services and is refused.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Where the screenshots of each step go (git-ignored), one folder per suite; the PostgreSQL pass
 * (`npm run test:postgres`) keeps its own, so it does not replace those of the SQLite pass.
 */
export const ARTIFACTS = path.join(projectRoot(), "artifacts", ON_POSTGRES ? "e2e-postgres" : "e2e");

/**
 * `describe` for suites that drive a real browser. Without Chromium the suite is skipped with a
 * notice on stderr; under CI (`CI=true`) that fails instead, so CI never passes by skipping. The
 * web apps must be built (`npm test` builds them first).
 */
export function describeWithBrowser(name: string, suite: () => void): void {
  const built = ["dashboard", "graphiql"].every((app) => fs.existsSync(path.join(projectRoot(), "dist", "web", app, "index.html")));
  const missing = !fs.existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium, or set CHROMIUM_PATH)` : !built ? "dist/web is not built (npm run build)" : null;
  if (missing === null) {
    describe(name, suite);
  } else if (process.env.CI === "true" || !built) {
    describe(name, () => {
      it("has a browser and the built web apps", () => {
        throw new Error(missing);
      });
    });
  } else {
    process.stderr.write(`\nSKIPPED "${name}": ${missing}\n`);
    describe.skip(name, suite);
  }
}

/** A browser session at 1280 × 800 on a fresh profile, recording every URL the pages ask for. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Every URL requested by the pages so far, to prove nothing leaves the server's origin. */
  requested: string[];
  /** Errors thrown in the pages. */
  pageErrors: string[];
  /** Saves a screenshot of the page as `<suite>/<nn>-<step>.png` under {@link ARTIFACTS}. */
  screenshot(step: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts Chromium headless on a new, empty profile; screenshots go to `ARTIFACTS/<suite>`. */
export async function openBrowser(suite: string): Promise<BrowserSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
    timeout: 30_000,
  });
  // Any one action or wait gives up after 10 s, well inside a test's time, with a message saying what it waited for.
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const requested: string[] = [];
  const pageErrors: string[] = [];
  context.on("request", (request) => requested.push(request.url()));
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const folder = path.join(ARTIFACTS, suite);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  let step = 0;
  return {
    context,
    page,
    requested,
    pageErrors,
    async screenshot(name) {
      step++;
      await page.screenshot({ path: path.join(folder, `${String(step).padStart(2, "0")}-${name}.png`) });
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What the dashboard's timeline chart shows: the buckets drawn and the stories in them. */
export interface TimelineState {
  points: number;
  total: number;
}

/**
 * Waits until the dashboard's timeline satisfies `condition`, reading the chart's attributes from
 * the test as the page updates. (Playwright's in-page polling evaluates code from a string, which
 * the dashboard's Content-Security-Policy rightly refuses.)
 */
export async function waitForTimeline(page: Page, condition: (timeline: TimelineState) => boolean, timeoutMs = 10_000): Promise<void> {
  const chart = page.getByTestId("timeline-chart");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = { points: Number(await chart.getAttribute("data-points")), total: Number(await chart.getAttribute("data-total")) };
    if (condition(state)) return;
    if (Date.now() > deadline) throw new Error(`the timeline never showed ${condition.toString()}: last ${state.points} points, ${state.total} stories`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
