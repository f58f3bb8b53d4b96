import { beforeEach, describe, expect, it } from "vitest";
import { session } from "@/db/schema";
import { addMember } from "@/server/services/teams";
import { newId } from "@/server/services/ids";
import { problemCount, verifyDatabase } from "@/server/services/verify";
import { callerFor, makeTeam, openTestDatabase, rowCounts, type TeamMember, type TestTeam, codeOf, t0, later } from "@/tests/support/fixtures";

// Removing someone from the team (DESIGN.md: "deleting a member keeps their history under their
// name"; owners and managers manage members, and a team always keeps an owner).
const db = await openTestDatabase();

let team: TestTeam;
let manager: TeamMember;
let rita: TeamMember;
let prospectId: number;
let scriptId: number;

const memberIdOf = async (who: TeamMember) => (await team.owner.caller.teams.members()).find((m) => m.userId === who.user.id)!.memberId;

beforeEach(async () => {
  team = await makeTeam(db, `Removal ${newId().slice(0, 6)}`);
  manager = await team.join("manager", "Manny Manager");
  rita = await team.join("rep", "Rita Rep");
  scriptId = (await rita.caller.scripts.create({ title: "Rita's opener", stage: "first-touch", body: "Hi {prospect.firstName}, {rep.name} here." })).id;
  const dial = await rita.caller.attempts.log({ prospect: { name: "Pat Prospect", phone: "212-555-0190" }, outcome: "voicemail", scriptId, at: t0 });
  prospectId = dial.prospectId;
  await rita.caller.callbacks.log({ prospect: { id: prospectId }, result: "appointment", at: later(45) });
});

describe("removing a member", () => {
  it("keeps the removed rep's dials, callbacks and scripts under their name, and ends their access at once", async () => {
    const before = await rowCounts(db);
    const removed = await team.owner.caller.teams.removeMember({ memberId: await memberIdOf(rita) });
    expect(removed.name).toBe("Rita Rep");

    // Only the membership went.
    expect(await rowCounts(db)).toEqual({ ...before, member: before.member - 1 });
    expect((await team.owner.caller.teams.members()).map((m) => m.name)).not.toContain("Rita Rep");

    // The leaderboard by rep and by script still credits her voicemail, under her name and email.
    const byRep = await manager.caller.leaderboard.get({ by: "rep", range: "all" });
    expect(byRep.rows).toEqual([expect.objectContaining({ label: "Rita Rep", key: rita.user.email, voicemails: 1, returned: 1, appointments: 1 })]);
    const byScript = await manager.caller.leaderboard.get({ by: "script", range: "all" });
    expect(byScript.rows).toEqual([expect.objectContaining({ label: "Rita's opener", voicemails: 1, returned: 1 })]);

    // The prospect's timeline names her, as dialler and as the voicemail the callback is credited to.
    const detail = await manager.caller.prospects.get({ id: prospectId });
    expect(detail.attempts.map((a) => a.repName)).toEqual(["Rita Rep"]);
    expect(detail.callbacks.map((c) => [c.loggedByName, c.creditedRepName])).toEqual([["Rita Rep", "Rita Rep"]]);
    expect(detail.ownerName).toBe("Rita Rep");

    // She can no longer read or write anything of the team.
    expect(await codeOf(rita.caller.attempts.log({ prospect: { id: prospectId }, outcome: "no-message" }))).toBe("PRECONDITION_FAILED");
    expect(await codeOf(rita.caller.prospects.get({ id: prospectId }))).toBe("PRECONDITION_FAILED");
    expect(await rita.caller.teams.mine()).toEqual([]);
    expect(problemCount(await verifyDatabase(db))).toBe(0);
  });

  it("re-adding a removed rep brings their history back with them", async () => {
    await manager.caller.teams.removeMember({ memberId: await memberIdOf(rita) });
    await addMember(db, team.id, rita.user.id, "rep");
    const mine = await rita.caller.leaderboard.rep({ range: "all" });
    expect(mine.overall).toMatchObject({ voicemails: 1, returned: 1 });
  });

  it("moves the removed person's sessions off the team, and leaves their other teams alone", async () => {
    const other = await makeTeam(db, `Other ${newId().slice(0, 6)}`);
    await addMember(db, other.id, rita.user.id, "rep");
    const sessionId = newId();
    await db.insert(session)
      .values({ id: sessionId, token: newId(), userId: rita.user.id, expiresAt: later(60 * 24 * 30), activeOrganizationId: team.id })
      .run();
    await team.owner.caller.teams.removeMember({ memberId: await memberIdOf(rita) });
    expect((await db.select().from(session).all()).find((s) => s.id === sessionId)?.activeOrganizationId).toBeNull();
    // With the removed team still chosen on her session, she lands in her other team and sees none of the first.
    const asRita = callerFor(db, rita.user, team.id);
    expect((await asRita.teams.current()).id).toBe(other.id);
    expect(await codeOf(asRita.prospects.get({ id: prospectId }))).toBe("NOT_FOUND");
  });

  it("a rep cannot remove anyone, a manager cannot remove an owner, and neither changes anything", async () => {
    const before = await rowCounts(db);
    expect(await codeOf(rita.caller.teams.removeMember({ memberId: await memberIdOf(manager) }))).toBe("FORBIDDEN");
    expect(await codeOf(manager.caller.teams.removeMember({ memberId: await memberIdOf(team.owner) }))).toBe("FORBIDDEN");
    expect(await rowCounts(db)).toEqual(before);
    const listed = await manager.caller.teams.members();
    expect(listed.find((m) => m.role === "owner")?.canRemove).toBe(false);
    expect(listed.find((m) => m.name === "Rita Rep")?.canRemove).toBe(true);
    expect((await rita.caller.teams.members()).every((m) => !m.canRemove)).toBe(true);
  });

  it("never removes the last owner; with two owners, one can remove the other", async () => {
    const ownerMemberId = await memberIdOf(team.owner);
    expect(await codeOf(team.owner.caller.teams.removeMember({ memberId: ownerMemberId }))).toBe("CONFLICT");
    expect((await team.owner.caller.teams.members()).find((m) => m.memberId === ownerMemberId)).toBeDefined();

    const second = await team.join("owner", "Second Owner");
    expect((await team.owner.caller.teams.members()).find((m) => m.name === "Second Owner")?.canRemove).toBe(true);
    await team.owner.caller.teams.removeMember({ memberId: await memberIdOf(second) });
    expect((await team.owner.caller.teams.members()).filter((m) => m.role === "owner")).toHaveLength(1);
    // The one owner left cannot remove themselves either.
    expect(await codeOf(team.owner.caller.teams.removeMember({ memberId: ownerMemberId }))).toBe("CONFLICT");
  });

  it("another team's member is NOT_FOUND and stays", async () => {
    const other = await makeTeam(db, `Elsewhere ${newId().slice(0, 6)}`);
    const outsider = await other.join("rep", "Olga Outsider");
    const outsiderMemberId = (await other.owner.caller.teams.members()).find((m) => m.userId === outsider.user.id)!.memberId;
    expect(await codeOf(team.owner.caller.teams.removeMember({ memberId: outsiderMemberId }))).toBe("NOT_FOUND");
    expect((await other.owner.caller.teams.members()).map((m) => m.name)).toContain("Olga Outsider");
  });
});
