import { createHmac } from "node:crypto";
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

test("a callback a phone system posts to the signed webhook shows on the rep's open Today within 2 s", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  await newOwnerWithTeam(owner, "Live Hooks");
  await addSharedScript(owner, "Second touch", "follow-up", "Hi {prospect.firstName}, {rep.name} again.");
  const hook = await callProcedure<{ id: string; secret: string; url: string }>(owner, "integrations.create", { provider: "ringback", name: "Our dialer" });
  const { page: rep } = await inviteByLink(browser, owner, "Robin Rep");
  const scripts = await queryProcedure<{ id: number; title: string }[]>(rep, "scripts.pickable", undefined);
  const script = scripts.find((s) => s.title === "Second touch")!;
  await callProcedure(rep, "attempts.log", { prospect: { name: "Dana Whitfield", phone: "516-541-8160" }, outcome: "voicemail", scriptId: script.id });
  await openLive(rep, "/today");

  const body = JSON.stringify({ prospect_phone: "+1 516 541 8160", result: "interested", external_id: "pbx-call-77" });
  const t = Math.floor(Date.now() / 1000);
  const signature = `t=${t},v1=${createHmac("sha256", hook.secret).update(`${t}.${body}`).digest("hex")}`;
  const posted = await owner.request.post(new URL(hook.url).pathname, { headers: { "content-type": "application/json", "x-ringback-signature": signature }, data: body });
  expect(posted.status()).toBe(201);
  await expect(rep.getByRole("status", { name: "Callbacks credited to you" })).toHaveText('Dana Whitfield called back — credited to your voicemail #1 ("Second touch")', { timeout: 2000 });
  await expect(rep.getByLabel("Callbacks today")).toHaveText("1", { timeout: 2000 });
});

test("a manager's display link opens the live sales floor without a session, and refuses once revoked", async ({ browser }, testInfo) => {
  const owner = await (await browser.newContext()).newPage();
  await newOwnerWithTeam(owner, "Floor Team");
  await addSharedScript(owner, "Number early", "first-touch", "Hi {prospect.firstName}, {rep.name} here.");
  const scripts = await queryProcedure<{ id: number; title: string }[]>(owner, "scripts.pickable", undefined);
  const opener = scripts.find((s) => s.title === "Number early")!;
  const first = await callProcedure<{ prospectId: number }>(owner, "attempts.log", { prospect: { name: "Dana Whitfield", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id });
  await callProcedure(owner, "callbacks.log", { prospect: { id: first.prospectId }, result: "interested" });

  await owner.getByRole("link", { name: "Team", exact: true }).click();
  await owner.getByLabel("Display name").fill("Lobby TV");
  await owner.getByRole("button", { name: "Create display link" }).click();
  const url = await owner.getByLabel(/^Display link for Lobby TV/).inputValue();
  await expect(owner.getByRole("list", { name: "Display links" })).toContainText("Lobby TV");

  const wall = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const live = wall.waitForResponse((r) => new URL(r.url()).pathname.startsWith("/api/live/floor/") && r.status() === 200);
  await wall.goto(url);
  await live;
  await expect(wall.getByRole("heading", { name: "Which scripts get called back?" })).toBeVisible();
  await expect(wall.getByRole("figure", { name: /Which scripts get called back\? Callback rate per script, Floor Team/ })).toBeVisible();
  const table = wall.getByRole("table", { name: "Sales floor leaderboard table" });
  await expect(table.getByRole("row", { name: /Number early/ })).toContainText("1/1");
  await expect(wall.getByRole("button")).toHaveCount(0);

  await callProcedure(owner, "attempts.log", { prospect: { name: "Sam Second", phone: "516-541-8162" }, outcome: "voicemail", scriptId: opener.id });
  await expect(table.getByRole("row", { name: /Number early/ })).toContainText("1/2", { timeout: 2000 });

  for (const [label, width] of [["1280", 1280], ["375", 375]] as const) {
    await wall.setViewportSize({ width, height: width === 375 ? 812 : 800 });
    await expect(wall.getByRole("heading", { name: "Which scripts get called back?" })).toBeInViewport();
    await wall.screenshot({ path: testInfo.outputPath(`sales-floor-${label}.png`) });
  }

  await owner.getByRole("button", { name: "Revoke display link Lobby TV" }).click();
  await expect(owner.getByRole("list", { name: "Display links" })).toHaveCount(0);
  await wall.reload();
  await expect(wall.getByRole("heading", { name: "This display link was revoked" })).toBeVisible();
  await expect(wall.getByText("Number early")).toHaveCount(0);
  expect((await wall.request.get(`/api/live/floor/${url.split("/").pop()}`)).status()).toBe(410);
});
