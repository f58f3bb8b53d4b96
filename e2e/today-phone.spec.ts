import { addSharedScript, expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 12, item 17: Today one-handed on a 375 × 812 phone.
test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test("on a phone the Log dial button and every section stay in thumb reach, counters read whole and key hints are gone", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Phone Calling");
  await addSharedScript(page, "Number early", "first-touch", "Hi {prospect.firstName}, it's {rep.name}.");
  const nav = page.getByRole("navigation", { name: "Main" });
  // An owner sees six sections, Experiments among them: all in one row at the bottom.
  const tops = new Set<number>();
  for (const section of ["Today", "Prospects", "Scripts", "Leaderboard", "Team", "Experiments"]) {
    const link = nav.getByRole("link", { name: section, exact: true });
    await expect(link).toBeInViewport({ ratio: 1 });
    tops.add(Math.round((await link.boundingBox())!.y));
  }
  expect(tops.size).toBe(1);
  await nav.getByRole("link", { name: "Today", exact: true }).click();
  await page.getByLabel("Prospect", { exact: true }).fill("212 555 0100");
  await page.getByRole("option", { name: /Create new prospect/ }).click();
  await page.getByLabel("Prospect name").fill("Ada Park");

  const logDial = page.getByRole("button", { name: "Log dial" });
  await expect(logDial).toBeInViewport({ ratio: 1 });
  await page.getByLabel("Notes (optional)").scrollIntoViewIfNeeded();
  await expect(logDial).toBeInViewport({ ratio: 1 });
  // The section bar is not covering it: the tap lands on the button.
  await logDial.tap();
  await expect(page.getByRole("status").filter({ hasText: "Dial logged." })).toBeVisible();

  for (const label of ["Dials", "Voicemails", "Callbacks", "Appointments"]) {
    const term = page.getByRole("term").filter({ hasText: label });
    await expect(term).toHaveText(label);
    expect(await term.evaluate((el) => el.scrollWidth <= el.clientWidth), `${label} reads whole`).toBe(true);
  }
  await expect(page.getByText("⇧C", { exact: true })).toBeHidden();
  await expect(page.getByText("↵", { exact: true })).toBeHidden();
  await expect(page.getByText("V", { exact: true })).toBeHidden();
  // Viewport shots, not full-page ones: those re-lay the page out without the sticky bars.
  await page.getByRole("heading", { name: "Log a dial" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("today-375-top.png") });
  await page.getByRole("list", { name: "Awaiting callback" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("today-375-lower.png") });
});
