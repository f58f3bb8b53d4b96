import { expect, newOwnerWithTeam, test } from "./fixtures";

// An owner tunes the numbers' ground rules; a bad value is refused in place and changes nothing.
test("an owner changes the ranking threshold and the attribution window from the team page", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Settings Crew");
  await page.getByRole("link", { name: "Team", exact: true }).click();
  const settings = page.getByRole("region", { name: "Team settings" });
  await expect(settings.getByRole("button", { name: "Save settings" })).toBeDisabled();

  await settings.getByLabel("Attribution window (days)").fill("0");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("At least 1 day.")).toBeVisible();
  await expect(page.getByText(/attribution window 14 days/)).toBeVisible();

  await settings.getByLabel("Attribution window (days)").fill("7");
  await settings.getByLabel("Voicemails before a rate is ranked").fill("25");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved.");
  await expect(page.getByText("attribution window 7 days · ranked from 25 voicemails")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("team-settings.png"), fullPage: true });

  await page.reload();
  await expect(page.getByRole("region", { name: "Team settings" }).getByLabel("Voicemails before a rate is ranked")).toHaveValue("25");
});
