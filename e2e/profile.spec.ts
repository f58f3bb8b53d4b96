import { callProcedure, expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 12, items 9 and 18: a profile for every member, scripts that warn before Today, a
// first-run checklist that goes away when done, and the product's own 404.

test("a rep's scripts warn about a missing phone until the profile fills it, and the preview reads the real member", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Profile Calling");
  await page.goto("/scripts/new");
  await page.getByLabel("Title").fill("Number early");
  await page.getByLabel("Script", { exact: true }).fill("Hi {prospect.firstName}, it's {rep.name} on {rep.phone}.");
  const preview = page.getByLabel("Rendered preview");
  await expect(preview).toHaveText("Hi Jordan, it's Olivia Owner on [rep.phone].");
  const warning = page.getByRole("alert").filter({ hasText: "Your phone number is not on your profile" });
  await expect(warning).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("editor-warning-1280.png"), fullPage: true });

  await warning.getByRole("link", { name: "Fill in your profile" }).click();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Olivia Owner");
  await page.getByLabel("Your name").fill("Olivia Oakes");
  await page.getByLabel("Your phone number").fill("516.541.8160");
  await page.getByLabel("Your speaking rate (words a minute)").fill("120");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  await expect(page.getByLabel("Your phone number")).toHaveValue("(516) 541-8160");
  await page.screenshot({ path: testInfo.outputPath("profile-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath("profile-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // A number that cannot be a phone is refused with the reason, and nothing changes.
  await page.getByLabel("Your phone number").fill("555");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("“555” is not a phone number.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Your phone number")).toHaveValue("(516) 541-8160");

  await page.goto("/scripts/new");
  await page.getByLabel("Script", { exact: true }).fill("Hi {prospect.firstName}, it's {rep.name} on {rep.phone}.");
  await expect(preview).toHaveText("Hi Jordan, it's Olivia Oakes on +1 516 541 8160.");
  await expect(page.getByText("at 120 words a minute")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "not on your profile" })).toHaveCount(0);
});

test("a new team's checklist links each first step and disappears when all are done", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "First Run");
  const checklist = page.getByRole("list", { name: "Get started" });
  for (const step of ["Write a script", "Set your phone", "Invite reps", "Import history"]) {
    await expect(checklist.getByRole("link", { name: step })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "write the first one" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("first-run-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath("first-run-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole("link", { name: "write the first one" }).click();
  await expect(page).toHaveURL(/\/scripts\/new$/);
  const script = await callProcedure<{ id: number }>(page, "scripts.create", { title: "Opener", stage: "first-touch", body: "Hi {prospect.firstName}.", shared: true });
  await page.goto("/today");
  await expect(checklist.getByRole("listitem").filter({ hasText: "Write a script" })).toContainText("(done)");
  await expect(checklist.getByRole("link", { name: "Write a script" })).toHaveCount(0);

  await callProcedure(page, "profile.update", { name: "Olivia Owner", phone: "212-555-0147", wordsPerMinute: null });
  await callProcedure(page, "teams.invite", { email: "rita.rep@e2e.ringback.test", role: "rep" });
  await callProcedure(page, "attempts.log", { prospect: { name: "Ada Park", phone: "212-555-0100" }, outcome: "voicemail", scriptId: script.id });
  await page.goto("/today");
  await expect(page.getByRole("heading", { name: "Log a dial" })).toBeVisible();
  await expect(checklist).toHaveCount(0);
});

test("an unknown address answers 404 in the product's look, with a way back and a favicon", async ({ page }, testInfo) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page didn’t call back" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Today" })).toBeVisible();
  expect(await response?.text()).toMatch(/<link rel="icon" href="\/icon\.svg[^"]*"[^>]*type="image\/svg\+xml"/);
  const icon = await page.request.get("/icon.svg");
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await page.screenshot({ path: testInfo.outputPath("404-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath("404-375.png"), fullPage: true });
});
