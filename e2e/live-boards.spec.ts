import type { Page } from "@playwright/test";
import { addSharedScript, callProcedure, expect, inviteByLink, newOwnerWithTeam, queryProcedure, test } from "./fixtures";

// Live boards (issue 14): a write by one member — here through the API, as an import, the CLI or
// a webhook would — reaches another member's open Today and Leaderboard within 2 s, pushed by
// the server (app/api/live), without a reload.

/** Opens `path` and waits for its live stream: the server subscribes before it answers. */
async function openLive(page: Page, path: string) {
  const live = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/live" && r.status() === 200);
  await page.goto(path);
  await live;
}

test("a teammate's callback shows on the rep's open Today and the owner's open Leaderboard within 2 s", async ({ browser }, testInfo) => {
  const owner = await (await browser.newContext()).newPage();
  await newOwnerWithTeam(owner, "Live Floor");
  await addSharedScript(owner, "Last try", "last-try", "Hi {prospect.firstName}, last try from {rep.name}.");
  const { page: rep } = await inviteByLink(browser, owner, "Riley Rep");
  const scripts = await queryProcedure<{ id: number; title: string }[]>(rep, "scripts.pickable", undefined);
  const lastTry = scripts.find((s) => s.title === "Last try")!;

  await openLive(rep, "/today");
  await expect(rep.getByLabel("Voicemails today")).toHaveText("0");
  const dial = await callProcedure<{ prospectId: number }>(rep, "attempts.log", { prospect: { name: "Dana Whitfield", phone: "516-541-8160" }, outcome: "voicemail", scriptId: lastTry.id });
  await expect(rep.getByLabel("Voicemails today")).toHaveText("1", { timeout: 2000 });

  await openLive(owner, "/leaderboard");
  const unranked = owner.getByRole("list", { name: "Entries that need more data" });
  await expect(unranked).toContainText("0/1");

  await callProcedure(owner, "callbacks.log", { prospect: { id: dial.prospectId }, result: "interested" });
  const notice = rep.getByRole("status", { name: "Callbacks credited to you" });
  await expect(notice).toHaveText('Dana Whitfield called back — credited to your voicemail #1 ("Last try")', { timeout: 2000 });
  await expect(rep.getByLabel("Callbacks today")).toHaveText("1", { timeout: 2000 });
  await expect(unranked).toContainText("1/1", { timeout: 2000 });

  for (const [label, width] of [["desktop", 1280], ["phone", 375]] as const) {
    await rep.setViewportSize({ width, height: 900 });
    await expect(notice).toBeVisible();
    await rep.screenshot({ path: testInfo.outputPath(`today-callback-notice-${label}.png`) });
  }
});
