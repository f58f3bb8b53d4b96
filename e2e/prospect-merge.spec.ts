import { callProcedure, expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 12, item 10: a manager merges a duplicate prospect into the one kept, from its page, and
// can undo it there right away or later from the merge trail on Prospects.

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
  await expect(dialog.getByRole("note")).toContainText("Ada Parker leaves the prospect list. You can undo the merge for 30 days");
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

test("a merge is undone from the kept prospect's page, and later merges from the trail on Prospects", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Undo Calling");
  const script = await callProcedure<{ id: number }>(page, "scripts.create", { title: "Opener", stage: "any", body: "Hi {prospect.firstName}.", shared: true });
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const kept = await callProcedure<{ prospectId: number }>(page, "attempts.log", { prospect: { name: "Bo Kept", phone: "212-555-0110" }, outcome: "voicemail", scriptId: script.id, at: ago(180) });
  const twin = await callProcedure<{ prospectId: number }>(page, "attempts.log", {
    prospect: { name: "Bo Twin", phone: "646-555-0110", company: "Twin & Co" },
    outcome: "voicemail",
    scriptId: script.id,
    at: ago(120),
  });
  await callProcedure(page, "callbacks.log", { prospect: { id: twin.prospectId }, result: "interested", at: ago(30) });

  await page.goto(`/prospects/${kept.prospectId}`);
  await page.getByRole("button", { name: "Merge a duplicate…" }).click();
  const dialog = page.getByRole("dialog", { name: "Merge a duplicate into Bo Kept" });
  await dialog.getByLabel("Find the duplicate by name or phone").fill("Twin");
  await dialog.getByRole("radio", { name: /Bo Twin/ }).check();
  await dialog.getByRole("button", { name: "Merge Bo Twin into Bo Kept" }).click();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByRole("listitem")).toHaveCount(3);

  // Undo, right after the merge, like a deleted dial's.
  await page.getByRole("status").filter({ hasText: "Bo Twin is merged into Bo Kept" }).getByRole("button", { name: "Undo the merge of Bo Twin" }).click();
  const back = page.getByRole("status").filter({ hasText: "Merge undone" });
  await expect(back).toHaveText("Merge undone: Bo Twin is back with 1 dial and 1 callback.");
  await expect(timeline.getByRole("listitem")).toHaveCount(1);
  await expect(timeline.getByRole("listitem").first()).toContainText("Voicemail #1");
  await expect(page.getByText("Twin & Co")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("prospect-merge-undone-1280.png"), fullPage: true });
  await back.getByRole("link", { name: "Bo Twin" }).click();
  await expect(page.getByRole("heading", { name: "Bo Twin", exact: true })).toBeVisible();
  await expect(timeline.getByRole("listitem")).toHaveCount(2);
  await expect(timeline.getByRole("listitem").nth(1)).toContainText("Voicemail #1");

  // Merged again, then undone later from the trail, which keeps both merges and who undid them.
  await callProcedure(page, "prospects.merge", { keepId: kept.prospectId, duplicateId: twin.prospectId });
  await page.goto("/prospects");
  const prospects = page.getByRole("table", { name: /Prospects/ });
  await expect(prospects.getByRole("row").filter({ hasText: "Bo Twin" })).toHaveCount(0);
  const trail = page.getByRole("list", { name: "Merges" });
  await expect(trail.getByRole("listitem")).toHaveCount(2);
  await expect(trail.getByRole("listitem").nth(1)).toContainText("Bo Twin into Bo Kept · 1 dial, 1 callback · by");
  await expect(trail.getByRole("listitem").nth(1)).toContainText("undone by");
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath("prospect-merge-trail-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await trail.getByRole("button", { name: "Undo the merge of Bo Twin into Bo Kept" }).click();
  await expect(trail.getByRole("button", { name: /Undo the merge/ })).toHaveCount(0);
  await expect(trail.getByRole("listitem").first()).toContainText("undone by");
  await expect(prospects.getByRole("row").filter({ hasText: "Bo Twin" })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("prospect-merge-trail-1280.png"), fullPage: true });
});
