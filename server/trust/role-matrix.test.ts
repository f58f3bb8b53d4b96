import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { invitation, member } from "@/db/schema";
import type { Db } from "@/db/client";
import { PRIVATE_DRAFTS } from "@/lib/vocabulary";
import { leaderboardCsv } from "@/server/services/leaderboard-csv";
import { callerFor, later, makeTeam, makeUser, openTestDatabase, type Caller } from "@/tests/support/fixtures";
import { allProcedures, callPath, codeOfError, databaseDigest, outcomeOf, twoTeams, type OwnTeam } from "@/tests/support/trust";
import { VALID_INPUTS } from "@/tests/support/valid-inputs";

// Who may call what (DESIGN.md, "People and what they do"), for every procedure of the router.
// Each procedure's access is *measured*: it is called with no input by a signed-out caller, a
// signed-in user with no team, a rep, a manager and an owner. The procedure builders check who
// is calling before the input is parsed, so whichever callers are turned away at the door tells
// which builder the procedure uses. The measurement must equal the access written down below:
// a new procedure, or one whose builder changes, fails until someone decides its access here.
// Invite rules beyond these live in server/services/access.test.ts (accepted once, expiry,
// address) and are not repeated.

type Access = "public" | "authed" | "member" | "manager" | "owner";

const EXPECTED_ACCESS: Record<string, Access> = {
  // Public: the invite page shows whom a link invites before its holder signs in or up. Sign-in
  // and sign-up themselves are better-auth routes, not procedures.
  "teams.describeInvite": "public",
  // Signed in, no team needed: who am I, my teams, and the ways into a team.
  me: "authed",
  "teams.mine": "authed",
  "teams.create": "authed",
  "teams.switch": "authed",
  "teams.acceptInvite": "authed",
  "teams.current": "member",
  "teams.members": "member",
  "teams.invite": "manager",
  "teams.invites": "manager",
  "teams.revokeInvite": "manager",
  "teams.removeMember": "manager",
  "teams.changeRole": "manager",
  "teams.roleChanges": "manager",
  "teams.updateSettings": "owner",
  "profile.get": "member",
  "profile.update": "member",
  "firstRun.steps": "member",
  "attempts.log": "member",
  "attempts.mine": "member",
  "attempts.today": "member",
  "attempts.update": "member",
  "attempts.remove": "member",
  "attempts.restore": "member",
  "callbacks.log": "member",
  "callbacks.preview": "member",
  "callbacks.update": "member",
  "callbacks.remove": "member",
  "callbacks.restore": "member",
  "prospects.search": "member",
  "prospects.list": "member",
  "prospects.get": "member",
  "prospects.update": "member",
  "prospects.merge": "manager",
  "prospects.undoMerge": "manager",
  "prospects.merges": "manager",
  "prospects.awaitingCallback": "member",
  "prospects.dialContext": "member",
  "scripts.pickable": "member",
  "scripts.options": "member",
  "scripts.library": "member",
  "scripts.facets": "member",
  "scripts.get": "member",
  "scripts.compare": "member",
  "scripts.preview": "member",
  "scripts.create": "member",
  "scripts.update": "member",
  "scripts.setShared": "member",
  "scripts.fork": "member",
  "scripts.deleteDraft": "member",
  "scripts.restoreDraft": "member",
  "scripts.setArchived": "manager",
  "scripts.setTeamPick": "manager",
  "leaderboard.get": "member",
  "leaderboard.filters": "member",
  "leaderboard.overview": "manager",
  "leaderboard.rep": "member",
  "imports.run": "manager",
  // Experiments are the manager's: reps meet them only as Today's "Experiment: read this one".
  "experiments.list": "manager",
  "experiments.get": "manager",
  "experiments.plan": "manager",
  "experiments.start": "manager",
  "experiments.end": "manager",
  "imports.calls": "manager",
  // Rehearsal takes: every member records, shares and listens; managers coach.
  "takes.forScript": "member",
  "takes.remove": "member",
  "takes.setShared": "member",
  "takes.setReference": "member",
  "takes.comment": "manager",
  "takes.useMeasuredRate": "member",
  // API keys open the team's data to another program: managers and owners hand them out.
  "apiKeys.list": "manager",
  "apiKeys.create": "manager",
  "apiKeys.revoke": "manager",
  // Webhook integrations hold the team's telephony secrets: managers and owners only.
  "integrations.list": "manager",
  "integrations.create": "manager",
  "integrations.replaceSecret": "manager",
  "integrations.revoke": "manager",
  "live.callbackCursor": "member",
  "live.creditedToMe": "member",
  "displayLinks.list": "manager",
  "displayLinks.create": "manager",
  "displayLinks.revoke": "manager",
};

