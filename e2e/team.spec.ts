import { addSharedScript, expect, inviteByLink, newOwnerWithTeam, test } from "./fixtures";

// Issue 7, item 8: removing someone from the team ends their access at once and keeps their
// history under their name.

test("an owner removes a rep; the rep is locked out and their dial still shows under their name", async ({ browser }, testInfo) => {
  const owner = await (await browser.newContext()).newPage();
  await newOwnerWithTeam(owner, "Removal Calling");
  await addSharedScript(owner, "Straight opener", "first-touch", "Hi {prospect.firstName}, it's {rep.name}.");
  const { page: rep } = await inviteByLink(browser, owner, "Rosa Leaving");

  // Rosa leaves a voicemail for a new prospect, from the keyboard.
  await rep.getByLabel("Prospect", { exact: true }).click();
  await rep.keyboard.type("(516) 555-0177");
  await expect(rep.getByRole("option", { name: /Create new prospect/ })).toBeVisible();
  await rep.keyboard.press("Enter");
  await expect(rep.getByLabel("Prospect name")).toBeFocused();
  await rep.keyboard.type("Pia Prospect");
  await rep.keyboard.press("Enter");
  await expect(rep.getByRole("status").filter({ hasText: "Dial logged." })).toBeVisible();

  // The owner removes her from the Team page, after a confirmation that says what stays.
  await owner.getByRole("link", { name: "Team", exact: true }).click();
  const members = owner.getByRole("table", { name: "Team members" });
  await expect(members.getByRole("row", { name: /Rosa Leaving/ })).toBeVisible();
  // The only owner cannot be removed, so the owner's own row offers no removal.
  await expect(owner.getByRole("button", { name: "Remove Olivia Owner from team" })).toHaveCount(0);
  await owner.screenshot({ path: testInfo.outputPath("team-before-removal.png"), fullPage: true });
  await owner.getByRole("button", { name: "Remove Rosa Leaving from team" }).click();
  const confirm = owner.getByRole("dialog", { name: "Remove Rosa Leaving from the team?" });
  await expect(confirm).toContainText("Their dials, callbacks and scripts stay, under their name");
  await owner.screenshot({ path: testInfo.outputPath("team-remove-dialog.png") });
  await confirm.getByRole("button", { name: "Remove Rosa Leaving" }).click();
  await expect(confirm).toBeHidden();
  await expect(members.getByRole("row", { name: /Rosa Leaving/ })).toHaveCount(0);
  await expect(owner.getByText("1 person")).toBeVisible();
  await owner.screenshot({ path: testInfo.outputPath("team-after-removal.png"), fullPage: true });

  // Rosa's next request finds no team: she is sent to create one.
  await rep.reload();
  await expect(rep.getByRole("heading", { name: "Create your team" })).toBeVisible();

  // Her voicemail still counts, under her name, on the leaderboard by rep ...
  await owner.goto("/leaderboard?by=rep");
  const board = owner.getByRole("table", { name: /leaderboard table/ });
  await expect(board.getByRole("row", { name: /Rosa Leaving/ })).toContainText("0/1");
  await owner.screenshot({ path: testInfo.outputPath("leaderboard-removed-rep.png"), fullPage: true });

  // ... and on the prospect's timeline, where she still shows as the owner until someone is picked.
  await owner.getByRole("link", { name: "Prospects", exact: true }).click();
  await owner.getByRole("link", { name: "Pia Prospect" }).click();
  await expect(owner.getByRole("heading", { name: "Pia Prospect" })).toBeVisible();
  const timeline = owner.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByRole("listitem").first()).toContainText("Rosa Leaving");
  await expect(timeline.getByRole("listitem").first()).toContainText("“Straight opener” v1");
  const ownerPicker = owner.getByLabel("Owner");
  const former = ownerPicker.getByRole("option", { name: "Rosa Leaving (former member)" });
  await expect(former).toBeDisabled();
  await expect(ownerPicker).toHaveValue((await former.getAttribute("value"))!);
  await owner.screenshot({ path: testInfo.outputPath("prospect-removed-rep.png"), fullPage: true });
});
