import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { median } from "./load";
import { signIn, startServer, stopServer } from "./server";

// Issue 12, item 19: how long each page takes to settle on the demo data, in the production build.
// `npx tsx bench/page-timing.ts [--port 3254] [--database FILE] [--visits 5]` runs it alone
// (--database: a copy of an already seeded demo database instead of seeding a new one);
// `npm run bench` runs it after the other page figures.

export const TIMED_PAGES = {
  today: "/today",
  leaderboard: "/leaderboard",
  scripts: "/scripts",
  team_overview: "/leaderboard/team",
  team: "/team",
  import_export: "/team/import",
  profile: "/profile",
} as const;

export type PageTimes = Record<keyof typeof TIMED_PAGES, number>;

const DEMO_MANAGER = "manager@demo.ringback.test";
const DEMO_PASSWORD = "ringback-demo";

/** A fresh demo database: `ringback seed --demo` into a temp folder, or a copy of `seeded`. */
function demoDatabase(seeded?: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ringback-pages-")), "demo.db");
  if (seeded) {
    fs.copyFileSync(seeded, file);
    return file;
  }
  const seed = spawnSync(path.resolve("node_modules/.bin/tsx"), ["server/cli.ts", "seed", "--demo"], { env: { ...process.env, DATABASE_URL: file }, encoding: "utf8" });
  if (seed.status !== 0) throw new Error(`demo seed failed: ${seed.stderr || seed.stdout}`);
  return file;
}

/**
 * Milliseconds from the navigation's start until the page settled, on the browser's own clock:
 * the latest of the load event, the end of the last response (pages, chunks, tRPC) and the end of
 * the last long task (rendering the answers). Read once the network has been idle and no tRPC
 * request is pending, so nothing later can move it.
 */
async function settledMs(page: Page, url: string): Promise<number> {
  let pending = 0;
  const isTrpc = (u: string) => new URL(u).pathname.startsWith("/api/trpc/");
  const started = (r: { url(): string }) => isTrpc(r.url()) && pending++;
  const ended = (r: { url(): string }) => isTrpc(r.url()) && pending--;
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  try {
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response?.ok() || new URL(page.url()).pathname !== url) throw new Error(`${url} answered ${response?.status()} at ${page.url()}`);
    await page.waitForLoadState("networkidle");
    while (pending > 0) await page.waitForEvent("requestfinished");
    return await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      const responses = performance.getEntriesByType("resource").map((r) => (r as PerformanceResourceTiming).responseEnd);
      const tasks = ((window as unknown as { __longTasks?: number[] }).__longTasks ?? []);
      return Math.max(navigation.loadEventEnd, ...responses, ...tasks);
    });
  } finally {
    page.off("request", started);
    page.off("requestfinished", ended);
    page.off("requestfailed", ended);
  }
}

/** The median settle time of each page over `visits` visits (after one warm-up each), as the demo's manager. */
export async function pageSettledMs(port: number, { visits = 5, seeded }: { visits?: number; seeded?: string } = {}): Promise<PageTimes> {
  const file = demoDatabase(seeded);
  const server = await startServer(file, port);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const cookie = await signIn(server.url, DEMO_MANAGER, DEMO_PASSWORD);
    await context.addCookies(cookie.split("; ").map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url: server.url })));
    // Long tasks are not buffered for a late observer: each document records its own from the start.
    await context.addInitScript(() => {
      const tasks: number[] = ((window as unknown as { __longTasks: number[] }).__longTasks = []);
      new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.startTime + e.duration))).observe({ type: "longtask", buffered: true });
    });
    const page = await context.newPage();
    const times = {} as PageTimes;
    for (const [name, url] of Object.entries(TIMED_PAGES) as [keyof PageTimes, string][]) {
      await settledMs(page, url);
      const runs: number[] = [];
      for (let i = 0; i < visits; i++) runs.push(await settledMs(page, url));
      times[name] = Math.round(median(runs));
    }
    return times;
  } finally {
    await browser.close();
    await stopServer(server);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("bench/page-timing.ts")) {
  const option = (name: string) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  pageSettledMs(Number(option("--port") ?? 3254), { visits: Number(option("--visits") ?? 5), seeded: option("--database") })
    .then((times) => {
      console.table(Object.entries(times).map(([page, ms]) => ({ page, page_settled_ms: ms })));
      process.exit(0);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
