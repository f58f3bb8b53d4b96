import { callProcedure, expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 12, item 17: at 375 px the wide tables are lists of cards (leaderboard, team overview's
// last-try scripts, a rep's scripts, prospects, a script's versions), and no page scrolls sideways,
// neither the page itself nor a table region inside it.
test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

type Page = import("@playwright/test").Page;

const noSidewaysScroll = async (page: Page) => {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  // A region that scrolls sideways inside the page, named by the table caption it holds.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.querySelector("caption")?.textContent ?? el.tagName),
      ),
    )
    .toEqual([]);
};

/**
 * Opens every "Show the numbers" of the page (the table twins of its charts), then checks that
 * none of them scrolls sideways, that each twin reads as cards to the eye and that its table is
 * still there for a screen reader: visually hidden on a phone, not removed from the tree.
 */
const openEveryTwin = async (page: Page, expected: number) => {
  const toggle = page.getByText("Show the numbers", { exact: true });
  const charts = page.getByRole("figure").filter({ has: toggle });
  await expect(charts).toHaveCount(expected);
  for (const chart of await charts.all()) {
    await chart.getByText("Show the numbers", { exact: true }).click();
    const twin = chart.getByRole("table", { name: / — table$/ });
    await expect(twin).toHaveCount(1);
    // Visually hidden, not removed: clipped to the 1 px box a screen reader still reads.
    await expect.poll(() => twin.evaluate((el) => el.parentElement!.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    // The same rows as cards, for the eye only: a screen reader is not read them twice.
    await expect(chart.getByRole("list", { name: / — cards$/, includeHidden: true })).toBeVisible();
    await expect(chart.getByRole("list", { name: / — cards$/ })).toHaveCount(0);
  }
  await noSidewaysScroll(page);
};

/** Scrolls down the page and back, so charts drawn only near the screen are drawn for a full-page shot. */
const drawEveryChart = (page: Page) =>
  page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
    }
    window.scrollTo(0, 0);
  });

async function myId(page: Page): Promise<string> {
  const response = await page.request.get("/api/trpc/me");
  return (await response.json()).result.data.json.id;
}

