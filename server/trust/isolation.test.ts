import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { callerFor, openTestDatabase } from "@/tests/support/fixtures";
import {
  allProcedures,
  callPath,
  codeOfError,
  leakedSecret,
  outcomeOf,
  teamDigest,
  twoTeams,
  type OwnTeam,
  type VictimTeam,
} from "@/tests/support/trust";

// Tenant isolation (DESIGN.md: "nothing of one team is ever visible to another"), for every
// procedure the router has. Team B's owner — the strongest role, so no role check can hide a
// missing team check — calls each procedure with team A's ids. A probe either expects a refusal
// (NOT_FOUND or FORBIDDEN, with a message naming nothing of A's and no numbers), or an answer
// that holds none of A's titles, names, phones, emails or ids; the answers that should be empty
// have a control: A's own owner, asking the same, does see A's rows. Every probe runs on a fresh
// database, and team A's rows hash the same afterwards.

type Ids = { a: VictimTeam; b: OwnTeam };
type Probe = {
  name: string;
  input: (ids: Ids) => unknown;
  /** refused: NOT_FOUND/FORBIDDEN. shown: succeeds, holds nothing of A's. link: see `teams.describeInvite`. */
  expect: "refused" | "shown" | "link";
  /** For "shown": A's owner asking the same sees A's data, so an empty answer to B is isolation, not a query that misses. */
  control?: boolean;
};

const refused = (name: string, input: Probe["input"]): Probe => ({ name, input, expect: "refused" });
const shown = (name: string, input: Probe["input"], control = false): Probe => ({ name, input, expect: "shown", control });
const none = () => undefined;

