import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { invitation } from "@/db/schema";
import { callerFor, makeTeam, makeUser, openTestDatabase, rowCounts, type TestTeam, type TeamMember, codeOf, t0, later } from "@/tests/support/fixtures";

// Who may do what, and what one team can never see of another (DESIGN.md, "People" and
// "every piece of data belongs to exactly one team"). Every call goes through the real router
// and a real migrated database: one per file.
const db = await openTestDatabase();

let teamA: TestTeam;
let teamB: TestTeam;
let managerA: TeamMember;
let repA: TeamMember;
let repB: TeamMember;
let scriptA: { id: number };
let scriptB: { id: number };
let prospectB: number;

beforeAll(async () => {
  teamA = await makeTeam(db, "Acme Calling");
  teamB = await makeTeam(db, "Bravo Sales");
  managerA = await teamA.join("manager");
  repA = await teamA.join("rep");
  repB = await teamB.join("rep");
  scriptA = await teamA.owner.caller.scripts.create({ title: "Acme opener", stage: "first-touch", body: "Hi {prospect.firstName}, {rep.name} here." });
  scriptB = await teamB.owner.caller.scripts.create({ title: "Bravo secret script", stage: "first-touch", body: "Hello {prospect.name}." });
  const vm = await repB.caller.attempts.log({
    prospect: { name: "Bea Bravo", phone: "212-555-0147" },
    outcome: "voicemail",
    scriptId: scriptB.id,
    at: t0,
  });
  prospectB = vm.prospectId;
  await repB.caller.callbacks.log({ prospect: { id: prospectB }, result: "appointment", at: later(30) });
});

describe("roles", () => {
  const managerOnly = [
    { name: "teams.invite", call: (m: TeamMember) => m.caller.teams.invite({ email: "new.rep@example.test", role: "rep" }) },
    { name: "teams.invites", call: (m: TeamMember) => m.caller.teams.invites() },
    { name: "teams.revokeInvite", call: (m: TeamMember) => m.caller.teams.revokeInvite({ inviteId: "x".repeat(24) }) },
  ];
  it.each(managerOnly)("a rep calling $name gets FORBIDDEN", async ({ call }) => {
    expect(await codeOf(call(repA))).toBe("FORBIDDEN");
  });

  it("a manager may list invites", async () => {
    await expect(managerA.caller.teams.invites()).resolves.toEqual(expect.any(Array));
  });

  const ownerOnly = [
    { name: "a rep", who: () => repA },
    { name: "a manager", who: () => managerA },
  ];
  it.each(ownerOnly)("$name changing team settings gets FORBIDDEN", async ({ who }) => {
    expect(await codeOf(who().caller.teams.updateSettings({ minSample: 1 }))).toBe("FORBIDDEN");
  });

  const signedOut = [
    { name: "me", call: () => callerFor(db, null).me() },
    { name: "teams.mine", call: () => callerFor(db, null).teams.mine() },
    { name: "teams.invites", call: () => callerFor(db, null).teams.invites() },
    { name: "leaderboard.get", call: () => callerFor(db, null).leaderboard.get({ by: "script" }) },
    {
      name: "attempts.log",
      call: () => callerFor(db, null, teamA.id).attempts.log({ prospect: { name: "X", phone: "516-541-8160" }, outcome: "no-message" }),
    },
  ];
  it.each(signedOut)("a signed-out caller of $name gets UNAUTHORIZED", async ({ call }) => {
    expect(await codeOf(call())).toBe("UNAUTHORIZED");
  });

  it("a signed-in user with no team is asked to create or join one", async () => {
    const loner = await makeUser(db, "Lone Wolf");
    expect(await codeOf(callerFor(db, loner).leaderboard.get({ by: "script" }))).toBe("PRECONDITION_FAILED");
  });
});

