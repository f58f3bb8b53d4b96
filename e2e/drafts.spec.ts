import { callProcedure, expect, inviteByLink, newOwnerWithTeam, test } from "./fixtures";

// DESIGN.md: deleting is soft or undoable. A deleted draft comes back with one click.

test("a deleted draft is brought back with Undo", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Draft Undo");
  await page.getByRole("link", { name: "Scripts", exact: true }).click();
  await page.getByRole("link", { name: "New script" }).click();
  await page.getByLabel("Title").fill("Scratch opener");
  await page.getByLabel("Stage").selectOption("first-touch");
  await page.getByLabel("Script", { exact: true }).fill("Hi {prospect.firstName}, {rep.name} here.");
  await expect(page.getByLabel(/Share with the team now/)).not.toBeChecked();
  await page.getByRole("button", { name: "Save script" }).click();
  await expect(page.getByRole("heading", { name: "Scratch opener" })).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete draft" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Draft deleted." });
  await expect(notice).toBeVisible();
  await expect(page.getByRole("link", { name: "Scratch opener" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("draft-deleted.png"), fullPage: true });

  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("heading", { name: "Scratch opener" })).toBeVisible();
  await page.getByRole("link", { name: "Scripts", exact: true }).click();
  await expect(page.getByRole("link", { name: "Scratch opener" })).toBeVisible();
});

// A rep's unshared draft stays theirs (issue 11): the owner's leaderboard counts its voicemails
// in one "Private drafts" row and names it nowhere, not even in the filters.
test("a teammate's unshared draft shows on the owner's leaderboard only as 'Private drafts'", async ({ page, browser }, testInfo) => {
  await newOwnerWithTeam(page, "Draft Privacy");
  await callProcedure(page, "scripts.create", { title: "Team opener", stage: "first-touch", tags: [], body: "Hi {prospect.firstName}.", shared: true });
  const rep = await inviteByLink(browser, page, "Ren Drafter");
  const draft = await callProcedure<{ id: number }>(rep.page, "scripts.create", { title: "Ren secret opener", stage: "first-touch", tags: ["ren-only"], body: "Psst {prospect.firstName}.", shared: false });
  for (let i = 0; i < 3; i++) {
    await callProcedure(rep.page, "attempts.log", { prospect: { name: `Prospect ${i}`, phone: `+1516555${1000 + i}` }, outcome: "voicemail", scriptId: draft.id });
  }

  await page.getByRole("link", { name: "Leaderboard", exact: true }).click();
  await expect(page.getByTestId("leaderboard-chart-script")).toHaveAttribute("data-state", "loaded");
  const row = page.getByRole("table", { name: /leaderboard table/ }).getByRole("row", { name: /Private drafts/ });
  await expect(row).toContainText("0.0% (0–56%) · 0/3");
  await expect(row).toContainText("not ranked");
  await expect(row).toContainText("teammates' unshared scripts, counted together");
  await expect(page.getByRole("list").filter({ hasText: "Private drafts" })).toHaveCount(0);
  await expect(page.getByText("Ren secret opener")).toHaveCount(0);
  await expect(page.getByRole("option", { name: "Ren secret opener" })).toHaveCount(0);
  await expect(page.getByRole("option", { name: "ren-only" })).toHaveCount(0);
  for (const [label, width] of [["desktop", 1280], ["phone", 375]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`private-drafts-${label}.png`), fullPage: true });
  }

  // Its author still sees it by name.
  await rep.page.getByRole("link", { name: "Leaderboard", exact: true }).click();
  await expect(rep.page.getByRole("table", { name: /leaderboard table/ }).getByRole("row", { name: /Ren secret opener/ })).toContainText("0/3");
});
