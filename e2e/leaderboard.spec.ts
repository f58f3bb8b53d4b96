import { readFile } from "node:fs/promises";
import type { Browser, Locator, Page, TestInfo } from "@playwright/test";
import { readCsv } from "../server/domain/csv-read";
import { callProcedure, expect, inviteByLink, newOwnerWithTeam, test } from "./fixtures";

// Leaderboards (issue 5): a manager reads the ranking by script and by rep, narrows the period,
// shares the view by its URL, downloads the CSV of what is on screen, and coaches from the team
// overview and a rep's drill-down; a rep is kept out of the manager-only overview.
//
// The team's history goes in through the real import procedure (the Calls specs cover logging
// by hand). Expected figures are hand-computed 95% Wilson intervals (z = 1.96), e.g. 9 of 22:
// centre (p + z²/2n)/(1 + z²/n) = 0.4226, half-width 0.1900, so 40.9% (23–61%).

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = "America/New_York";
const localDate = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(d);

type Voicemail = { daysAgo: number; rep: string; script: string; callback?: "interested" | "appointment" };

/**
 * - "Number early": 20 recent voicemails by the rep, 8 returned (2 appointments).
 * - "Hang up mid-sentence": 12 voicemails 50–59 days ago by the manager, 3 returned, and 10
 *   recent ones, 6 returned (1 appointment): 9/22 all time, 6/10 in the last 30 days.
 * - "Last try": 4 recent voicemails by the rep, 3 returned: too few to be ranked.
 */
function history(repEmail: string, managerEmail: string): Voicemail[] {
  const list: Voicemail[] = [];
  for (let i = 0; i < 20; i++)
    list.push({ daysAgo: 1 + (i % 9), rep: repEmail, script: "Number early", callback: i < 2 ? "appointment" : i < 8 ? "interested" : undefined });
  for (let i = 0; i < 12; i++) list.push({ daysAgo: 50 + (i % 10), rep: managerEmail, script: "Hang up mid-sentence", callback: i < 3 ? "interested" : undefined });
  for (let i = 0; i < 10; i++)
    list.push({ daysAgo: 2 + (i % 7), rep: managerEmail, script: "Hang up mid-sentence", callback: i < 1 ? "appointment" : i < 6 ? "interested" : undefined });
  for (let i = 0; i < 4; i++) list.push({ daysAgo: 3 + i, rep: repEmail, script: "Last try", callback: i < 3 ? "interested" : undefined });
  return list;
}

/** Writes the scripts and imports the history as the owner; every voicemail goes to its own prospect. */
async function seedHistory(owner: Page, repEmail: string, managerEmail: string) {
  const scripts = [
    { title: "Number early", stage: "first-touch", tags: ["number-early", "under-30s"], body: "Hi {prospect.firstName}, {rep.name} at {rep.phone}. Quick one about {prospect.company}." },
    { title: "Hang up mid-sentence", stage: "follow-up", tags: ["hang-up-mid-sentence"], body: "{prospect.firstName}, it's {rep.name}, {rep.phone}, I wanted to ask whether" },
    { title: "Last try", stage: "last-try", tags: [], body: "{prospect.firstName}, last try from {rep.name}: should I close your file? {rep.phone}." },
  ];
  for (const s of scripts) await callProcedure(owner, "scripts.create", { ...s, shared: true });

  const now = Date.now();
  const attempts = ["time,rep_email,prospect_name,prospect_phone,outcome,script"];
  const callbacks = ["time,prospect_phone,result"];
  history(repEmail, managerEmail).forEach((v, i) => {
    const at = now - v.daysAgo * DAY - (1 + (i % 5)) * HOUR;
    const phone = `+1516555${String(100 + i).padStart(4, "0")}`;
    attempts.push(`${new Date(at).toISOString()},${v.rep},Prospect ${i},${phone},voicemail,${v.script}`);
    if (v.callback) callbacks.push(`${new Date(at + 2 * HOUR).toISOString()},${phone},${v.callback}`);
  });
  const imported = await callProcedure<{ inserted: number }>(owner, "imports.run", { kind: "attempts", csv: attempts.join("\n") });
  expect(imported.inserted).toBe(46);
  const credited = await callProcedure<{ inserted: number }>(owner, "imports.run", { kind: "callbacks", csv: callbacks.join("\n") });
  expect(credited.inserted).toBe(20);
}

/** An owner's team with a manager (Morgan) and a rep (Riley), and the history above. */
async function teamWithHistory(browser: Browser) {
  const owner = await (await browser.newContext()).newPage();
  await newOwnerWithTeam(owner, "Board Room");
  const manager = await inviteByLink(browser, owner, "Morgan Manager", "manager");
  const rep = await inviteByLink(browser, owner, "Riley Rep", "rep");
  await seedHistory(owner, rep.email, manager.email);
  return { owner, manager, rep };
}