describe("team isolation", () => {
  it("a member of team A gets NOT_FOUND logging a dial against team B's prospect id", async () => {
    const before = await rowCounts(db);
    expect(await codeOf(repA.caller.attempts.log({ prospect: { id: prospectB }, outcome: "no-message", at: t0 }))).toBe("NOT_FOUND");
    expect(await codeOf(repA.caller.callbacks.log({ prospect: { id: prospectB }, result: "interested", at: t0 }))).toBe("NOT_FOUND");
    expect(await rowCounts(db)).toEqual(before);
  });

  it("a member of team A gets NOT_FOUND using team B's script, and the new prospect is rolled back", async () => {
    const before = await rowCounts(db);
    const call = repA.caller.attempts.log({
      prospect: { name: "Fresh Prospect", phone: "(646) 555-0199" },
      outcome: "voicemail",
      scriptId: scriptB.id,
      at: t0,
    });
    expect(await codeOf(call)).toBe("NOT_FOUND");
    expect(await rowCounts(db)).toEqual(before);
  });

  it("the same phone number is a separate prospect in each team", async () => {
    const own = await repA.caller.attempts.log({ prospect: { name: "Bea in Acme", phone: "212-555-0147" }, outcome: "no-message", at: t0 });
    expect(own.prospectId).not.toBe(prospectB);
  });

  it("team A's leaderboard holds none of team B's scripts, reps or callbacks", async () => {
    const byScript = await teamA.owner.caller.leaderboard.get({ by: "script" });
    expect(byScript.rows.map((r) => r.key)).not.toContain("Bravo secret script");
    const byRep = await teamA.owner.caller.leaderboard.get({ by: "rep" });
    expect(byRep.rows.map((r) => r.key)).not.toContain(repB.user.email);
    // Team B's own board does show them, so the absence above is isolation, not an empty query.
    const bravo = await teamB.owner.caller.leaderboard.get({ by: "script" });
    expect(bravo.rows).toEqual([expect.objectContaining({ key: "Bravo secret script", voicemails: 1, returned: 1, appointments: 1 })]);
  });

  it("team A's script picker and prospect search show nothing of team B", async () => {
    const scripts = await repA.caller.scripts.pickable();
    expect(scripts.map((s) => s.id)).toEqual([scriptA.id]);
    for (const query of ["Bea Bravo", "212 555 0147"]) {
      expect((await repA.caller.prospects.search({ query })).map((p) => p.id)).not.toContain(prospectB);
      // Team B's own search finds it, so the absence above is isolation, not a query that misses.
      expect((await repB.caller.prospects.search({ query })).map((p) => p.id)).toEqual([prospectB]);
    }
  });

  it("an active team the caller does not belong to is ignored, not trusted", async () => {
    const intruder = callerFor(db, repA.user, teamB.id);
    const current = await intruder.teams.current();
    expect(current.id).toBe(teamA.id);
    const board = await intruder.leaderboard.get({ by: "script" });
    expect(board.rows.map((r) => r.key)).not.toContain("Bravo secret script");
  });

  it("a teammate's unshared draft cannot be used by a rep", async () => {
    const draft = await managerA.caller.scripts.create({ title: "Manager's draft", stage: "any", body: "Draft text.", shared: false });
    const call = repA.caller.attempts.log({ prospect: { name: "Dee", phone: "516-541-8161" }, outcome: "voicemail", scriptId: draft.id, at: t0 });
    expect(await codeOf(call)).toBe("NOT_FOUND");
  });
});

