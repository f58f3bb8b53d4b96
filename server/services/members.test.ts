import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { account, member, user } from "@/db/schema";
import { callerFor, codeOf, makeTeam, makeUser, openTestDatabase } from "@/tests/support/fixtures";
import { listOutbox } from "./mail";
import { addUserToTeam, createTeamWithOwner } from "./members";
import { INVITES_PER_USER_PER_HOUR, PENDING_INVITES_PER_TEAM, TEAMS_PER_USER_PER_DAY } from "./teams";

// An outsider who registers an address first must not be adopted by the operator's command:
// `user add` invites an existing account instead (mailed, to be accepted from the verified
// address), and `team create` refuses it.
describe("the command line never hands a role to an existing account", () => {
  it("user add invites an existing account and says so; the account joins only by accepting from a verified address", async () => {
    const db = await openTestDatabase();
    const team = await makeTeam(db, "Adopt Co");
    const outsider = await makeUser(db, "Olly Outsider", "boss@adopt.test", { verified: false });
    const added = await addUserToTeam(db, { teamSlug: team.slug, email: "boss@adopt.test", name: "The Boss", role: "manager", password: "operator-pass-1" });
    expect(added).toMatchObject({ outcome: "invited", email: "boss@adopt.test", role: "manager", mailedVia: "outbox" });
    expect(await db.select().from(member).where(eq(member.userId, outsider.id)).all()).toEqual([]);
    // The operator's password went nowhere: the account keeps no credential of the operator's.
    expect(await db.select().from(account).where(eq(account.userId, outsider.id)).all()).toEqual([]);

    const [mail] = await listOutbox(db, "boss@adopt.test");
    expect(mail.subject).toBe("You are invited to join Adopt Co on Ringback");
    if (added.outcome !== "invited") throw new Error("expected an invite");
    expect(mail.text).toContain(added.inviteUrl);
    const inviteId = added.inviteUrl.split("/invite/")[1];

    expect(await codeOf(callerFor(db, outsider).teams.acceptInvite({ inviteId }))).toBe("FORBIDDEN");
    expect(await callerFor(db, outsider).teams.mine()).toEqual([]);
    await db.update(user).set({ emailVerified: true }).where(eq(user.id, outsider.id)).run();
    await expect(callerFor(db, outsider).teams.acceptInvite({ inviteId })).resolves.toEqual({ teamId: team.id, role: "manager" });
  });

  it("user add creates a new address's account and membership at once", async () => {
    const db = await openTestDatabase();
    const team = await makeTeam(db, "New Co");
    const added = await addUserToTeam(db, { teamSlug: team.slug, email: "new@new.test", name: "Nia New", role: "rep" });
    expect(added).toMatchObject({ outcome: "added", email: "new@new.test", role: "rep" });
    expect(added.outcome === "added" && added.generatedPassword).toMatch(/^[\w-]{16}$/);
  });

  it("team create refuses an address that already has an account, and creates nothing", async () => {
    const db = await openTestDatabase();
    await makeUser(db, "Olly Outsider", "owner@taken.test", { verified: false });
    await expect(createTeamWithOwner(db, { name: "Taken Co", ownerEmail: "owner@taken.test", ownerPassword: "operator-pass-1" })).rejects.toThrow(
      /owner@taken\.test already has an account, so it is not made the owner/,
    );
    expect(await db.select().from(member).all()).toEqual([]);
  });

  it("an unverified account cannot accept an invite sent through the app either", async () => {
    const db = await openTestDatabase();
    const team = await makeTeam(db, "Link Co");
    const invite = await team.owner.caller.teams.invite({ email: "invited@link.test", role: "manager" });
    const squatter = await makeUser(db, "Sly Squatter", "invited@link.test", { verified: false });
    expect(await codeOf(callerFor(db, squatter).teams.acceptInvite({ inviteId: invite.id }))).toBe("FORBIDDEN");
    await expect(callerFor(db, squatter).teams.acceptInvite({ inviteId: invite.id })).rejects.toThrow(/Verify invited@link\.test first/);
  });
});

describe("flood limits", () => {
  it(`a member sends at most ${INVITES_PER_USER_PER_HOUR} invites an hour`, async () => {
    const db = await openTestDatabase();
    const team = await makeTeam(db, "Flood Co");
    for (let i = 0; i < INVITES_PER_USER_PER_HOUR; i++) await team.owner.caller.teams.invite({ email: `p${i}@flood.test`, role: "rep" });
    expect(await codeOf(team.owner.caller.teams.invite({ email: "one.more@flood.test", role: "rep" }))).toBe("TOO_MANY_REQUESTS");
    // Another manager of the team has a count of their own.
    const manager = await team.join("manager");
    await expect(manager.caller.teams.invite({ email: "from.manager@flood.test", role: "rep" })).resolves.toMatchObject({ role: "rep" });
  });

  it(`a team holds at most ${PENDING_INVITES_PER_TEAM} pending invites`, async () => {
    const db = await openTestDatabase();
    const team = await makeTeam(db, "Pending Co");
    const managers = [];
    for (let i = 0; i < Math.ceil(PENDING_INVITES_PER_TEAM / INVITES_PER_USER_PER_HOUR); i++) managers.push(await team.join("manager"));
    let sent = 0;
    for (const m of managers) for (let i = 0; i < INVITES_PER_USER_PER_HOUR && sent < PENDING_INVITES_PER_TEAM; i++, sent++) await m.caller.teams.invite({ email: `q${sent}@pending.test`, role: "rep" });
    const fresh = await team.join("manager");
    await expect(fresh.caller.teams.invite({ email: "over@pending.test", role: "rep" })).rejects.toThrow(`The team has ${PENDING_INVITES_PER_TEAM} pending invites`);
    const [first] = await team.owner.caller.teams.invites();
    await team.owner.caller.teams.revokeInvite({ inviteId: first.id });
    await expect(fresh.caller.teams.invite({ email: "over@pending.test", role: "rep" })).resolves.toMatchObject({ role: "rep" });
  });

  it(`a user creates at most ${TEAMS_PER_USER_PER_DAY} teams a day`, async () => {
    const db = await openTestDatabase();
    const founder = await makeUser(db, "Fay Founder");
    const caller = callerFor(db, founder);
    for (let i = 0; i < TEAMS_PER_USER_PER_DAY; i++) await caller.teams.create({ name: `Team ${i}`, timezone: "UTC" });
    expect(await codeOf(caller.teams.create({ name: "One more", timezone: "UTC" }))).toBe("TOO_MANY_REQUESTS");
    expect(await caller.teams.mine()).toHaveLength(TEAMS_PER_USER_PER_DAY);
  });
});
