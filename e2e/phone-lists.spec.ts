import { callProcedure, expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 12, item 17: at 375 px the leaderboard's ten-column table is a list of cards, and no page
// scrolls sideways (the team overview's heatmap included).
test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

const noSidewaysScroll = async (page: import("@playwright/test").Page) =>
  expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

test("on a phone the leaderboard reads as a list and the leaderboard, team overview and team pages fit the screen", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Phone Lists");
  const script = await callProcedure<{ id: number }>(page, "scripts.create", { title: "Number early opener", stage: "first-touch", body: "Hi {prospect.firstName}.", shared: true });
  for (let i = 0; i < 3; i++) {
    await callProcedure(page, "attempts.log", { prospect: { name: `Prospect ${i}`, phone: `+1516555${1000 + i}` }, outcome: "voicemail", scriptId: script.id });
  }

  await page.goto("/leaderboard");
  const ranking = page.getByRole("list", { name: "Which scripts get called back? — ranking" });
  const entry = ranking.getByRole("listitem", { name: "Number early opener" });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole("definition").first()).toContainText("· 0/3");
  await expect(entry.getByText("needs more data")).toBeVisible();
  await expect(page.getByRole("table", { name: /leaderboard table/ })).toBeHidden();
  await noSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath("leaderboard-375.png"), fullPage: true });

  await page.goto("/leaderboard/team");
  await expect(page.getByTestId("overview-heatmap")).toBeVisible();
  await noSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath("team-overview-375.png"), fullPage: true });

  await page.goto("/team");
  await expect(page.getByRole("heading", { name: "Phone Lists" })).toBeVisible();
  await noSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath("team-375.png"), fullPage: true });
});

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
  test("the leaderboard keeps its table and no card list", async ({ page }, testInfo) => {
    await newOwnerWithTeam(page, "Desk Lists");
    const script = await callProcedure<{ id: number }>(page, "scripts.create", { title: "Number early opener", stage: "first-touch", body: "Hi {prospect.firstName}.", shared: true });
    await callProcedure(page, "attempts.log", { prospect: { name: "Ada Park", phone: "+15165551000" }, outcome: "voicemail", scriptId: script.id });
    await page.goto("/leaderboard");
    await expect(page.getByRole("table", { name: /leaderboard table/ }).getByRole("cell", { name: "Number early opener" })).toBeVisible();
    await expect(page.getByRole("list", { name: /— ranking$/ })).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath("leaderboard-1280.png"), fullPage: true });
  });
});
