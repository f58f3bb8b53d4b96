import { describe, expect, it } from "vitest";
import { codeOf, makeTeam, openTestDatabase, type TeamMember, type TestTeam } from "@/tests/support/fixtures";

// Issue 12, item 10: managers change a member's role; it holds from the member's next request.
const db = await openTestDatabase();

const memberIdOf = async (team: TestTeam, who: TeamMember) => (await team.owner.caller.teams.members()).find((m) => m.userId === who.user.id)!.memberId;

describe("changing a member's role", () => {
  it("makes a rep a manager, effective on the rep's very next request, and back", async () => {
    const team = await makeTeam(db, "Roles Team");
    const manager = await team.join("manager", "Mia Manager");
    const rep = await team.join("rep", "Rex Rep");
    expect(await codeOf(rep.caller.teams.invites())).toBe("FORBIDDEN");

    const changed = await manager.caller.teams.changeRole({ memberId: await memberIdOf(team, rep), role: "manager" });
    expect(changed).toMatchObject({ role: "manager", previousRole: "rep", name: "Rex Rep" });
    expect(await rep.caller.teams.invites()).toEqual([]);
    expect((await rep.caller.teams.current()).role).toBe("manager");

    await manager.caller.teams.changeRole({ memberId: await memberIdOf(team, rep), role: "rep", undo: true });
    expect(await codeOf(rep.caller.teams.invites())).toBe("FORBIDDEN");
  });

  it("records who changed whom from what to what, and when, an Undo marked; managers and owners read it, reps and other teams do not", async () => {
    const team = await makeTeam(db, "Audit Team", "Olga Owner");
    const manager = await team.join("manager", "Max Manager");
    const rep = await team.join("rep", "Rosa Rep");
    const before = Date.now();
    await manager.caller.teams.changeRole({ memberId: await memberIdOf(team, rep), role: "manager" });
    await manager.caller.teams.changeRole({ memberId: await memberIdOf(team, rep), role: "rep", undo: true });
    await team.owner.caller.teams.changeRole({ memberId: await memberIdOf(team, manager), role: "owner" });
    // Asking for the role someone already has changes nothing, so it leaves no line.
    await team.owner.caller.teams.changeRole({ memberId: await memberIdOf(team, rep), role: "rep" });
    // A refused change leaves no line either.
    expect(await codeOf(manager.caller.teams.changeRole({ memberId: await memberIdOf(team, rep), role: "banana" as never }))).toBe("BAD_REQUEST");

    const trail = await team.owner.caller.teams.roleChanges();
    expect(trail.map(({ byName, memberName, fromRole, toRole, undo }) => ({ byName, memberName, fromRole, toRole, undo }))).toEqual([
      { byName: "Olga Owner", memberName: "Max Manager", fromRole: "manager", toRole: "owner", undo: false },
      { byName: "Max Manager", memberName: "Rosa Rep", fromRole: "manager", toRole: "rep", undo: true },
      { byName: "Max Manager", memberName: "Rosa Rep", fromRole: "rep", toRole: "manager", undo: false },
    ]);
    for (const line of trail) {
      expect(line.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(line.at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expect(await manager.caller.teams.roleChanges()).toHaveLength(3);
    expect(await codeOf(rep.caller.teams.roleChanges())).toBe("FORBIDDEN");

    const other = await makeTeam(db, "Audit Other");
    expect(await other.owner.caller.teams.roleChanges()).toEqual([]);
  });

  it("leaves owners to owners, keeps the last owner, refuses reps and other teams' members", async () => {
    const team = await makeTeam(db, "Owner Rules");
    const manager = await team.join("manager", "Mo Manager");
    const rep = await team.join("rep", "Ria Rep");
    const ownerMemberId = await memberIdOf(team, team.owner);
    // The picker offers what changeRole allows: no owner role to a manager, nothing for one's own row or the last owner.
    const asManager = await manager.caller.teams.members();
    expect(asManager.find((m) => m.userId === rep.user.id)?.assignableRoles).toEqual(["manager", "rep"]);
    expect(asManager.find((m) => m.userId === team.owner.user.id)?.assignableRoles).toEqual([]);
    expect(asManager.find((m) => m.userId === manager.user.id)?.assignableRoles).toEqual([]);
    expect((await team.owner.caller.teams.members()).find((m) => m.userId === rep.user.id)?.assignableRoles).toEqual(["owner", "manager", "rep"]);
    expect(await codeOf(manager.caller.teams.changeRole({ memberId: await memberIdOf(team, rep), role: "owner" }))).toBe("FORBIDDEN");
    expect(await codeOf(manager.caller.teams.changeRole({ memberId: ownerMemberId, role: "rep" }))).toBe("FORBIDDEN");
    expect(await codeOf(rep.caller.teams.changeRole({ memberId: await memberIdOf(team, manager), role: "rep" }))).toBe("FORBIDDEN");
    expect(await codeOf(team.owner.caller.teams.changeRole({ memberId: ownerMemberId, role: "manager" }))).toBe("CONFLICT");

    await team.owner.caller.teams.changeRole({ memberId: await memberIdOf(team, manager), role: "owner" });
    await team.owner.caller.teams.changeRole({ memberId: ownerMemberId, role: "manager" });
    expect((await team.owner.caller.teams.current()).role).toBe("manager");

    const other = await makeTeam(db, "Other Team");
    const outsider = await other.join("rep", "Otto Outsider");
    const outsiderMemberId = (await other.owner.caller.teams.members()).find((m) => m.userId === outsider.user.id)!.memberId;
    expect(await codeOf(manager.caller.teams.changeRole({ memberId: outsiderMemberId, role: "manager" }))).toBe("NOT_FOUND");
    expect((await other.owner.caller.teams.members()).find((m) => m.userId === outsider.user.id)?.role).toBe("rep");
  });
});
