import { callProcedure, expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 12, item 10: a prospect's name, phone and company are editable, and so is a dial of an
// earlier day, from the prospect's page.

test("a prospect's details and yesterday's dial are corrected from the prospect page", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Correction Calling");
  const script = await callProcedure<{ id: number }>(page, "scripts.create", { title: "Opener", stage: "first-touch", body: "Hi {prospect.firstName}.", shared: true });
  const yesterday = new Date(Date.now() - 26 * 3_600_000).toISOString();
  const dial = await callProcedure<{ prospectId: number }>(page, "attempts.log", {
    prospect: { name: "Ada Prk", phone: "212-555-0100" },
    outcome: "no-message",
    at: yesterday,
  });
  await callProcedure(page, "attempts.log", { prospect: { name: "Ben Ortiz", phone: "212-555-0101" }, outcome: "no-message" });

  await page.goto(`/prospects/${dial.prospectId}`);
  await expect(page.getByRole("heading", { name: "Ada Prk" })).toBeVisible();
  await page.getByRole("button", { name: "Edit details" }).click();
  const details = page.getByRole("dialog", { name: "Edit Ada Prk" });
  await details.getByLabel("Name").fill("Ada Park");
  await details.getByLabel("Company (optional)").fill("Park & Co");
  // Ben's number: refused, with whose it is.
  await details.getByLabel("Phone").fill("(212) 555-0101");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByText("Ben Ortiz already has that number.")).toBeVisible();
  await details.getByLabel("Phone").fill("646.555.0199");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details).toBeHidden();
  await expect(page.getByRole("heading", { name: "Ada Park" })).toBeVisible();
  await expect(page.getByText("Park & Co · (646) 555-0199")).toBeVisible();

  // Yesterday's "no message" was really a voicemail with the opener.
  const timeline = page.getByRole("list", { name: "Timeline" });
  await timeline.getByRole("button", { name: /^Edit dial of / }).click();
  const edit = page.getByRole("dialog", { name: "Edit dial to Ada Park" });
  await edit.getByLabel("Outcome").selectOption("voicemail");
  await edit.getByLabel("Voicemail script").selectOption(String(script.id));
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(timeline.getByRole("listitem").first()).toContainText("Voicemail #1");
  await expect(timeline.getByRole("listitem").first()).toContainText("“Opener” v1");
  await page.screenshot({ path: testInfo.outputPath("prospect-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath("prospect-375.png"), fullPage: true });
});
