import { expect, newOwnerWithTeam, test } from "./fixtures";

test("screens of the verify notice", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Screens Co");
  await expect(page.getByRole("region", { name: "Verify your e-mail address" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("verify-1280.png"), fullPage: false });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("verify-375.png"), fullPage: false });
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "on its way" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("verify-sent-375.png"), fullPage: false });
  await page.goto("/team");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("team-1280.png"), fullPage: true });
});
