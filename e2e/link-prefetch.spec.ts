import { expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 12, item 19: a page load prefetches no other page; a link prefetches its route once the
// user points at it, focuses it or touches it (app/_components/intent-link.tsx).

test("links prefetch the page behind them on hover or focus, not because they are on screen", async ({ page }) => {
  await newOwnerWithTeam(page, "Prefetch On Intent");
  const prefetched: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has("_rsc")) prefetched.push(url.pathname);
  });
  await page.goto("/leaderboard");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Leaderboard" })).toHaveAttribute("aria-current", "page");

  // Next queues the links on screen before those showing intent: had they been prefetched on
  // sight, their requests would have gone out before this one.
  const scripts = page.waitForRequest((r) => new URL(r.url()).pathname === "/scripts" && new URL(r.url()).searchParams.has("_rsc"));
  await nav.getByRole("link", { name: "Scripts" }).hover();
  await scripts;
  expect(prefetched.filter((p) => p !== "/scripts")).toEqual([]);

  const team = page.waitForRequest((r) => new URL(r.url()).pathname === "/team" && new URL(r.url()).searchParams.has("_rsc"));
  await nav.getByRole("link", { name: "Team" }).focus();
  await team;
  expect(prefetched.filter((p) => p !== "/scripts" && p !== "/team")).toEqual([]);

  await nav.getByRole("link", { name: "Scripts" }).click();
  await expect(page.getByRole("heading", { name: "Scripts", level: 1 })).toBeVisible();
});

test("the favicon, whose URL carries its content hash, is cached instead of fetched on every page", async ({ page }) => {
  const response = await page.request.get("/icon.svg");
  expect(response.ok()).toBe(true);
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});
