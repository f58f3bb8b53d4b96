import { expect, newOwnerWithTeam, test } from "./fixtures";
import type { Page } from "@playwright/test";

// The library story: write a script (a bad placeholder is caught), share it, fork it, use it on a
// voicemail from the Today page, see its card count move, and compare it with another script.

const scriptIdFrom = (page: Page) => Number(/\/scripts\/(\d+)/.exec(page.url())?.[1]);

/** Logs a voicemail to a new prospect from the Today page with the script `scriptId`. */
async function logVoicemail(page: Page, prospect: { name: string; phone: string }, scriptId: number) {
  await page.getByRole("link", { name: "Today", exact: true }).click();
  await page.getByRole("combobox", { name: "Prospect" }).fill(prospect.phone);
  await page.getByRole("option", { name: /Create new prospect/ }).click();
  await page.getByLabel("Prospect name").fill(prospect.name);
  await page.getByLabel("Script", { exact: true }).selectOption(String(scriptId));
  await page.getByRole("button", { name: "Log dial" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dial logged." })).toBeVisible();
}

test("write, check, share, fork, use and compare a script", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Library Co");
  await page.getByRole("link", { name: "Scripts", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Scripts", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "New script" }).click();

  // A misspelt placeholder is shown inline with its position, and the script is not saved.
  await page.getByLabel("Title").fill("Number first");
  await page.getByLabel("Tactic tags (optional)").fill("number-early, under-30s");
  const body = page.getByLabel("Script", { exact: true });
  await body.fill("Hi {prospect.frstName}, it's {rep.name} at {rep.phone}. Quick question about {prospect.company} — call me back.");
  const problems = page.getByRole("list", { name: "Placeholder problems" });
  await expect(problems).toContainText("Line 1, column 4: Unknown placeholder {prospect.frstName}");
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Save script" }).click();
  await expect(page.getByText("Fix the placeholder problems before saving.")).toBeVisible();
  await expect(page).toHaveURL(/\/scripts\/new$/);
  await page.screenshot({ path: testInfo.outputPath("editor-error.png"), fullPage: true });

  // Fixed: the preview fills in a sample prospect and the rep; word count and read time show.
  await body.fill("Hi {prospect.firstName}, it's {rep.name} at {rep.phone}. Quick question about {prospect.company} — call me back.");
  await expect(problems).toBeHidden();
  const preview = page.getByLabel("Rendered preview");
  await expect(preview).toContainText("Hi Jordan, it's Olivia Owner at");
  await expect(preview).toContainText("Northwind Logistics");
  await expect(page.getByText("Estimated read time")).toBeVisible();
  await expect(page.getByText("at 150 words a minute")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("editor-preview.png"), fullPage: true });
  await page.getByRole("button", { name: "Save script" }).click();

  // Saved as a private draft; sharing publishes it.
  await expect(page.getByRole("heading", { name: "Number first", level: 1 })).toBeVisible();
  const originalId = scriptIdFrom(page);
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Share with the team" }).click();
  await expect(page.getByRole("button", { name: "Share with the team" })).toBeHidden();
  await expect(page.getByText("Draft", { exact: true })).toBeHidden();

  // Fork it: a new draft that remembers where it came from.
  await page.getByRole("button", { name: "Fork", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Number first (fork)", level: 1 })).toBeVisible();
  const forkId = scriptIdFrom(page);
  await expect(page.getByText("Forked from")).toContainText("Number first v1");
  await page.screenshot({ path: testInfo.outputPath("fork.png"), fullPage: true });

  // Edit the fork's text: a second version with a diff against the first.
  await page.getByRole("link", { name: "Edit" }).click();
  // The script page has a region named "Script" too: wait for the editor before typing.
  await expect(page).toHaveURL(new RegExp(`/scripts/${forkId}/edit$`));
  await page.getByLabel("Script", { exact: true }).fill("{rep.phone} — that's {rep.name}. Hi {prospect.firstName}, quick question about {prospect.company}; call me back.");
  await page.getByRole("button", { name: "Save script" }).click();
  await expect(page.getByText("Version 2", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Version 2 changes" }).getByTitle("added").first()).toBeVisible();

  // The original's page lists the fork.
  await page.goto(`/scripts/${originalId}`);
  await expect(page.getByRole("table", { name: "Forks of Number first" }).getByRole("link", { name: "Number first (fork)" })).toBeVisible();

  // The library card counts voicemails: 0 before, 1 after one is logged from the Today page.
  await page.getByRole("link", { name: "Scripts", exact: true }).first().click();
  const card = page.getByRole("article", { name: "Number first", exact: true });
  await expect(card.getByRole("definition").first()).toHaveText("0");
  await expect(card.getByText("needs more data")).toBeVisible();
  await logVoicemail(page, { name: "Dana Whitfield", phone: "(516) 541-8160" }, originalId);
  await logVoicemail(page, { name: "Evan Ortiz", phone: "(516) 541-8161" }, forkId);
  await page.getByRole("link", { name: "Scripts", exact: true }).first().click();
  await expect(card.getByRole("definition").first()).toHaveText("1");
  await expect(card).toContainText("0.0% (0–79%) · 0/1");
  await page.screenshot({ path: testInfo.outputPath("library.png"), fullPage: true });

  // Filters live in the URL: drafts only shows the fork.
  await page.getByLabel("Show").selectOption("drafts");
  await expect(page).toHaveURL(/view=drafts/);
  await expect(page.getByRole("article", { name: "Number first (fork)" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Number first", exact: true })).toBeHidden();

  // Compare the two: one voicemail each, neither returned — no winner, in plain words.
  await page.goto(`/scripts/${originalId}`);
  await page.getByLabel("Compare with").selectOption(String(forkId));
  const comparison = page.getByRole("region", { name: "Comparison" });
  await expect(comparison.getByRole("status")).toContainText("No evidence of a difference yet");
  await expect(comparison).toContainText("Fisher's exact p");
  await expect(comparison).toContainText("50.0%");
  await page.screenshot({ path: testInfo.outputPath("script-page.png"), fullPage: true });
});

test("a manager picks and archives a script; archived scripts leave the library but keep their place under Archived", async ({ browser }, testInfo) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await newOwnerWithTeam(owner, "Curators Inc");
  await owner.goto("/scripts/new");
  await owner.getByLabel("Title").fill("Owner's draft");
  await owner.getByLabel("Script", { exact: true }).fill("Hi {prospect.firstName}, call {rep.phone}.");
  await owner.getByRole("button", { name: "Save script" }).click();
  await expect(owner.getByRole("heading", { name: "Owner's draft", level: 1 })).toBeVisible();
  // Managers (and owners) curate: team picks and archiving.
  await owner.getByRole("button", { name: "Share with the team" }).click();
  await owner.getByRole("button", { name: "Mark as team pick" }).click();
  await expect(owner.getByText("Team pick", { exact: true })).toBeVisible();
  await owner.getByRole("button", { name: "Archive" }).click();
  await expect(owner.getByText("Archived", { exact: true })).toBeVisible();
  await owner.goto("/scripts");
  await expect(owner.getByRole("article", { name: "Owner's draft" })).toBeHidden();
  await owner.getByLabel("Show").selectOption("archived");
  await expect(owner.getByRole("article", { name: "Owner's draft" })).toBeVisible();
  await owner.screenshot({ path: testInfo.outputPath("archived.png"), fullPage: true });
  await ownerContext.close();
});