/** Keyed by procedure path; a procedure without an entry fails the first test below. */
const PROBES: Record<string, Probe[]> = {
  me: [shown("who am I", none)],
  "teams.mine": [shown("my teams", none)],
  "teams.create": [shown("a new team of B's owner", () => ({ name: "Bravo Annex", timezone: "Europe/Paris" }))],
  "teams.switch": [refused("switch to A", ({ a }) => ({ teamId: a.team.id }))],
  "teams.current": [shown("current team", none)],
  "teams.members": [shown("members", none, true)],
  "teams.updateSettings": [shown("B's own settings", () => ({ name: "Bravo Renamed", minSample: 3 }))],
  "teams.invite": [shown("invite A's rep to B", ({ a }) => ({ email: a.rep.user.email, role: "rep" }))],
  "teams.invites": [shown("pending invites", none, true)],
  "teams.revokeInvite": [refused("revoke A's invite", ({ a }) => ({ inviteId: a.inviteId }))],
  "teams.removeMember": [refused("remove A's rep", ({ a }) => ({ memberId: a.repMemberId }))],
  "teams.changeRole": [refused("make A's rep a manager", ({ a }) => ({ memberId: a.repMemberId, role: "manager" }))],
  "teams.roleChanges": [shown("role changes", none, true)],
  // An invite link is a 144-bit secret made to be sent outside the team: holding it is what
  // entitles someone to see whom it invites, to what team and role. Nothing else shows.
  "profile.get": [shown("B's owner's own profile", none)],
  "profile.update": [shown("B's owner's own profile", ({ b }) => ({ name: b.team.owner.user.name, phone: "(917) 555-0123", wordsPerMinute: 140 }))],
  "firstRun.steps": [shown("B's first steps", none)],
  "teams.describeInvite": [{ name: "A's invite link", input: ({ a }) => ({ inviteId: a.inviteId }), expect: "link" }],
  "teams.acceptInvite": [{ name: "accept A's invite as someone else", input: ({ a }) => ({ inviteId: a.inviteId }), expect: "link" }],

  "attempts.log": [
    refused("a dial to A's prospect", ({ a }) => ({ prospect: { id: a.prospectId }, outcome: "no-message" })),
    refused("a voicemail with A's script", ({ b, a }) => ({ prospect: { id: b.prospectId }, outcome: "voicemail", scriptId: a.scriptId })),
    refused("a new prospect and A's script", ({ a }) => ({ prospect: { name: "New Person", phone: "917-555-0100" }, outcome: "voicemail", scriptId: a.scriptId })),
    shown("A's prospect's phone makes B's own prospect", () => ({ prospect: { name: "Namesake", phone: "(212) 555-0147" }, outcome: "no-message" })),
  ],
  "attempts.mine": [shown("my dials since 2000", () => ({ since: new Date("2000-01-01T00:00:00Z") }), true)],
  "attempts.today": [shown("today's dials", none, true)],
  "attempts.update": [
    refused("edit A's dial", ({ a }) => ({ id: a.attemptId, notes: "mine now" })),
    refused("move B's voicemail to A's script", ({ a, b }) => ({ id: b.attemptId, scriptId: a.scriptId })),
  ],
  "attempts.remove": [refused("delete A's dial", ({ a }) => ({ id: a.attemptId }))],
  "attempts.restore": [refused("restore A's deleted dial", ({ a }) => ({ id: a.deletedAttemptId }))],

  "callbacks.log": [refused("a callback from A's prospect", ({ a }) => ({ prospect: { id: a.prospectId }, result: "interested" }))],
  "callbacks.preview": [
    refused("preview by A's prospect id", ({ a }) => ({ prospectId: a.prospectId })),
    shown("preview by A's prospect's phone", () => ({ phone: "2125550147" }), true),
  ],
  "callbacks.update": [refused("edit A's callback", ({ a }) => ({ id: a.callbackId, result: "other" }))],
  "callbacks.remove": [refused("delete A's callback", ({ a }) => ({ id: a.callbackId }))],
  "callbacks.restore": [refused("restore A's deleted callback", ({ a }) => ({ id: a.deletedCallbackId }))],

  "prospects.search": [
    shown("by A's prospect's name", () => ({ query: "Zelda" }), true),
    shown("by A's prospect's phone", () => ({ query: "212 555 0147" }), true),
  ],
  "prospects.list": [
    shown("by A's company", () => ({ query: "Zebrafish" }), true),
    shown("owned by A's rep", ({ a }) => ({ ownerId: a.rep.user.id }), true),
    shown("awaiting callback", () => ({ awaitingCallback: true }), true),
  ],
  "prospects.get": [refused("A's prospect", ({ a }) => ({ id: a.prospectId }))],
  "prospects.update": [
    refused("close A's prospect", ({ a }) => ({ id: a.prospectId, status: "closed-lost" })),
    refused("give B's prospect to A's rep", ({ a, b }) => ({ id: b.prospectId, ownerId: a.rep.user.id })),
  ],
  "prospects.merge": [
    refused("merge A's prospect into B's", ({ a, b }) => ({ keepId: b.prospectId, duplicateId: a.prospectId })),
    refused("merge B's prospect into A's", ({ a, b }) => ({ keepId: a.prospectId, duplicateId: b.prospectId })),
  ],
  "prospects.undoMerge": [refused("undo A's merge", ({ a }) => ({ mergeId: a.mergeId }))],
  "prospects.merges": [shown("the merge trail", none, true)],
  "prospects.awaitingCallback": [shown("awaiting my callbacks", none, true)],
  "prospects.dialContext": [
    refused("A's prospect", ({ a }) => ({ prospectId: a.prospectId })),
    shown("a typed name", () => ({ name: "Zelda Zebrafish" })),
  ],

  "scripts.pickable": [shown("pickable scripts", none, true)],
  "scripts.options": [shown("comparison options", none, true)],
  "scripts.library": [
    shown("library search for A's title", () => ({ q: "Zebra" }), true),
    shown("library by A's author", ({ a }) => ({ authorId: a.team.owner.user.id }), true),
    shown("library by A's tag", () => ({ tags: ["acme-secret-tag"] }), true),
    shown("archived view", () => ({ view: "archived" })),
  ],
  "scripts.facets": [shown("authors and tags", none, true)],
  "scripts.get": [refused("A's shared script", ({ a }) => ({ id: a.scriptId })), refused("A's draft", ({ a }) => ({ id: a.draftId }))],
  "scripts.compare": [
    refused("B's script against A's", ({ a, b }) => ({ id: b.scriptId, otherId: a.scriptId })),
    refused("A's script against B's", ({ a, b }) => ({ id: a.scriptId, otherId: b.scriptId })),
  ],
  "scripts.preview": [shown("a preview", () => ({ body: "Hi {prospect.firstName}, {rep.name} at {rep.phone}." }))],
  // A CONFLICT here would tell B that A has a script with this title.
  "scripts.create": [shown("a script titled like A's", () => ({ title: "Acme Zebra Opener", stage: "any", body: "Ours." }))],
  "scripts.update": [
    refused("edit A's script", ({ a }) => ({ id: a.scriptId, body: "Taken over." })),
    shown("B's script titled like A's", ({ b }) => ({ id: b.scriptId, title: "Acme Zebra Opener" })),
  ],
  "scripts.setShared": [refused("unshare A's script", ({ a }) => ({ id: a.scriptId, shared: false })), refused("share A's draft", ({ a }) => ({ id: a.draftId, shared: true }))],
  "scripts.fork": [
    refused("fork A's first version", ({ a }) => ({ versionId: a.versionIds[0] })),
    refused("fork A's latest version", ({ a }) => ({ versionId: a.versionIds[1] })),
    refused("fork A's draft", ({ a }) => ({ versionId: a.versionIds[2] })),
  ],
  "scripts.deleteDraft": [refused("delete A's draft", ({ a }) => ({ id: a.draftId }))],
  "scripts.restoreDraft": [refused("restore A's draft", ({ a }) => ({ id: a.draftId }))],
  "scripts.setArchived": [refused("archive A's script", ({ a }) => ({ id: a.scriptId, archived: true }))],
  "scripts.setTeamPick": [refused("pick A's script", ({ a }) => ({ id: a.scriptId, teamPick: true }))],

  "leaderboard.get": [
    shown("by script", () => ({ by: "script" }), true),
    shown("by rep", () => ({ by: "rep" }), true),
    shown("by tag", () => ({ by: "tag" }), true),
    shown("by version", () => ({ by: "version" }), true),
    shown("by attempt number", () => ({ by: "attempt-number", range: "all" })),
    shown("filtered to A's script", ({ a }) => ({ by: "script", scriptId: a.scriptId })),
    shown("filtered to A's version", ({ a }) => ({ by: "version", versionId: a.versionIds[1] })),
    shown("filtered to A's rep", ({ a }) => ({ by: "rep", repId: a.rep.user.id })),
  ],
  "leaderboard.filters": [shown("filter choices", none, true)],
  "leaderboard.overview": [shown("team overview", () => ({}), true), shown("overview of A's script", ({ a }) => ({ scriptId: a.scriptId }))],
  "leaderboard.rep": [refused("A's rep's drill-down", ({ a }) => ({ repId: a.rep.user.id })), shown("my own drill-down", () => ({}))],

  "imports.calls": [
    shown("a Close export dialling A's prospect's phone, naming A's rep", ({ a }) => ({
      csv: `id,user_id,duration,disposition,status,direction,date_created,remote_phone,local_phone,updated_by_name,contact_name\r\nx1,u1,20,vm-left,completed,outbound,2025-03-04T10:00:00+00:00,+12125550147,+12125550100,${a.rep.user.name},Zed\r\nx2,u1,0,answered,completed,inbound,2025-03-04T11:00:00+00:00,+12125550147,+12125550100,,\r\n`,
    })),
    refused("a rep map naming A's rep", ({ a }) => ({
      csv: "sid,date_created,start_time,status,direction,from,to,from_formatted,to_formatted\r\nCA1,x,\"Tue, 04 Mar 2025 10:00:00 +0000\",completed,outbound-api,+12125550100,+12125550147,a,b\r\n",
      reps: [{ external: "+12125550100", email: a.rep.user.email }],
    })),
  ],
  "takes.forScript": [refused("takes of A's script", ({ a }) => ({ scriptId: a.scriptId })), shown("takes of B's own script", ({ b }) => ({ scriptId: b.scriptId }))],
  "takes.remove": [refused("delete A's shared take", ({ a }) => ({ id: a.sharedTakeId })), refused("delete A's private take", ({ a }) => ({ id: a.privateTakeId }))],
  "takes.setShared": [refused("unshare A's take", ({ a }) => ({ id: a.sharedTakeId, shared: false })), refused("share A's private take", ({ a }) => ({ id: a.privateTakeId, shared: true }))],
  "takes.setReference": [refused("mark A's take", ({ a }) => ({ id: a.sharedTakeId, reference: true }))],
  "takes.comment": [refused("coach on A's shared take", ({ a }) => ({ id: a.sharedTakeId, comment: "Ours now." })), refused("coach on A's private take", ({ a }) => ({ id: a.privateTakeId, comment: "Ours now." }))],
  // A's rep's speech never counts for B: B's owner's own takes alone are measured (the service tests say so).
  "takes.useMeasuredRate": [shown("return to the team's rate", () => ({ use: false }))],
  "live.callbackCursor": [shown("the newest callback of B's team", none)],
  "live.creditedToMe": [shown("every callback credited since the first", () => ({ afterId: 0 }))],
  "displayLinks.list": [shown("B's display links", none)],
  "displayLinks.create": [shown("a display link of B's", () => ({ name: "Bravo Lobby" }))],
  "displayLinks.revoke": [refused("revoke A's display link", ({ a }) => ({ id: a.displayLinkId }))],

  "imports.run": [
    shown("callbacks from A's prospect's phone", () => ({ kind: "callbacks", csv: "time,prospect_phone,result\r\n2025-03-04T10:00:00Z,2125550147,interested\r\n" })),
    shown("a call log naming A's rep and A's script", ({ a }) => ({
      kind: "attempts",
      csv: `time,rep_email,prospect_name,prospect_phone,outcome,script\r\n2025-03-04T10:00:00Z,${a.rep.user.email},Zed,2125550147,voicemail,Acme Zebra Opener\r\n`,
    })),
  ],

  "integrations.list": [shown("integrations", none, true)],
  "integrations.create": [shown("B's own Twilio integration", () => ({ provider: "twilio", name: "Bravo Twilio", secret: "bravo-twilio-auth-token" }))],
  "integrations.replaceSecret": [
    refused("replace A's Twilio token", ({ a }) => ({ id: a.integrationId, secret: "taken-over-token" })),
    refused("regenerate A's secret", ({ a }) => ({ id: a.integrationId })),
  ],
  "integrations.revoke": [refused("revoke A's integration", ({ a }) => ({ id: a.integrationId }))],

  "experiments.list": [shown("experiments", none, true)],
  "experiments.get": [refused("A's experiment", ({ a }) => ({ id: a.experimentId }))],
  "experiments.plan": [shown("a plan from B's own base rate", () => ({ fromVoicemail: 1, toVoicemail: 1 }))],
  "experiments.start": [
    refused("an experiment on A's scripts", ({ a }) => ({ name: "Taken over", scriptIds: [a.scriptId, a.draftId], fromVoicemail: 2, toVoicemail: 2 })),
    refused("B's scripts for A's rep", ({ a, b }) => ({ name: "Borrowed rep", scriptIds: [b.scriptId, b.secondScriptId], fromVoicemail: 2, toVoicemail: 2, repIds: [a.rep.user.id] })),
  ],
  "experiments.end": [refused("end A's experiment", ({ a }) => ({ id: a.experimentId }))],

  "apiKeys.list": [shown("API keys", none, true)],
  "apiKeys.create": [shown("a key named like A's", () => ({ name: "Acme Zebra dialer", role: "manager" }))],
  "apiKeys.revoke": [refused("revoke A's key", ({ a }) => ({ id: a.apiKeyId }))],
};

