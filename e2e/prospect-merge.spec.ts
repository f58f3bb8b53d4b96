import { callProcedure, expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 12, item 10: a manager merges a duplicate prospect into the one kept, from its page.

test("a duplicate prospect is merged into the one kept, by keyboard, after a confirmation", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Merge Calling");
  const script = await callProcedure<{ id: number }>(page, "scripts.create", { title: "Opener", stage: "any", body: "Hi {prospect.firstName}.", shared: true });
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const kept = await callProcedure<{ prospectId: number }>(page, "attempts.log", {
    prospect: { name: "Ada Park", phone: "212-555-0100" },
    outcome: "voicemail",
    scriptId: script.id,
    at: ago(180),
  });
  const duplicate = await callProcedure<{ prospectId: number }>(page, "attempts.log", {
    prospect: { name: "Ada Parker", phone: "646-555-0100", company: "Parker & Co" },
    outcome: "voicemail",
    scriptId: script.id,
    at: ago(120),
  });
  await callProcedure(page, "attempts.log", { prospect: { id: duplicate.prospectId }, outcome: "voicemail", scriptId: script.id, at: ago(90) });
  await callProcedure(page, "callbacks.log", { prospect: { id: duplicate.prospectId }, result: "interested", at: ago(30) });

  await page.goto(`/prospects/${kept.prospectId}`);
  await expect(page.getByRole("heading", { name: "Ada Park", exact: true })).toBeVisible();
  const open = page.getByRole("button", { name: "Merge a duplicate…" });
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Merge a duplicate into Ada Park" });
  await dialog.getByLabel("Find the duplicate by name or phone").fill("Ada");
  // The prospect itself is not offered.
  await expect(dialog.getByRole("radio")).toHaveCount(1);
  await dialog.getByRole("radio", { name: /Ada Parker/ }).check();
  await expect(dialog.getByRole("note")).toContainText("Ada Parker is deleted. This cannot be undone.");
  await page.screenshot({ path: testInfo.outputPath("prospect-merge-dialog-1280.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Merge Ada Parker into Ada Park" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole("status").filter({ hasText: "Ada Parker is merged into Ada Park" })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByRole("listitem")).toHaveCount(4);
  // Newest first: the callback, now credited to the third voicemail, then voicemails #3, #2, #1.
  await expect(timeline.getByRole("listitem").nth(0)).toContainText("voicemail #3");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText("Voicemail #3");
  await expect(timeline.getByRole("listitem").nth(3)).toContainText("Voicemail #1");
  await expect(page.getByText("Parker & Co")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("prospect-merged-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath("prospect-merged-375.png"), fullPage: true });

  await page.goto(`/prospects/${duplicate.prospectId}`);
  await expect(page.getByRole("heading", { name: "Ada Parker" })).toHaveCount(0);
});