type Probe = "signedOut" | "noTeam" | "rep" | "manager" | "owner";
type Codes = Record<Probe, string>;

/** The access a procedure enforces, read from who it turns away at the door. */
function measuredAccess(codes: Codes): Access | "nobody" {
  if (codes.signedOut !== "UNAUTHORIZED") return "public";
  if (codes.noTeam !== "PRECONDITION_FAILED") return "authed";
  if (codes.rep !== "FORBIDDEN") return "member";
  if (codes.manager !== "FORBIDDEN") return "manager";
  if (codes.owner !== "FORBIDDEN") return "owner";
  return "nobody";
}

const procedures = allProcedures();
const paths = procedures.map((p) => p.path);

let db: Db;
let b: OwnTeam;
let callers: Record<Probe, Caller>;
const measured = new Map<string, { codes: Codes; access: Access | "nobody" }>();

beforeAll(async () => {
  db = await openTestDatabase();
  ({ b } = await twoTeams(db));
  callers = {
    signedOut: callerFor(db, null),
    noTeam: callerFor(db, await makeUser(db, "Nora Noteam")),
    rep: b.rep.caller,
    manager: b.manager.caller,
    owner: b.team.owner.caller,
  };
  for (const path of paths) {
    const codes = {} as Codes;
    for (const probe of Object.keys(callers) as Probe[]) {
      // No input: the door is checked before the input, and nothing valid can be written.
      const result = await outcomeOf(callPath(callers[probe], path, undefined));
      codes[probe] = result.ok ? "ok" : codeOfError(result.error);
    }
    measured.set(path, { codes, access: measuredAccess(codes) });
  }
});

describe("the role matrix", () => {
  it("writes down an access for every procedure of the router, and for none it lacks", () => {
    expect(paths.filter((p) => !(p in EXPECTED_ACCESS)), "procedures without a decided access").toEqual([]);
    expect(Object.keys(EXPECTED_ACCESS).filter((p) => !paths.includes(p)), "accesses for procedures that no longer exist").toEqual([]);
    expect(paths.filter((p) => !(p in VALID_INPUTS)), "procedures without a valid input").toEqual([]);
  });

  it.each(paths)("%s enforces the access written down for it", (path) => {
    const { codes, access } = measured.get(path)!;
    expect(access, JSON.stringify(codes)).toBe(EXPECTED_ACCESS[path]);
    // Whoever passes the door gets no server error for a missing input.
    expect(Object.values(codes)).not.toContain("INTERNAL_SERVER_ERROR");
  });

  it("lists the public procedures explicitly: only the invite link's description", () => {
    expect(paths.filter((p) => measured.get(p)!.access === "public")).toEqual(["teams.describeInvite"]);
  });

  const restricted = () => paths.filter((p) => EXPECTED_ACCESS[p] === "manager" || EXPECTED_ACCESS[p] === "owner");
  const nonPublic = () => paths.filter((p) => EXPECTED_ACCESS[p] !== "public");

  it("refuses a rep every manager- and owner-only procedure with FORBIDDEN, even with a valid input, writing nothing", async () => {
    expect(restricted().length).toBeGreaterThanOrEqual(8);
    for (const path of restricted()) {
      const before = await databaseDigest(db);
      const result = await outcomeOf(callPath(callers.rep, path, VALID_INPUTS[path](b)));
      expect(result.ok ? "ok" : codeOfError(result.error), path).toBe("FORBIDDEN");
      expect(await databaseDigest(db), path).toEqual(before);
    }
  });

  it("refuses a manager every owner-only procedure with FORBIDDEN, writing nothing", async () => {
    const ownerOnly = paths.filter((p) => EXPECTED_ACCESS[p] === "owner");
    expect(ownerOnly).toEqual(["teams.updateSettings"]);
    for (const path of ownerOnly) {
      const before = await databaseDigest(db);
      const result = await outcomeOf(callPath(callers.manager, path, VALID_INPUTS[path](b)));
      expect(result.ok ? "ok" : codeOfError(result.error), path).toBe("FORBIDDEN");
      expect(await databaseDigest(db), path).toEqual(before);
    }
  });

  it("answers a signed-out caller UNAUTHORIZED on every procedure but the public ones, even with a valid input and B's team named", async () => {
    const signedOutInTeamB = callerFor(db, null, b.team.id);
    for (const path of nonPublic()) {
      const before = await databaseDigest(db);
      const result = await outcomeOf(callPath(signedOutInTeamB, path, VALID_INPUTS[path](b)));
      expect(result.ok ? "ok" : codeOfError(result.error), path).toBe("UNAUTHORIZED");
      expect(await databaseDigest(db), path).toEqual(before);
    }
  });
});