/** A's strings that this probe's own input does not already hold (an echo of the input is no leak). */
const secretsFor = (a: VictimTeam, input: unknown) => {
  const said = (JSON.stringify(input) ?? "").toLowerCase();
  return a.secrets.filter((s) => !said.includes(s.toLowerCase()));
};

const cases = Object.entries(PROBES).flatMap(([path, probes]) => probes.map((probe) => ({ path, ...probe })));

describe("the isolation matrix", () => {
  it("has probes for every procedure of the router, and for no procedure it lacks", () => {
    const paths = allProcedures().map((p) => p.path);
    expect(paths.filter((p) => !(p in PROBES)), "procedures without isolation probes").toEqual([]);
    expect(Object.keys(PROBES).filter((p) => !paths.includes(p)), "probes for procedures that no longer exist").toEqual([]);
    expect(paths.length, "the router was read").toBeGreaterThan(40);
  });

  it.each(cases)("$path: $name ($expect)", async ({ path, input, expect: expected, control }) => {
    const db = await openTestDatabase();
    const ids = await twoTeams(db);
    const { a, b } = ids;
    const given = input(ids);
    const before = await teamDigest(db, a.team.id);
    const result = await outcomeOf(callPath(b.team.owner.caller, path, given));
    const secrets = secretsFor(a, given);

    if (expected === "refused") {
      expect(result.ok, `B's owner was answered: ${JSON.stringify(result.ok && result.value)?.slice(0, 300)}`).toBe(false);
      const error = (result as { error: Error }).error;
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain(codeOfError(error));
      expect(leakedSecret(error.message, secrets), error.message).toBeNull();
      expect(error.message, "a refusal tells no counts or ids").not.toMatch(/\d/);
    } else if (expected === "shown") {
      expect(result.ok, `refused: ${!result.ok && String(result.error)}`).toBe(true);
      const value = (result as { value: unknown }).value;
      expect(leakedSecret(value, secrets), JSON.stringify(value)?.slice(0, 500)).toBeNull();
      if (control) {
        const asA = await callPath(callerFor(db, a.team.owner.user, a.team.id), path, given);
        expect(leakedSecret(asA, a.secrets), "A's owner, asking the same, sees A's data").not.toBeNull();
      }
    } else {
      // The invite link: its own email, role and team name, and nothing else of A's.
      const invite = (await db.get<{ email: string }>(sql`select email from invitation where id = ${a.inviteId}`))!;
      const linkSecrets = secrets.filter((s) => !invite.email.includes(s) && !"Acme Zanzibar Calling".includes(s));
      const shownText = result.ok ? JSON.stringify(result.value) : (result.error as Error).message;
      if (result.ok) expect(Object.keys(result.value as object).sort()).toEqual(["email", "role", "teamName"]);
      else expect(codeOfError(result.error)).toBe("FORBIDDEN");
      expect(leakedSecret(shownText, linkSecrets), shownText).toBeNull();
    }
    expect(await teamDigest(db, a.team.id), "team A's rows are unchanged").toEqual(before);
  });
});
