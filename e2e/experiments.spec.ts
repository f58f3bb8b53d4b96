import { callProcedure, expect, inviteByLink, newOwnerWithTeam, queryProcedure, test } from "./fixtures";

// Issue 16: a manager starts a fair test of two openers; a rep's next matching voicemail is
// assigned one of them on Today ("Experiment: read this one"), and the experiment page counts it.

test("a manager starts an experiment, a rep is assigned an arm on Today, and the page counts the voicemail", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const owner = await (await browser.newContext()).newPage();
  await newOwnerWithTeam(owner, "Experiment Calling");
  for (const title of ["Quick opener", "Question opener"]) {
    await callProcedure(owner, "scripts.create", { title, stage: "first-touch", body: `${title}: hi {prospect.firstName}, it's {rep.name}.`, shared: true });
  }
  const { page: rep } = await inviteByLink(browser, owner, "Rex Rep");

  await owner.getByRole("link", { name: "Experiments", exact: true }).click();
  await expect(owner.getByRole("heading", { name: "Experiments", exact: true })).toBeVisible();
  await owner.getByLabel("Name", { exact: true }).fill("Openers head to head");
  await owner.getByLabel("Quick opener").check();
  await owner.getByLabel("Question opener").check();
  // No history yet: the plan assumes 20% and says how many voicemails each script needs.
  await expect(owner.getByTestId("experiment-plan")).toContainText(/About [\d,]+ voicemails per script will likely be needed to detect 10 points over an assumed 20%/);
  await owner.screenshot({ path: testInfo.outputPath("experiments-start-1280.png"), fullPage: true });
  await owner.getByRole("button", { name: "Start the experiment" }).click();
  await expect(owner.getByRole("heading", { name: "Openers head to head" })).toBeVisible();
  await expect(owner.getByTestId("verdict")).toHaveText(/^Keep going: about [\d,]+ more voicemails per arm$/);

  // Rex leaves a first voicemail for a new prospect: Today names the arm to read.
  await rep.getByLabel("Prospect", { exact: true }).click();
  await rep.keyboard.type("(516) 555-0161");
  await expect(rep.getByRole("option", { name: /Create new prospect/ })).toBeVisible();
  await rep.keyboard.press("Enter");
  await expect(rep.getByLabel("Prospect name")).toBeFocused();
  await rep.keyboard.type("Petra Prospect");
  await expect(rep.getByRole("region", { name: "Text to read" })).toContainText("hi Petra,");
  const assignment = rep.getByRole("status", { name: "Experiment" });
  await expect(assignment).toContainText(/Experiment: read this one — “(Quick|Question) opener”, arm [AB] of “Openers head to head”/);
  const assigned = (await assignment.textContent())!.match(/“((?:Quick|Question) opener)”/)![1]!;
  // The suggestion is the assigned script, already selected: its text is the one to read.
  await expect(rep.getByRole("region", { name: "Text to read" })).toHaveText(`${assigned}: hi Petra, it's Rex Rep.`);
  await rep.screenshot({ path: testInfo.outputPath("today-experiment-1280.png"), fullPage: true });
  await rep.keyboard.press("Enter");
  await expect(rep.getByRole("status").filter({ hasText: "Dial logged." })).toBeVisible();

  await owner.reload();
  const results = owner.getByRole("table", { name: "Results per script, by assignment" });
  const row = results.getByRole("row", { name: new RegExp(assigned) });
  await expect(row.getByRole("cell").nth(1)).toHaveText("1"); // assigned
  await expect(row.getByRole("cell").nth(2)).toHaveText("1"); // voicemails

  // More history, through the same procedures Today uses, so the page has something to show.
  for (let i = 0; i < 40; i++) {
    const context = await queryProcedure<{ experiment: { scriptId: number; arm: string } }>(rep, "prospects.dialContext", { name: `Prospect ${i}` });
    const logged = await callProcedure<{ prospectId: number }>(rep, "attempts.log", {
      prospect: { name: `Prospect ${i}`, phone: `212555${String(1000 + i)}` },
      outcome: "voicemail",
      scriptId: context.experiment.scriptId,
    });
    if (i % (context.experiment.arm === "A" ? 5 : 2) === 0) await callProcedure(rep, "callbacks.log", { prospect: { id: logged.prospectId }, result: "interested" });
  }
  await owner.reload();
  await expect(owner.getByRole("figure", { name: "Always-valid p-value after each stretch of voicemails" })).toHaveAttribute("data-state", "loaded");
  await owner.getByText("How the verdict is decided").click();
  await expect(owner.getByText(/mixture sequential probability ratio test/)).toBeVisible();
  await owner.screenshot({ path: testInfo.outputPath("experiment-1280.png"), fullPage: true });
  await owner.setViewportSize({ width: 375, height: 812 });
  await expect(owner.getByRole("list", { name: "Results per script, by assignment" })).toBeVisible();
  await owner.screenshot({ path: testInfo.outputPath("experiment-375.png"), fullPage: true });
  await owner.getByRole("list", { name: "Results per script, by assignment" }).scrollIntoViewIfNeeded();
  await owner.screenshot({ path: testInfo.outputPath("experiment-375-results.png") });
  await owner.getByText("Show the numbers").click();
  await expect(owner.getByRole("table", { name: /Always-valid p-value after each stretch of voicemails — table/ }).getByRole("row")).toHaveCount(42);

  // Ending keeps the record; the list shows it ended.
  await owner.setViewportSize({ width: 1280, height: 900 });
  await owner.getByRole("button", { name: "End the experiment" }).click();
  await expect(owner.getByText("Ended", { exact: true })).toBeVisible();
  await owner.getByRole("link", { name: "All experiments" }).click();
  await expect(owner.getByRole("list", { name: "Experiments" }).getByRole("listitem").filter({ hasText: "Openers head to head" })).toContainText("Ended");
});
