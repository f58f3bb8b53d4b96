import type { Browser, Page } from "@playwright/test";
import { addSharedScript, expect, inviteByLink, newOwnerWithTeam, test } from "./fixtures";

// A rep's day (issue 3): keyboard-only logging, callbacks credited before saving, undo.

/** Invites a rep by link and signs them up in their own browser; leaves them on Today. */
const inviteRep = async (browser: Browser, owner: Page, name: string) => (await inviteByLink(browser, owner, name, "rep")).page;

const counter = (page: Page, label: string) => page.getByLabel(`${label} today`);
const dialLogged = (page: Page) => page.getByRole("status").filter({ hasText: "Dial logged." });

/** Types a new prospect's number, creates them, types the name and logs with Enter (voicemail by default). */
async function logNewProspect(page: Page, phone: string, name: string) {
  await page.keyboard.type(phone);
  await expect(page.getByRole("option", { name: /Create new prospect/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Prospect name")).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await expect(dialLogged(page)).toBeVisible();
  await expect(page.getByLabel("Prospect", { exact: true })).toBeFocused();
}

/** Finds a known prospect by name and picks them with Enter; focus lands on the outcome. */
async function pickExisting(page: Page, name: string) {
  await page.keyboard.type(name);
  await expect(page.getByRole("option", { name: new RegExp(name) })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("radio", { name: "Voicemail" })).toBeFocused();
}

test("a rep logs 10 dials using only the keyboard, and the counters and the leaderboard move", async ({ browser }, testInfo) => {
  const owner = await (await browser.newContext()).newPage();
  await newOwnerWithTeam(owner, "Keyboard Calling");
  await addSharedScript(owner, "Number early", "first-touch", "Hi {prospect.firstName}, it's {rep.name}. Calling about {prospect.company}.");
  await addSharedScript(owner, "Second nudge", "follow-up", "{prospect.firstName}, {rep.name} again — one more try.");
  const rep = await inviteRep(browser, owner, "Kim Keys");

  await rep.getByRole("link", { name: "Leaderboard", exact: true }).click();
  const emptyBoard = rep.getByRole("table", { name: /leaderboard table/ });
  await expect(emptyBoard).toBeVisible();
  await expect(emptyBoard.getByRole("row", { name: /Number early/ })).toHaveCount(0);
  await rep.getByRole("link", { name: "Today", exact: true }).click();
  await expect(counter(rep, "Dials")).toHaveText("0");
  await expect(rep.getByLabel("Prospect", { exact: true })).toBeFocused();

  // Six new prospects, each a voicemail with the suggested first-touch script.
  const people = ["Ada Park", "Ben Ortiz", "Cleo Diaz", "Dev Shah", "Eve Long", "Finn Moss"];
  for (const [i, name] of people.entries()) await logNewProspect(rep, `(516) 555-01${10 + i}`, name);
  await expect(counter(rep, "Dials")).toHaveText("6");

  // Known prospects: `n` Enter, `n` Enter, `c` Enter — two keystrokes after the pick.
  for (const [name, key] of [["Ada Park", "n"], ["Ben Ortiz", "n"], ["Cleo Diaz", "c"]] as const) {
    await pickExisting(rep, name);
    await rep.keyboard.press(key);
    await rep.keyboard.press("Enter");
    await expect(dialLogged(rep)).toBeVisible();
  }

  // Dev's second voicemail: the follow-up script is pre-selected and rendered for him, so
  // logging it after the pick takes one keystroke.
  await pickExisting(rep, "Dev Shah");
  await expect(rep.getByLabel("Text to read")).toHaveText("Dev, Kim Keys again — one more try.");
  await rep.screenshot({ path: testInfo.outputPath("today-picked.png"), fullPage: true });
  await rep.keyboard.press("Enter");
  await expect(counter(rep, "Dials")).toHaveText("10");
  await expect(counter(rep, "Voicemails")).toHaveText("7");

  const dials = rep.getByRole("table", { name: /Today's dials/ });
  await expect(dials.getByRole("row")).toHaveCount(11);
  await expect(dials.getByRole("row").nth(1)).toContainText("Dev Shah");
  await expect(dials.getByRole("row").nth(1)).toContainText("Voicemail #2");
  // Cleo was reached live after her voicemail: the connect ends her run, so five are waiting.
  await expect(rep.getByRole("list", { name: "Awaiting callback" }).getByRole("listitem")).toHaveCount(5);
  await rep.screenshot({ path: testInfo.outputPath("today-ten-dials.png"), fullPage: true });

  await rep.getByRole("link", { name: "Leaderboard", exact: true }).click();
  const board = rep.getByRole("table", { name: /leaderboard table/ });
  await expect(board.getByRole("row", { name: /Number early/ })).toContainText("0/6");
  await expect(board.getByRole("row", { name: /Second nudge/ })).toContainText("0/1");

  // Ada calls back: the callbacks counter and her script's returns move.
  await rep.getByRole("button", { name: "Log callback" }).click();
  await rep.getByRole("dialog", { name: "Log a callback" }).getByLabel("Caller's phone").fill("516-555-0110");
  await rep.getByRole("dialog").getByRole("button", { name: "Log callback" }).click();
  await expect(rep.getByText("Credited to Kim Keys's voicemail #1 with “Number early”.")).toBeVisible();
  await rep.keyboard.press("Escape");
  await expect(board.getByRole("row", { name: /Number early/ })).toContainText("1/6");
  await rep.getByRole("link", { name: "Today", exact: true }).click();
  await expect(counter(rep, "Callbacks")).toHaveText("1");
  await expect(rep.getByRole("list", { name: "Awaiting callback" }).getByRole("listitem")).toHaveCount(4);
});

test("a callback is logged by pasting a number and shows the credited script before saving", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await newOwnerWithTeam(page, "Paste Calling");
  await addSharedScript(page, "Number early", "first-touch", "Hi {prospect.firstName}, call me back.");
  await page.getByRole("link", { name: "Today", exact: true }).click();
  await page.getByLabel("Prospect", { exact: true }).fill("212 555 0147");
  await page.getByRole("option", { name: /Create new prospect/ }).click();
  await page.getByLabel("Prospect name").fill("Bea Brooks");
  await page.getByLabel("Company (optional)").fill("Brooks & Co");
  await page.getByRole("button", { name: "Log dial" }).click();
  await expect(dialLogged(page)).toBeVisible();

  // Shift+C from outside a text field opens the dialog; the number is pasted in another format.
  await page.getByRole("heading", { name: "Today", exact: true }).click();
  await page.keyboard.press("Shift+C");
  const dialog = page.getByRole("dialog", { name: "Log a callback" });
  await expect(dialog.getByLabel("Caller's phone")).toBeFocused();
  await page.evaluate(() => navigator.clipboard.writeText("+1 (212) 555-0147"));
  await page.keyboard.press("ControlOrMeta+V");
  await expect(dialog.getByLabel("Caller's phone")).toHaveValue("+1 (212) 555-0147");
  const preview = dialog.getByLabel("Attribution preview");
  await expect(preview).toContainText("Will credit Olivia Owner's voicemail #1 — “Number early” v1");
  await dialog.getByLabel("Result").selectOption("appointment");
  await page.screenshot({ path: testInfo.outputPath("callback-preview.png") });
  await dialog.getByRole("button", { name: "Log callback" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Credited to Olivia Owner's voicemail #1 with “Number early”.");

  // A number nobody dialled is previewed as unattributed, with the reason.
  await dialog.getByLabel("Caller's phone").fill("646-555-0199");
  await expect(preview).toContainText("Unattributed: this number is new to the team");
  await expect(dialog.getByLabel("Caller's name (if new)")).toBeVisible();
  await page.keyboard.press("Escape");

  // The prospect page shows the credit and the new status.
  await page.getByRole("link", { name: "Prospects", exact: true }).click();
  await page.getByLabel("Search").fill("(212) 555-0147");
  await page.getByRole("link", { name: "Bea Brooks" }).click();
  await expect(page.getByRole("heading", { name: "Bea Brooks" })).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("appointment");
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByRole("listitem").first()).toContainText("credited to Olivia Owner's voicemail #1");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText("“Number early” v1");
  await page.screenshot({ path: testInfo.outputPath("prospect.png"), fullPage: true });
  await page.getByRole("link", { name: "← Prospects" }).click();
  await page.screenshot({ path: testInfo.outputPath("prospects.png"), fullPage: true });
});

test("undo restores a deleted dial, on a phone-width screen", async ({ browser }, testInfo) => {
  const page = await (await browser.newContext({ viewport: { width: 375, height: 812 } })).newPage();
  await newOwnerWithTeam(page, "Undo Calling");
  await addSharedScript(page, "Number early", "first-touch", "Hi {prospect.firstName}, it's {rep.name}.");
  await page.getByRole("link", { name: "Today", exact: true }).click();
  await page.getByLabel("Prospect", { exact: true }).fill("415-555-0123");
  await page.getByRole("option", { name: /Create new prospect/ }).click();
  await page.getByLabel("Prospect name").fill("Uma Undo");
  await page.keyboard.press("Enter");
  await expect(dialLogged(page)).toBeVisible();
  await expect(counter(page, "Dials")).toHaveText("1");
  await page.screenshot({ path: testInfo.outputPath("today-375.png"), fullPage: true });

  const dials = page.getByRole("table", { name: /Today's dials/ });
  await page.getByRole("button", { name: /Delete dial to Uma Undo/ }).click();
  await expect(dials).toHaveCount(0);
  await expect(counter(page, "Dials")).toHaveText("0");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(dials.getByRole("row", { name: /Uma Undo/ })).toBeVisible();
  await expect(counter(page, "Dials")).toHaveText("1");
  await expect(counter(page, "Voicemails")).toHaveText("1");

  // Deleted again, it can still be restored from today's deleted dials.
  await page.getByRole("button", { name: /Delete dial to Uma Undo/ }).click();
  await page.getByText("Deleted today (1)").click();
  await page.getByRole("button", { name: /Restore dial to Uma Undo/ }).click();
  await expect(dials.getByRole("row", { name: /Uma Undo/ })).toBeVisible();

  // Edit: the outcome becomes no message, so the voicemail counter drops.
  await page.getByRole("button", { name: /Edit dial to Uma Undo/ }).click();
  const edit = page.getByRole("dialog", { name: "Edit dial to Uma Undo" });
  await edit.getByLabel("Outcome").selectOption("no-message");
  await edit.getByLabel("Dial notes").fill("Rang out");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toHaveCount(0);
  await expect(counter(page, "Voicemails")).toHaveText("0");
  await expect(dials.getByRole("row", { name: /Uma Undo/ })).toContainText("Rang out");

  await page.getByRole("button", { name: "Log callback" }).click();
  await page.getByRole("dialog", { name: "Log a callback" }).getByLabel("Caller's phone").fill("415 555 0123");
  await expect(page.getByLabel("Attribution preview")).toContainText("Unattributed: no voicemail was left for Uma Undo");
  await page.screenshot({ path: testInfo.outputPath("callback-375.png"), fullPage: true });
});

test("a logged callback is undone from the dialog, and deleted and restored from the prospect's timeline", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Callback Undo");
  await addSharedScript(page, "Number early", "first-touch", "Hi {prospect.firstName}, call me back.");
  await page.getByRole("link", { name: "Today", exact: true }).click();
  await page.getByLabel("Prospect", { exact: true }).fill("718-555-0142");
  await page.getByRole("option", { name: /Create new prospect/ }).click();
  await page.getByLabel("Prospect name").fill("Cal Back");
  await page.keyboard.press("Enter");
  await expect(dialLogged(page)).toBeVisible();

  await page.getByRole("button", { name: "Log callback" }).click();
  const dialog = page.getByRole("dialog", { name: "Log a callback" });
  await dialog.getByLabel("Caller's phone").fill("(718) 555-0142");
  await expect(dialog.getByLabel("Attribution preview")).toContainText("Will credit Olivia Owner's voicemail #1");
  await dialog.getByRole("button", { name: "Log callback" }).click();
  const credited = "Credited to Olivia Owner's voicemail #1 with “Number early”.";
  await expect(dialog.getByRole("status")).toHaveText(credited);
  await dialog.getByRole("button", { name: "Undo callback" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Callback removed; nothing is credited for it.");
  await page.screenshot({ path: testInfo.outputPath("callback-undone.png") });
  await page.keyboard.press("Escape");
  await expect(counter(page, "Callbacks")).toHaveText("0");

  await page.getByRole("button", { name: "Log callback" }).click();
  await dialog.getByLabel("Caller's phone").fill("718.555.0142");
  await dialog.getByRole("button", { name: "Log callback" }).click();
  await expect(dialog.getByRole("status")).toHaveText(credited);
  await dialog.getByRole("button", { name: "Undo callback" }).click();
  await dialog.getByRole("button", { name: "Restore callback" }).click();
  await expect(dialog.getByRole("status")).toHaveText(credited);
  await page.keyboard.press("Escape");
  await expect(counter(page, "Callbacks")).toHaveText("1");

  // Later, from the prospect's page: the callback is deleted (the voicemail is unreturned again)
  // and restored (credited again). The callback undone in the dialog stays there, deleted.
  await page.getByRole("link", { name: "Prospects", exact: true }).click();
  await page.getByRole("link", { name: "Cal Back" }).click();
  const timeline = page.getByRole("list", { name: "Timeline" });
  const live = timeline.getByRole("listitem").filter({ hasText: /Callback/ }).filter({ hasNotText: "deleted" });
  const voicemail = timeline.getByRole("listitem").filter({ hasText: /Voicemail #1/ });
  await expect(timeline.getByRole("listitem").filter({ hasText: "deleted" })).toHaveCount(1);
  await expect(live).toContainText("credited to Olivia Owner's voicemail #1");
  await expect(voicemail).toContainText("called back after");
  await live.getByRole("button", { name: /Delete callback of/ }).click();
  await expect(timeline.getByRole("listitem").filter({ hasText: "deleted" })).toHaveCount(2);
  await expect(voicemail).not.toContainText("called back after");
  await timeline.getByRole("button", { name: /Restore callback of/ }).first().click();
  await expect(timeline.getByRole("listitem").filter({ hasText: "deleted" })).toHaveCount(1);
  await expect(voicemail).toContainText("called back after");
  await expect(live).toContainText("credited to Olivia Owner's voicemail #1");
});