describe("invites cannot grant more than their inviter holds when they are accepted", () => {
  async function inviteFromManager(email: string, role: "rep" | "manager") {
    const manager = await b.team.join("manager", `Inviting Manager ${email}`);
    const invitee = await makeUser(db, `Invitee ${email}`, email);
    const invite = await manager.caller.teams.invite({ email, role });
    return { manager, invitee, invite };
  }

  it("a manager's manager invite is refused once the manager has become a rep", async () => {
    const { manager, invitee, invite } = await inviteFromManager("demoted.inviter@example.test", "manager");
    await db.update(member).set({ role: "rep" }).where(eq(member.userId, manager.user.id)).run();
    const before = await databaseDigest(db);
    const result = await outcomeOf(callerFor(db, invitee).teams.acceptInvite({ inviteId: invite.id }));
    expect(result.ok ? "ok" : codeOfError(result.error)).toBe("FORBIDDEN");
    expect(await databaseDigest(db)).toEqual(before);
    expect(await callerFor(db, invitee).teams.mine()).toEqual([]);
  });

  it("an invite is refused once its inviter has left the team", async () => {
    const { manager, invitee, invite } = await inviteFromManager("orphaned.invite@example.test", "rep");
    await db.delete(member).where(eq(member.userId, manager.user.id)).run();
    const result = await outcomeOf(callerFor(db, invitee).teams.acceptInvite({ inviteId: invite.id }));
    expect(result.ok ? "ok" : codeOfError(result.error)).toBe("FORBIDDEN");
    expect(await callerFor(db, invitee).teams.mine()).toEqual([]);
  });

  it("a rep invite from a manager still demoted to rep is accepted as rep, once", async () => {
    const { manager, invitee, invite } = await inviteFromManager("rep.from.rep@example.test", "rep");
    await db.update(member).set({ role: "rep" }).where(eq(member.userId, manager.user.id)).run();
    await expect(callerFor(db, invitee).teams.acceptInvite({ inviteId: invite.id })).resolves.toEqual({ teamId: b.team.id, role: "rep" });
    const again = await outcomeOf(callerFor(db, invitee).teams.acceptInvite({ inviteId: invite.id }));
    expect(again.ok ? "ok" : codeOfError(again.error)).toBe("NOT_FOUND");
    expect(await db.select({ status: invitation.status }).from(invitation).where(eq(invitation.id, invite.id)).get()).toEqual({ status: "accepted" });
  });
});

