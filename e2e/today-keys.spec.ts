import { addSharedScript, expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 12, items 11 and 12: the keys on Today do what the page's hint chips say.

test("⇧C opens the callback dialog from the prospect search, and Escape leaves fields", async ({ page }) => {
  await newOwnerWithTeam(page, "Shift C");
  const search = page.getByLabel("Prospect", { exact: true });
  await expect(search).toBeFocused();

  await page.keyboard.press("Shift+C");
  const dialog = page.getByRole("dialog", { name: "Log a callback" });
  await expect(dialog.getByLabel("Caller's phone")).toBeFocused();
  await expect(dialog.getByLabel("Caller's phone")).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("");

  // Escape leaves the search for the outcome, where the single-key shortcuts work.
  await page.keyboard.type("nobody yet");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("radio", { name: "Voicemail" })).toBeFocused();
  await page.keyboard.press("n");
  await expect(page.getByRole("radio", { name: "No message" })).toBeChecked();
  await expect(search).toHaveValue("nobody yet");
  // …and ⇧C from there opens the dialog too.
  await page.keyboard.press("Shift+C");
  await expect(dialog.getByLabel("Caller's phone")).toBeFocused();
  await page.keyboard.press("Escape");

  // A free-text field keeps its capital C; Escape leaves it, then ⇧C opens the dialog.
  await page.getByLabel("Notes (optional)").click();
  await page.keyboard.press("Shift+C");
  await expect(page.getByLabel("Notes (optional)")).toHaveValue("C");
  await expect(dialog).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(page.getByLabel("Notes (optional)")).not.toBeFocused();
  await page.keyboard.press("Shift+C");
  await expect(dialog.getByLabel("Caller's phone")).toBeFocused();
});

test("Tab walks the quick log in page order, digits on the Script select go to the message length and Enter there logs", async ({ page }) => {
  await newOwnerWithTeam(page, "Tab Order");
  await addSharedScript(page, "Number early", "first-touch", "Hi {prospect.firstName}, it's {rep.name}.");
  await addSharedScript(page, "24-Second Intro", "first-touch", "Hi {prospect.firstName}, twenty-four seconds.");
  await page.getByRole("link", { name: "Today", exact: true }).click();
  await expect(page.getByLabel("Prospect", { exact: true })).toBeFocused();

  await page.keyboard.type("212 555 0100");
  await expect(page.getByRole("option", { name: /Create new prospect/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Prospect name")).toBeFocused();
  await page.keyboard.type("Ada Park");
  for (const next of [page.getByLabel("Phone"), page.getByLabel("Company (optional)"), page.getByRole("radio", { name: "Voicemail" })]) {
    await page.keyboard.press("Tab");
    await expect(next).toBeFocused();
  }
  await page.keyboard.press("Tab");
  const script = page.getByLabel("Script", { exact: true });
  await expect(script).toBeFocused();
  const suggested = await script.inputValue();
  expect(suggested).not.toBe("");

  // "24" meant for the message length: the script stays, the digits land beside it.
  await page.keyboard.type("24");
  const seconds = page.getByLabel("Message length (seconds, optional)");
  await expect(seconds).toHaveValue("24");
  await expect(seconds).toBeFocused();
  await expect(script).toHaveValue(suggested);
  const rehearse = page.getByRole("link", { name: "Rehearse this script before you dial" });
  for (const next of [rehearse, page.getByLabel("Notes (optional)"), page.getByRole("button", { name: "Log dial" })]) {
    await page.keyboard.press("Tab");
    await expect(next).toBeFocused();
  }

  // Back on the select, Enter logs the dial instead of opening the list.
  for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+Tab");
  await expect(script).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Dial logged." })).toBeVisible();
  await expect(page.getByRole("table", { name: /dials/i }).getByRole("row", { name: /Ada Park/ })).toContainText("24");
});