describe("invalid input is BAD_REQUEST and changes nothing", () => {
  const newProspect = { name: "Ivy Invalid", phone: "516-541-8170" };
  const cases = [
    { name: "an unknown outcome 'vm'", call: () => repA.caller.attempts.log({ prospect: newProspect, outcome: "vm" as never, at: t0 }) },
    { name: "a voicemail without a script", call: () => repA.caller.attempts.log({ prospect: newProspect, outcome: "voicemail", at: t0 }) },
    {
      name: "a script on a dial that left no voicemail",
      call: () => repA.caller.attempts.log({ prospect: newProspect, outcome: "connected", scriptId: scriptA.id, at: t0 }),
    },
    {
      name: "a phone that is no phone number",
      call: () => repA.caller.attempts.log({ prospect: { name: "Ivy", phone: "not a phone" }, outcome: "no-message", at: t0 }),
    },
    {
      name: "a message longer than ten minutes",
      call: () => repA.caller.attempts.log({ prospect: newProspect, outcome: "voicemail", scriptId: scriptA.id, messageSeconds: 601, at: t0 }),
    },
    { name: "an unknown callback result", call: () => repA.caller.callbacks.log({ prospect: newProspect, result: "maybe" as never, at: t0 }) },
    {
      name: "a script body with {unknown}",
      call: () => repA.caller.scripts.create({ title: "Broken", stage: "any", body: "Hi {unknown}, call me." }),
    },
    {
      name: "a script body with an unclosed {",
      call: () => repA.caller.scripts.create({ title: "Broken too", stage: "any", body: "Hi {prospect.name, call me." }),
    },
    { name: "an empty script body", call: () => repA.caller.scripts.create({ title: "Empty", stage: "any", body: "   " }) },
    { name: "an invite to a malformed address", call: () => managerA.caller.teams.invite({ email: "not-an-email", role: "rep" }) },
    { name: "a minimum sample of 0", call: () => teamA.owner.caller.teams.updateSettings({ minSample: 0 }) },
    { name: "an unknown time zone", call: () => teamA.owner.caller.teams.updateSettings({ timezone: "Mars/Olympus_Mons" }) },
  ];
  it.each(cases)("$name", async ({ call }) => {
    const before = await rowCounts(db);
    expect(await codeOf(call())).toBe("BAD_REQUEST");
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe("invites", () => {
  it("a manager cannot invite an owner", async () => {
    expect(await codeOf(managerA.caller.teams.invite({ email: "boss@example.test", role: "owner" }))).toBe("FORBIDDEN");
  });

  it("a manager can invite a manager; an owner can invite an owner", async () => {
    await expect(managerA.caller.teams.invite({ email: "peer@example.test", role: "manager" })).resolves.toMatchObject({ role: "manager" });
    await expect(teamA.owner.caller.teams.invite({ email: "partner@example.test", role: "owner" })).resolves.toMatchObject({ role: "owner" });
  });

  it("can be accepted once only, and only by the invited address", async () => {
    const invitee = await makeUser(db, "Ina Invited", "ina@example.test");
    const stranger = await makeUser(db, "Sam Stranger", "sam@example.test");
    const invite = await managerA.caller.teams.invite({ email: "INA@example.test", role: "rep" });

    expect(await codeOf(callerFor(db, stranger).teams.acceptInvite({ inviteId: invite.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(db, null).teams.acceptInvite({ inviteId: invite.id }))).toBe("UNAUTHORIZED");

    await expect(callerFor(db, invitee).teams.acceptInvite({ inviteId: invite.id })).resolves.toEqual({ teamId: teamA.id, role: "rep" });
    const teams = await callerFor(db, invitee).teams.mine();
    expect(teams).toEqual([expect.objectContaining({ id: teamA.id, role: "rep" })]);

    const before = await rowCounts(db);
    expect(await codeOf(callerFor(db, invitee).teams.acceptInvite({ inviteId: invite.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(db, null).teams.describeInvite({ inviteId: invite.id }))).toBe("NOT_FOUND");
    expect(await rowCounts(db)).toEqual(before);
  });

  it("cannot be accepted after it expires", async () => {
    const late = await makeUser(db, "Lee Late", "lee@example.test");
    const invite = await managerA.caller.teams.invite({ email: "lee@example.test", role: "rep" });
    await expect(callerFor(db, null).teams.describeInvite({ inviteId: invite.id })).resolves.toMatchObject({ email: "lee@example.test" });

    await db.update(invitation).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitation.id, invite.id)).run();

    expect(await codeOf(callerFor(db, null).teams.describeInvite({ inviteId: invite.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(db, late).teams.acceptInvite({ inviteId: invite.id }))).toBe("NOT_FOUND");
    expect(await callerFor(db, late).teams.mine()).toEqual([]);
  });

  it("a revoked invite cannot be accepted, and a team's invites are revoked only by that team", async () => {
    const user = await makeUser(db, "Rae Revoked", "rae@example.test");
    const invite = await managerA.caller.teams.invite({ email: "rae@example.test", role: "rep" });
    expect(await codeOf(teamB.owner.caller.teams.revokeInvite({ inviteId: invite.id }))).toBe("NOT_FOUND");
    await managerA.caller.teams.revokeInvite({ inviteId: invite.id });
    expect(await codeOf(callerFor(db, user).teams.acceptInvite({ inviteId: invite.id }))).toBe("NOT_FOUND");
  });

  it("a fresh invite to the same address replaces the pending one", async () => {
    const first = await managerA.caller.teams.invite({ email: "twice@example.test", role: "rep" });
    const second = await managerA.caller.teams.invite({ email: "twice@example.test", role: "manager" });
    const pending = (await managerA.caller.teams.invites()).filter((i) => i.email === "twice@example.test");
    expect(pending.map((i) => i.id)).toEqual([second.id]);
    expect(pending[0].id).not.toBe(first.id);
  });

  it("cannot invite someone who is already a member", async () => {
    expect(await codeOf(managerA.caller.teams.invite({ email: repA.user.email, role: "rep" }))).toBe("CONFLICT");
  });
});
