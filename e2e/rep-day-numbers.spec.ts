import type { Page, TestInfo } from "@playwright/test";
import { callProcedure, expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 12, numbers and words: the callback queue's count and pages, rankings within a stage,
// and errors in the user's words. Data is set up through the real procedures over HTTP.

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const [label, width] of [["desktop", 1280], ["phone", 375]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

type Created = { id: number };

// Each story takes screenshots at two widths: more than the default minute on a shared machine.
test.describe.configure({ timeout: 180_000 });

test("the callback queue shows its true count and pages through all of it, freshest first", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Queue Team");
  const opener = await callProcedure<Created>(page, "scripts.create", { title: "Opener", stage: "first-touch", body: "Hi {prospect.firstName}.", shared: true });
  const now = Date.now();
  for (let i = 0; i < 12; i++) {
    await callProcedure(page, "attempts.log", {
      prospect: { name: `Queue ${String(i).padStart(2, "0")}`, phone: `(516) 555-02${String(10 + i)}` },
      outcome: "voicemail",
      scriptId: opener.id,
      at: new Date(now - (i + 1) * 3_600_000).toISOString(),
    });
  }
  await page.reload();
  const queue = page.getByRole("region", { name: "Awaiting callback (12)" });
  await expect(queue).toBeVisible();
  const items = queue.getByRole("list", { name: "Awaiting callback" }).getByRole("listitem");
  await expect(items).toHaveCount(10);
  await expect(items.first()).toContainText("Queue 00");
  await expect(queue.getByText("1–10 of 12")).toBeVisible();
  await shoot(page, testInfo, "today-queue");
  await queue.getByRole("button", { name: "Next" }).click();
  await expect(queue.getByText("11–12 of 12")).toBeVisible();
  await expect(items).toHaveCount(2);
  await expect(items.last()).toContainText("Queue 11");
});

test("errors speak the user's language: a long name, a reversed export range, custom dates out of range", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Plain Words");
  const search = page.getByLabel("Prospect", { exact: true });
  await search.fill("a".repeat(121));
  await expect(page.getByRole("alert").filter({ hasText: "A prospect's name is at most 120 characters; this is 121." })).toBeVisible();
  await expect(page.getByText("Searching…")).toHaveCount(0);

  // An empty team's board does not claim its callbacks are all credited.
  await page.goto("/leaderboard");
  await expect(page.getByText("No callbacks in this period yet.")).toBeVisible();
  await expect(page.getByText("Every callback in this period is credited to a voicemail.")).toHaveCount(0);

  await page.goto("/leaderboard?range=custom&from=1999-01-01&to=2025-01-31");
  await expect(page.getByRole("alert").filter({ hasText: "Dates must fall between the years 2000 and 2099 (not 1999-01-01). Those dates were not applied." })).toBeVisible();
  await page.getByLabel("From").fill("2025-02-01");
  await page.getByLabel("To").fill("2025-01-01");
  await page.getByRole("button", { name: "Apply dates" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The range ends before it starts." })).toBeVisible();
  await shoot(page, testInfo, "leaderboard-range-error");

  await page.goto("/team/import");
  await page.getByLabel("From (optional)").fill("2025-03-10");
  await page.getByLabel("To (optional)").fill("2025-03-01");
  await expect(page.getByRole("alert").filter({ hasText: "The range ends before it starts" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download attempts" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Download scripts/ })).toBeVisible();
  await shoot(page, testInfo, "export-reversed");
  await page.getByLabel("To (optional)").fill("2025-03-31");
  await expect(page.getByRole("link", { name: "Download attempts" })).toHaveAttribute("href", "/api/export/attempts?from=2025-03-10&to=2025-03-31");
});

test("the library and the Tags tab rank within a stage; the script comparison counts shared attempt numbers only", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Stage Ranks");
  const opener = await callProcedure<Created>(page, "scripts.create", { title: "Opener", stage: "first-touch", tags: ["number-early"], body: "Hi {prospect.firstName}.", shared: true });
  const closer = await callProcedure<Created>(page, "scripts.create", { title: "Closer", stage: "last-try", tags: ["humour"], body: "Last call, {prospect.firstName}.", shared: true });
  const start = Date.now() - 3 * 86_400_000;
  for (let p = 0; p < 20; p++) {
    const last = p >= 10;
    const dial = await callProcedure<{ prospectId: number }>(page, "attempts.log", {
      prospect: { name: `Lia ${p}`, phone: `(516) 555-03${String(10 + p)}` },
      outcome: "voicemail",
      scriptId: last ? closer.id : opener.id,
      at: new Date(start + p * 60_000).toISOString(),
    });
    if (last ? p < 18 : p < 3) await callProcedure(page, "callbacks.log", { prospect: { id: dial.prospectId }, result: "interested", at: new Date(start + p * 60_000 + 30 * 60_000).toISOString() });
  }
  await page.goto("/scripts");
  await expect(page.getByRole("heading", { name: "First touch — ranked among first touches" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Last try — ranked among last tries" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Closer" })).toContainText("#1 of last tries");
  await shoot(page, testInfo, "library-by-stage");

  await page.goto("/leaderboard?by=tag");
  await expect(page.getByRole("region", { name: "Among first touches (First touch)" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Among last tries (Last try)" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Every entry across all stages, as in the CSV" })).toContainText("Cross-stage");
  await shoot(page, testInfo, "leaderboard-tags-by-stage");

  await page.goto(`/scripts/${opener.id}`);
  await page.getByLabel("Compare with").selectOption({ label: "Closer (Last try)" });
  await expect(page.getByText(/counted on voicemail #1 only, where both were used — “Opener” 3 of 10, “Closer” 8 of 10/)).toBeVisible();
  await shoot(page, testInfo, "compare-shared-attempts");
});

test("editing a dial's notes keeps its time to the millisecond", async ({ page }) => {
  await newOwnerWithTeam(page, "Exact Times");
  // A minute ago at .107 seconds past some second, so the minute field cannot show it.
  const at = new Date(Math.floor((Date.now() - 60_000) / 1000) * 1000 + 107);
  await callProcedure(page, "attempts.log", { prospect: { name: "Tess Time", phone: "(516) 555-0401" }, outcome: "no-message", at: at.toISOString() });
  await page.reload();
  await page.getByRole("button", { name: /Edit dial to Tess Time/ }).click();
  await page.getByLabel("Dial notes").fill("asked to call after lunch");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const response = await page.request.get("/api/trpc/attempts.today");
  expect(response.ok()).toBe(true);
  const today = (await response.json()).result.data.json as { dials: { at: string; notes: string | null }[] };
  expect(today.dials[0].notes).toBe("asked to call after lunch");
  expect(new Date(today.dials[0].at).toISOString()).toBe(at.toISOString());
});