test("on a phone the wide tables read as lists and no page scrolls sideways", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Phone Lists");
  const script = await callProcedure<{ id: number }>(page, "scripts.create", { title: "Number early opener", stage: "first-touch", tags: ["number-early"], body: "Hi {prospect.firstName}.", shared: true });
  for (let i = 0; i < 3; i++) {
    await callProcedure(page, "attempts.log", { prospect: { name: `Prospect ${i}`, phone: `+1516555${1000 + i}`, company: "Acme Logistics" }, outcome: "voicemail", scriptId: script.id });
  }
  // Three more to the same prospect: its 4th voicemail, which the team overview's last-try table lists.
  for (let i = 0; i < 3; i++) {
    await callProcedure(page, "attempts.log", { prospect: { name: "Prospect 0", phone: "+15165551000" }, outcome: "voicemail", scriptId: script.id });
  }
  // Two voicemails of a fortnight ago, so the weekly trends have complete weeks and a table twin.
  const older = await callProcedure<{ id: number }>(page, "scripts.create", { title: "Older opener", stage: "first-touch", body: "Hello {prospect.firstName}.", shared: true });
  const fortnightAgo = new Date(Date.now() - 14 * 86_400_000).toISOString();
  for (let i = 0; i < 2; i++) {
    await callProcedure(page, "attempts.log", { prospect: { name: `Earlier ${i}`, phone: `+1516555${2000 + i}` }, outcome: "voicemail", scriptId: older.id, at: fortnightAgo });
  }
  const shot = async (name: string) => {
    await drawEveryChart(page);
    await page.screenshot({ path: testInfo.outputPath(`${name}-375.png`), fullPage: true });
  };

  await page.goto("/leaderboard");
  const ranking = page.getByRole("list", { name: "Which scripts get called back? — ranking" });
  const entry = ranking.getByRole("listitem", { name: "Number early opener" });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole("definition").first()).toContainText("· 0/6");
  await expect(entry.getByText("needs more data")).toBeVisible();
  await expect(page.getByRole("table", { name: /leaderboard table/ })).toBeHidden();
  await noSidewaysScroll(page);
  await shot("leaderboard");

  await page.goto("/leaderboard/team");
  await expect(page.getByTestId("overview-heatmap")).toBeVisible();
  const late = page.getByRole("list", { name: "Scripts used at the 4th voicemail and later — list" }).getByRole("listitem", { name: "Number early opener" });
  await expect(late.getByRole("definition").first()).toContainText("· 0/1");
  await expect(page.getByRole("table", { name: "Scripts used at the 4th voicemail and later — table" })).toBeHidden();
  await noSidewaysScroll(page);
  await shot("team-overview");
  await late.screenshot({ path: testInfo.outputPath("team-overview-list-375.png") });
  // The activity, the voicemail-number chart, the read-time scatter and the weekly trend.
  await openEveryTwin(page, 4);
  const byAttempt = page.getByTestId("overview-attempts");
  const fourth = byAttempt.getByRole("list", { name: / — cards$/, includeHidden: true }).getByRole("listitem", { name: "Voicemail #4+", includeHidden: true });
  await expect(fourth).toBeVisible();
  await expect(fourth).toContainText("· 0/1");
  await expect(byAttempt.getByRole("row", { name: /4\+/ })).toHaveCount(1);
  await shot("team-overview-numbers");
  await byAttempt.screenshot({ path: testInfo.outputPath("team-overview-attempt-numbers-375.png") });

  await page.goto(`/leaderboard/reps/${await myId(page)}`);
  const mine = page.getByRole("list", { name: /^Which scripts work for Olivia\? — list$/ }).getByRole("listitem", { name: "Number early opener" });
  await expect(mine.getByRole("definition").first()).toContainText("· 0/6");
  await expect(page.getByRole("table", { name: /^Which scripts work for Olivia\? — table$/ })).toBeHidden();
  await noSidewaysScroll(page);
  await shot("rep-drilldown");
  await mine.screenshot({ path: testInfo.outputPath("rep-drilldown-list-375.png") });
  // The weekly trend and the activity.
  await openEveryTwin(page, 2);
  await shot("rep-drilldown-numbers");

  await page.goto("/prospects");
  const prospect = page.getByRole("list", { name: "Prospects" }).getByRole("listitem", { name: "Prospect 0" });
  await expect(prospect.getByRole("link", { name: "Prospect 0" })).toBeVisible();
  await expect(prospect.getByRole("definition").first()).toHaveText("Acme Logistics");
  await expect(page.getByRole("table", { name: "Prospects" })).toBeHidden();
  await noSidewaysScroll(page);
  await shot("prospects");
  await page.getByRole("list", { name: "Prospects" }).screenshot({ path: testInfo.outputPath("prospects-list-375.png") });

  await page.goto(`/scripts/${script.id}`);
  const version = page.getByRole("list", { name: "By version", exact: true }).getByRole("listitem", { name: "v1" });
  await expect(version.getByRole("definition").first()).toContainText("· 0/6");
  await expect(page.getByRole("table", { name: "By version", exact: true })).toBeHidden();
  await expect(page.getByRole("table", { name: "Callback rate by attempt number" })).toBeVisible();
  await noSidewaysScroll(page);
  await shot("script");
  await page.getByRole("list", { name: "By version", exact: true }).screenshot({ path: testInfo.outputPath("script-list-375.png") });

  await page.goto("/team");
  await expect(page.getByRole("heading", { name: "Phone Lists" })).toBeVisible();
  await noSidewaysScroll(page);
  await shot("team");

  // Tags rank within each stage, one chart per stage of ranked entries, each with its numbers:
  // ranked from 5 voicemails, the opener's 6 have a chart.
  await callProcedure(page, "teams.updateSettings", { name: "Phone Lists", minSample: 5 });
  await page.goto("/leaderboard?by=tag");
  await expect(page.getByRole("figure", { name: /first touches/i })).toBeVisible();
  await openEveryTwin(page, 1);
  const opener = page.getByRole("figure", { name: /first touches/i }).getByRole("listitem", { name: "number-early", includeHidden: true });
  await expect(opener).toContainText("#1");
  await expect(opener).toContainText("0.0% (0–39%) · 0/6");
  await shot("leaderboard-tags-numbers");
});

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
  test("the leaderboard and the other wide tables stay tables, with no card list", async ({ page }, testInfo) => {
    await newOwnerWithTeam(page, "Desk Lists");
    const script = await callProcedure<{ id: number }>(page, "scripts.create", { title: "Number early opener", stage: "first-touch", body: "Hi {prospect.firstName}.", shared: true });
    await callProcedure(page, "attempts.log", { prospect: { name: "Ada Park", phone: "+15165551000" }, outcome: "voicemail", scriptId: script.id });
    await page.goto("/leaderboard");
    await expect(page.getByRole("table", { name: /leaderboard table/ }).getByRole("cell", { name: "Number early opener" })).toBeVisible();
    await expect(page.getByRole("list", { name: /— ranking$/ })).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath("leaderboard-1280.png"), fullPage: true });

    // The other wide tables stay tables from `sm` up, and their card lists stay hidden (Ada's 4th
    // voicemail puts the script in the last-try table).
    for (let i = 0; i < 3; i++) {
      await callProcedure(page, "attempts.log", { prospect: { name: "Ada Park", phone: "+15165551000" }, outcome: "voicemail", scriptId: script.id });
    }
    // Issue 12, item 19: a chart below the fold is drawn once scrolled near, its numbers built when opened.
    await page.goto("/leaderboard/team");
    const readTime = page.getByTestId("overview-read-time");
    await expect(readTime).toHaveAttribute("data-state", "loaded");
    await expect(readTime).toHaveAttribute("data-drawn", "false");
    await expect(readTime.getByRole("table", { includeHidden: true })).toHaveCount(0);
    await readTime.scrollIntoViewIfNeeded();
    await expect(readTime).toHaveAttribute("data-drawn", "true");
    await readTime.getByText("Show the numbers").click();
    await expect(readTime.getByRole("row", { name: /Number early opener/ })).toBeVisible();
    // From `sm` up the twin is the table itself, full width, not the phone's cards.
    await expect.poll(() => readTime.getByRole("table").evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(300);
    await readTime.screenshot({ path: testInfo.outputPath("team-overview-read-time-numbers-1280.png") });

    const late = "Scripts used at the 4th voicemail and later";
    const mine = "Which scripts work for Olivia?";
    const pages = [
      { url: "/leaderboard/team", table: `${late} — table`, list: `${late} — list`, cell: "Number early opener", shot: "team-overview" },
      { url: `/leaderboard/reps/${await myId(page)}`, table: `${mine} — table`, list: `${mine} — list`, cell: "Number early opener", shot: "rep-drilldown" },
      { url: "/prospects", table: "Prospects", list: "Prospects", cell: "Ada Park", shot: "prospects" },
      { url: `/scripts/${script.id}`, table: "By version", list: "By version", cell: "v1", shot: "script" },
    ];
    for (const p of pages) {
      await page.goto(p.url);
      await expect(page.getByRole("table", { name: p.table, exact: true }).getByRole("cell", { name: p.cell, exact: true })).toBeVisible();
      await expect(page.getByRole("list", { name: p.list, exact: true })).toBeHidden();
      await drawEveryChart(page);
      await page.screenshot({ path: testInfo.outputPath(`${p.shot}-1280.png`), fullPage: true });
    }
  });
});