const boardTable = (page: Page) => page.getByRole("table", { name: /leaderboard table/ });

/** The table's body rows, each checked cell by cell: rank (or the badge), label, evidence. */
async function expectBoard(table: Locator, rows: [string, string, string][]) {
  await expect(table.getByRole("row")).toHaveCount(rows.length + 1);
  for (const [i, cells] of rows.entries()) await expect(table.getByRole("row").nth(i + 1).getByRole("cell")).toContainText(cells);
}

async function shoot(page: Page, testInfo: TestInfo, name: string, ready: Locator) {
  for (const [label, width] of [["desktop", 1280], ["phone", 375]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await expect(ready).toHaveAttribute("data-state", "loaded");
    await page.screenshot({ path: testInfo.outputPath(`${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a manager ranks scripts and reps, keeps the view in the URL, and downloads what is shown", async ({ browser }, testInfo) => {
  const { manager } = await teamWithHistory(browser);
  const page = manager.page;

  await page.getByRole("link", { name: "Leaderboard", exact: true }).click();
  await expect(page.getByTestId("leaderboard-chart-script")).toHaveAttribute("data-state", "loaded");
  await expect(page.getByRole("figure", { name: "Which scripts get called back?" })).toBeVisible();
  // 9 of 22 outranks 8 of 20 on the interval's lower end (23% against 22%); 3 of 4 is not ranked.
  await expectBoard(boardTable(page), [
    ["1", "Hang up mid-sentence", "40.9% (23–61%) · 9/22"],
    ["2", "Number early", "40.0% (22–61%) · 8/20"],
    ["needs more data", "Last try", "75.0% (30–95%) · 3/4"],
  ]);
  await expect(page.getByRole("list", { name: "Entries that need more data" })).toContainText("Last try75.0% (30–95%) · 3/4 · 6 more voicemails to rank");
  await shoot(page, testInfo, "leaderboard-scripts", page.getByTestId("leaderboard-chart-script"));

  // The Reps tab, then the last 30 days: the manager's old voicemails drop out and she leads.
  const views = page.getByRole("navigation", { name: "Leaderboard views" });
  await views.getByRole("link", { name: "Reps" }).click();
  await expect(page).toHaveURL(/\/leaderboard\?by=rep$/);
  await expect(page.getByTestId("leaderboard-chart-rep")).toHaveAttribute("data-state", "loaded");
  await expectBoard(boardTable(page), [
    ["1", "Riley Rep", "45.8% (28–65%) · 11/24"],
    ["2", "Morgan Manager", "40.9% (23–61%) · 9/22"],
  ]);
  await page.getByLabel("Period").selectOption("30d");
  await expect(page).toHaveURL(/\/leaderboard\?by=rep&range=30d$/);
  const last30 = [
    ["1", "Morgan Manager", "60.0% (31–83%) · 6/10"],
    ["2", "Riley Rep", "45.8% (28–65%) · 11/24"],
  ] satisfies [string, string, string][];
  await expectBoard(boardTable(page), last30);

  // A reload (or the link, shared) shows the same view.
  await page.reload();
  await expect(views.getByRole("link", { name: "Reps" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByLabel("Period")).toHaveValue("30d");
  await expect(page.getByTestId("leaderboard-chart-rep")).toHaveAttribute("data-state", "loaded");
  await expectBoard(boardTable(page), last30);
  await shoot(page, testInfo, "leaderboard-reps-30d", page.getByTestId("leaderboard-chart-rep"));

  // The CSV holds exactly the rows of the table, in its order, per the DESIGN.md columns.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("ringback-leaderboard-rep-30d.csv");
  // Read as a spreadsheet would: every field is quoted (issue 11).
  const { header, records } = readCsv(await readFile(await download.path(), "utf8"));
  expect(header.join(",")).toBe("by,key,label,voicemails,returned,rate,ci_low,ci_high,appointments,median_minutes_to_callback,ranked,rank");
  const rows = boardTable(page).getByRole("row");
  expect(records).toHaveLength((await rows.count()) - 1);
  for (const [i, { fields }] of records.entries()) {
    const [by, key, label, voicemails, returned, rate, low, high, appointments, , ranked, rank] = fields;
    const cells = await rows.nth(i + 1).getByRole("cell").allInnerTexts();
    expect(by).toBe("rep");
    expect(cells[0]).toBe(ranked === "true" ? rank : "needs more data");
    expect(cells[1]).toContain(label);
    expect(cells[1]).toContain(key);
    expect(cells[2]).toBe(`${(Number(rate) * 100).toFixed(1)}% (${Math.round(Number(low) * 100)}–${Math.round(Number(high) * 100)}%) · ${returned}/${voicemails}`);
    expect(cells[4]).toBe(voicemails);
    expect(cells[5]).toBe(returned);
    expect(cells[6]).toMatch(new RegExp(`^${appointments} `));
  }

  // A custom range around the old voicemails leaves only those 12, 3 of them returned.
  await views.getByRole("link", { name: "Scripts" }).click();
  await expect(page).toHaveURL(/\/leaderboard\?range=30d$/);
  await page.getByLabel("Period").selectOption("custom");
  await page.getByLabel("From").fill(localDate(new Date(Date.now() - 62 * DAY)));
  await page.getByLabel("To").fill(localDate(new Date(Date.now() - 45 * DAY)));
  await page.getByRole("button", { name: "Apply dates" }).click();
  await expect(page).toHaveURL(/range=custom&from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$/);
  await expectBoard(boardTable(page), [["1", "Hang up mid-sentence", "25.0% (9–53%) · 3/12"]]);
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", /^\/api\/leaderboard\.csv\?range=custom&from=.+&to=.+$/);

  // A range that ends before it starts is refused in place; the view stays as it was.
  const shown = page.url();
  await page.getByLabel("From").fill(localDate(new Date(Date.now() - 10 * DAY)));
  await page.getByLabel("To").fill(localDate(new Date(Date.now() - 20 * DAY)));
  await page.getByRole("button", { name: "Apply dates" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The range ends before it starts." })).toBeVisible();
  await expect(page.getByLabel("To")).toHaveAttribute("aria-invalid", "true");
  expect(page.url()).toBe(shown);
});

test("the team overview and a rep's drill-down load their charts; a rep is kept out of the overview", async ({ browser }, testInfo) => {
  const { manager, rep } = await teamWithHistory(browser);
  const page = manager.page;

  await page.getByRole("link", { name: "Leaderboard", exact: true }).click();
  await page.getByRole("link", { name: "Team overview" }).click();
  await expect(page.getByRole("heading", { name: "Team overview" })).toBeVisible();
  for (const id of ["overview-activity", "overview-funnel", "overview-attempts", "overview-heatmap", "overview-read-time", "overview-trend"])
    await expect(page.getByTestId(id)).toHaveAttribute("data-state", "loaded");
  const funnel = page.getByRole("table", { name: /How many voicemails turn into callbacks/ });
  await expect(funnel.getByRole("row", { name: /Voicemails/ })).toContainText("46");
  await expect(funnel.getByRole("row", { name: /Called back/ })).toContainText("20 · 43.5%");
  await expect(funnel.getByRole("row", { name: /Appointments/ })).toContainText("3 · 6.5%");
  await expect(page.getByRole("table", { name: /Scripts used at the 4th voicemail/ })).toContainText("No 4th-or-later voicemails in this period.");
  await shoot(page, testInfo, "team-overview", page.getByTestId("overview-trend"));

  // The manager drills into the rep from the Reps tab.
  await page.goto("/leaderboard?by=rep");
  await boardTable(page).getByRole("link", { name: "Riley Rep" }).click();
  await expect(page.getByRole("heading", { name: "Riley Rep" })).toBeVisible();
  for (const id of ["rep-trend", "rep-scripts", "rep-activity"]) await expect(page.getByTestId(id)).toHaveAttribute("data-state", "loaded");
  await expectBoard(page.getByRole("table", { name: /Which scripts work for Riley\? — table/ }), [
    ["1", "Number early", "40.0% (22–61%) · 8/20"],
    ["needs more data", "Last try", "75.0% (30–95%) · 3/4"],
  ]);
  await shoot(page, testInfo, "rep-drilldown", page.getByTestId("rep-scripts"));

  // The rep: no overview link, a refusal on the page, FORBIDDEN from the procedure.
  await rep.page.getByRole("link", { name: "Leaderboard", exact: true }).click();
  await expect(rep.page.getByTestId("leaderboard-chart-script")).toHaveAttribute("data-state", "loaded");
  await expect(rep.page.getByRole("link", { name: "Team overview" })).toHaveCount(0);
  await rep.page.goto("/leaderboard/team");
  await expect(rep.page.getByRole("region", { name: "This page is for managers" })).toBeVisible();
  await expect(rep.page.getByRole("figure")).toHaveCount(0);
  const refused = await rep.page.request.get(`/api/trpc/leaderboard.overview?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.json.data.code).toBe("FORBIDDEN");
  await rep.page.screenshot({ path: testInfo.outputPath("team-overview-refused-rep.png"), fullPage: true });
});
