import { expect, linkFromOutbox, newOwnerWithTeam, signUp, test, uniqueEmail } from "./fixtures";

test("signed-out visitors are sent to sign in and come back after", async ({ page }) => {
  await page.goto("/leaderboard");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fleaderboard/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("owner invites a rep who logs a voicemail that gets called back, and the leaderboard shows it", async ({ browser }, testInfo) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await newOwnerWithTeam(owner, "Acme Outbound");
  await owner.screenshot({ path: testInfo.outputPath("today-empty.png"), fullPage: true });

  // The owner writes a script so the rep has one to pick.
  await owner.getByRole("link", { name: "Scripts", exact: true }).click();
  await owner.getByRole("link", { name: "New script" }).click();
  await owner.getByLabel("Title").fill("Number early");
  await owner.getByLabel("Tactic tags (optional)").fill("number-early, under-30s");
  await owner.getByLabel("Script", { exact: true }).fill("Hi {prospect.firstName}, it's {rep.name} — my number is {rep.phone}. Calling about {prospect.company}.");
  await owner.getByLabel(/Share with the team now/).check();
  await owner.getByRole("button", { name: "Save script" }).click();
  await expect(owner.getByRole("heading", { name: "Number early" })).toBeVisible();
  await owner.screenshot({ path: testInfo.outputPath("scripts.png"), fullPage: true });

  // Invite a rep and take the link.
  const repEmail = uniqueEmail("rep");
  await owner.getByRole("link", { name: "Team", exact: true }).click();
  await owner.getByLabel("Email", { exact: true }).fill(repEmail);
  await owner.getByLabel("Role").selectOption("rep");
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const link = await owner.getByLabel(/Invite link for/).inputValue();
  expect(link).toContain("/invite/");
  await owner.screenshot({ path: testInfo.outputPath("team.png"), fullPage: true });

  // The rep accepts in their own browser.
  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await rep.goto(link);
  await expect(rep.getByRole("heading", { name: "Join Acme Outbound" })).toBeVisible();
  await rep.getByRole("link", { name: "Create an account to join" }).click();
  await expect(rep.getByLabel("Work email")).toHaveValue(repEmail);
  await signUp(rep, "Riley Rep", repEmail);
  // Holding the link is not enough: the address must be proven first, by the mail sent to it.
  await expect(rep.getByRole("region", { name: "Verify your e-mail address" })).toContainText(repEmail);
  await expect(rep.getByRole("button", { name: "Accept invite" })).toHaveCount(0);
  await rep.screenshot({ path: testInfo.outputPath("invite-unverified.png"), fullPage: true });
  await rep.goto(await linkFromOutbox(repEmail, /^Verify your e-mail/));
  await expect(rep.getByRole("heading", { name: "Join Acme Outbound" })).toBeVisible();
  await rep.getByRole("button", { name: "Accept invite" }).click();
  await expect(rep.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  await expect(rep.getByTestId("role")).toHaveText("rep");

  // The rep logs a voicemail with the script.
  await rep.getByLabel("Prospect", { exact: true }).fill("(516) 541-8160");
  await rep.getByRole("option", { name: /Create new prospect/ }).click();
  await rep.getByLabel("Prospect name").fill("Dana Whitfield");
  await expect(rep.getByLabel("Phone", { exact: true })).toHaveValue("(516) 541-8160");
  await rep.getByLabel("Company (optional)").fill("Harbor Freight Co");
  await expect(rep.getByLabel("Script")).toHaveValue(/\d+/);
  await rep.getByLabel("Message length (seconds, optional)").fill("24");
  await rep.getByRole("button", { name: "Log dial" }).click();
  await expect(rep.getByRole("status")).toHaveText("Dial logged.");
  await expect(rep.getByRole("table", { name: /Today's dials/ }).getByRole("row", { name: /Dana Whitfield/ })).toBeVisible();

  // The prospect calls back from the same number, written another way.
  await rep.getByRole("button", { name: "Log callback" }).click();
  const callbackDialog = rep.getByRole("dialog", { name: "Log a callback" });
  await callbackDialog.getByLabel("Caller's phone").fill("+1 516 541 8160");
  await expect(callbackDialog.getByLabel("Attribution preview")).toContainText("Will credit Riley Rep's voicemail #1 — “Number early”");
  await callbackDialog.getByLabel("Result").selectOption("appointment");
  await callbackDialog.getByRole("button", { name: "Log callback" }).click();
  await expect(rep.getByText("Credited to Riley Rep's voicemail #1 with “Number early”.")).toBeVisible();
  await rep.screenshot({ path: testInfo.outputPath("today.png"), fullPage: true });
  await rep.keyboard.press("Escape");

  // The leaderboard shows the script at 100% with its interval, not yet ranked.
  await rep.getByRole("link", { name: "Leaderboard", exact: true }).click();
  await expect(rep.getByTestId("leaderboard-chart-script")).toHaveAttribute("data-state", "loaded");
  const row = rep.getByRole("table", { name: /leaderboard table/ }).getByRole("row", { name: /Number early/ });
  await expect(row).toContainText("100.0% (21–100%) · 1/1");
  await expect(row).toContainText("needs more data");
  await rep.screenshot({ path: testInfo.outputPath("leaderboard.png"), fullPage: true });

  await rep.getByRole("link", { name: "Reps" }).click();
  await expect(rep.getByRole("table", { name: /leaderboard table/ }).getByRole("row", { name: /Riley Rep/ })).toContainText("1/1");

  await ownerContext.close();
  await repContext.close();
});