// A rep's unshared draft is theirs alone, whatever the viewer's role (server/services/private-drafts.ts):
// its title and its tags are named nowhere else, and its voicemails are folded into one unranked
// "Private drafts" row on the boards that name scripts, so the team's totals stay whole.
describe("a rep's private draft stays private from every other role", () => {
  const SECRETS = ["Ren Secret Opener", "ren-only-tag"];
  let team: Awaited<ReturnType<typeof makeTeam>>;
  let ren: Awaited<ReturnType<Awaited<ReturnType<typeof makeTeam>>["join"]>>;
  let viewers: Record<"rep" | "manager" | "owner", Caller>;
  let draftId: number;
  let draftVersionId: number;

  beforeAll(async () => {
    team = await makeTeam(db, "Drafting Team");
    ren = await team.join("rep", "Ren Drafter");
    const sam = await team.join("rep", "Sam Sharer");
    const manager = await team.join("manager", "Mona Drafts-manager");
    viewers = { rep: sam.caller, manager: manager.caller, owner: team.owner.caller };
    const opener = await team.owner.caller.scripts.create({ title: "Team Opener", stage: "first-touch", tags: ["team-tag"], body: "Hi {prospect.firstName}." });
    const draft = await ren.caller.scripts.create({ title: "Ren Secret Opener", stage: "first-touch", tags: ["ren-only-tag"], body: "Psst {prospect.firstName}.", shared: false });
    [draftId, draftVersionId] = [draft.id, draft.latestVersion.id];
    // Ren: 3 voicemails with the draft, one called back after 30 min. Sam: 2 with the shared opener, one back after 60.
    const dial = (caller: Caller, scriptId: number, n: number) =>
      caller.attempts.log({ prospect: { name: `Prospect ${n}`, phone: `212-555-01${10 + n}` }, outcome: "voicemail", scriptId, at: later(n) });
    const [first] = [await dial(ren.caller, draftId, 1), await dial(ren.caller, draftId, 2), await dial(ren.caller, draftId, 3)];
    await ren.caller.callbacks.log({ prospect: { id: first.prospectId }, result: "interested", at: later(31) });
    const [fourth] = [await dial(sam.caller, opener.id, 4), await dial(sam.caller, opener.id, 5)];
    await sam.caller.callbacks.log({ prospect: { id: fourth.prospectId }, result: "appointment", at: later(64) });
  });

  const named = (value: unknown) => SECRETS.filter((secret) => JSON.stringify(value).includes(secret));
  const folded = { key: PRIVATE_DRAFTS.key, label: "Private drafts", voicemails: 3, returned: 1, medianMinutesToCallback: 30, ranked: false, rank: null };

  it.each(["rep", "manager", "owner"] as const)("a %s's filters list neither the draft's title nor its tag", async (role) => {
    const filters = await viewers[role].leaderboard.filters();
    expect(filters.scripts.map((s) => s.title)).toEqual(["Team Opener"]);
    expect(filters.tags).toEqual(["team-tag"]);
  });

  it.each(["rep", "manager", "owner"] as const)("a %s's boards by script, version and tag fold the draft into one unranked row", async (role) => {
    for (const by of ["script", "version", "tag"] as const) {
      const board = await viewers[role].leaderboard.get({ by, range: "all" });
      expect(named(board), by).toEqual([]);
      expect(board.rows.map((r) => [r.label, r.voicemails, r.returned]), by).toEqual([
        [by === "version" ? "Team Opener · v1" : by === "tag" ? "team-tag" : "Team Opener", 2, 1],
        ["Private drafts", 3, 1],
      ]);
      expect(board.rows[1], by).toMatchObject(folded);
    }
    // Boards that name no script still count the draft's voicemails under their rep and attempt number.
    const byRep = await viewers[role].leaderboard.get({ by: "rep", range: "all" });
    expect(byRep.rows.map((r) => [r.label, r.voicemails])).toEqual([
      ["Ren Drafter", 3],
      ["Sam Sharer", 2],
    ]);
  });

  it.each(["rep", "manager", "owner"] as const)("a %s cannot filter on the draft by its id: NOT_FOUND", async (role) => {
    for (const filter of [{ scriptId: draftId }, { versionId: draftVersionId }]) {
      const result = await outcomeOf(viewers[role].leaderboard.get({ by: "rep", range: "all", ...filter }));
      expect(result.ok ? "ok" : codeOfError(result.error)).toBe("NOT_FOUND");
    }
  });

  it("the leaderboard CSV, the team overview and the author's drill-down name it to no manager", async () => {
    const manager = (await viewers.manager.teams.members()).find((m) => m.name === "Mona Drafts-manager")!;
    const actor = { userId: manager.userId, teamId: team.id, role: "manager" as const };
    const csv = await leaderboardCsv(db, actor, { by: "script", range: "all" });
    expect(named(csv)).toEqual([]);
    expect(csv).toContain(`"${PRIVATE_DRAFTS.key}","Private drafts","3","1"`);
    const overview = await viewers.manager.leaderboard.overview({ range: "all" });
    expect(named(overview)).toEqual([]);
    expect(overview.funnel).toMatchObject({ voicemails: 5, returned: 2 });
    const trend = overview.trend.series.map((t) => [t.label, t.points.reduce((sum, p) => sum + p.voicemails, 0)]);
    expect(trend).toEqual([
      ["Private drafts", 3],
      ["Team Opener", 2],
    ]);
    const drill = await viewers.manager.leaderboard.rep({ range: "all", repId: ren.user.id });
    expect(named(drill)).toEqual([]);
    expect(drill.scripts).toEqual([expect.objectContaining(folded)]);
  });

  it("its author still sees it by name, with no folded row", async () => {
    const board = await ren.caller.leaderboard.get({ by: "script", range: "all" });
    expect(board.rows.map((r) => [r.label, r.voicemails, r.returned])).toEqual([
      ["Ren Secret Opener", 3, 1],
      ["Team Opener", 2, 1],
    ]);
    expect((await ren.caller.leaderboard.filters()).tags).toEqual(["ren-only-tag", "team-tag"]);
  });
});
