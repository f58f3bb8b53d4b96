import { expect, newOwnerWithTeam, test } from "./fixtures";

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
