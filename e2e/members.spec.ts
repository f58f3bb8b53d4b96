import { expect, inviteByLink, newOwnerWithTeam, test, uniqueEmail } from "./fixtures";

// Issue 12, item 10: roles change from the Team page (on the member's next request, undoable),
// and a pending invite's link can be copied again or revoked.

test("an owner makes a rep a manager, the rep's next page has manager tools, and Undo puts it back", async ({ browser }, testInfo) => {
  const owner = await (await browser.newContext()).newPage();
  await newOwnerWithTeam(owner, "Role Calling");
  const { page: rep } = await inviteByLink(browser, owner, "Rosa Promoted");
  await rep.getByRole("link", { name: "Team", exact: true }).click();
  await expect(rep.getByRole("region", { name: "Members" })).toBeVisible();
  await expect(rep.getByRole("region", { name: "Invite a teammate" })).toHaveCount(0);

  await owner.getByRole("link", { name: "Team", exact: true }).click();
  // The only owner's own row has no picker: a team keeps its owner.
  await expect(owner.getByLabel("Role of Olivia Owner")).toHaveCount(0);
  await owner.getByLabel("Role of Rosa Promoted").selectOption("manager");
  const notice = owner.getByRole("status").filter({ hasText: "Rosa Promoted is now a manager" });
  await expect(notice).toBeVisible();

  await rep.reload();
  await expect(rep.getByRole("region", { name: "Invite a teammate" })).toBeVisible();

  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(notice).toBeHidden();
  await expect(owner.getByLabel("Role of Rosa Promoted")).toHaveValue("rep");
  // The role trail, newest first: the Undo is its own, marked line.
  const trail = owner.getByRole("list", { name: "Access changes" }).getByRole("listitem");
  await expect(trail).toHaveCount(2);
  await expect(trail.nth(0)).toContainText("Rosa Promoted: manager → rep (undo) by Olivia Owner");
  await expect(trail.nth(1)).toContainText("Rosa Promoted: rep → manager by Olivia Owner");
  await owner.screenshot({ path: testInfo.outputPath("team-role-1280.png"), fullPage: true });
  await owner.setViewportSize({ width: 375, height: 812 });
  await owner.screenshot({ path: testInfo.outputPath("team-role-375.png"), fullPage: true });
  await owner.setViewportSize({ width: 1280, height: 720 });
  await rep.reload();
  await expect(rep.getByRole("region", { name: "Members" })).toBeVisible();
  await expect(rep.getByRole("region", { name: "Invite a teammate" })).toHaveCount(0);
  await expect(rep.getByRole("region", { name: "Access changes" })).toHaveCount(0);
});

test("a pending invite's link is copied again, then revoked so it no longer works", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const owner = await context.newPage();
  await newOwnerWithTeam(owner, "Invite Calling");
  await owner.getByRole("link", { name: "Team", exact: true }).click();
  const email = uniqueEmail("later");
  await owner.getByLabel("Email", { exact: true }).fill(email);
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const link = await owner.getByLabel(`Invite link for ${email}`).inputValue();

  // Another page load: the link box is gone, the pending list still gives the link.
  await owner.reload();
  const pending = owner.getByRole("list", { name: "Pending invites" });
  await pending.getByRole("button", { name: `Copy the link again for ${email}` }).click();
  await expect(pending.getByRole("button", { name: `Copy the link again for ${email}` })).toHaveText("Copied");
  expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(link);

  await pending.getByRole("button", { name: `Revoke invite for ${email}` }).click();
  await expect(owner.getByRole("status").filter({ hasText: `The invite for ${email} no longer works.` })).toBeVisible();
  await expect(owner.getByRole("list", { name: "Pending invites" })).toHaveCount(0);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "Invite not valid" })).toBeVisible();
});
