// What the trust matrices share: every tRPC procedure read from the router itself (so a new one
// cannot be left out), a way to call one by its path, digests of the database to prove a refused
// call wrote nothing, and two teams with real history made through the app's own procedures.
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appRouter } from "@/server/routers/_app";
import { saveTake } from "@/server/services/takes";
import { makeTeam, type Caller, type TeamMember, type TestTeam } from "./fixtures";
import { recordedTake } from "./webm-bytes";

export type ProcedureInfo = { path: string; type: "query" | "mutation" | "subscription" };

/** Every procedure of the app router, from tRPC's own flat record of them. */
export function allProcedures(): ProcedureInfo[] {
  // Typed as the nested router, but at run time tRPC keeps it flat: "scripts.get" -> procedure.
  const record = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureInfo["type"] } }>;
  return Object.entries(record)
    .map(([path, procedure]) => ({ path, type: procedure._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls `path` (e.g. `scripts.get`) on a caller with any input, typed or not. */
export function callPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  return call.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

export const codeOfError = (error: unknown) => (error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`);

/** The user tables, found from the engine's catalogue so a table added later is digested too. */
async function tableNames(db: Db): Promise<string[]> {
  const query =
    db.$engine === "postgres"
      ? "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by name"
      : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name";
  return (await db.all<{ name: string }>(sql.raw(query))).map((r) => r.name);
}

async function columnNames(db: Db, table: string): Promise<string[]> {
  const query =
    db.$engine === "postgres"
      ? sql`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`
      : sql.raw(`pragma table_info("${table}")`);
  return (await db.all<{ name: string }>(query)).map((c) => c.name);
}

/** Rows are sorted by their own text, since WITHOUT ROWID tables (the rollups) have no rowid to order by. */
const hash = (rows: unknown[]) =>
  crypto
    .createHash("sha256")
    .update(JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()))
    .digest("hex");

/** One hash per table over every row, in a stable order. */
export async function databaseDigest(db: Db): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const t of await tableNames(db)) digest[t] = hash(await db.all(sql.raw(`select * from "${t}"`)));
  return digest;
}

/**
 * One hash per table over the rows that belong to `teamId` (by its team column, or through its
 * script, or the team's own row); tables with no team link are hashed whole.
 */
export async function teamDigest(db: Db, teamId: string): Promise<Record<string, string>> {
  const scoped: Record<string, (team: string) => SQL> = {
    organization: (team) => sql`select * from organization where id = ${team}`,
    script_version: (team) => sql`select * from script_version where script_id in (select id from script where team_id = ${team})`,
    script_tag: (team) => sql`select * from script_tag where script_id in (select id from script where team_id = ${team})`,
    ...Object.fromEntries(
      ["experiment_arm", "experiment_rep", "experiment_assignment", "experiment_voicemail"].map((t) => [
        t,
        (team: string) => sql`select * from ${sql.identifier(t)} where experiment_id in (select id from experiment where team_id = ${team})`,
      ]),
    ),
  };
  const digest: Record<string, string> = {};
  for (const t of await tableNames(db)) {
    const columns = await columnNames(db, t);
    const teamColumn = columns.includes("team_id") ? "team_id" : columns.includes("organization_id") ? "organization_id" : null;
    const query = scoped[t]?.(teamId) ?? (teamColumn ? sql`select * from ${sql.identifier(t)} where ${sql.identifier(teamColumn)} = ${teamId}` : sql`select * from ${sql.identifier(t)}`);
    digest[t] = hash(await db.all(query));
  }
  return digest;
}

const T0 = new Date("2025-03-03T14:00:00Z");
const minutesAfter = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** Team A's data: what team B must never see, touch or learn about. */
export type VictimTeam = {
  team: TestTeam;
  manager: TeamMember;
  rep: TeamMember;
  userIds: string[];
  prospectId: number;
  todayProspectId: number;
  scriptId: number;
  draftId: number;
  versionIds: number[];
  attemptId: number;
  deletedAttemptId: number;
  callbackId: number;
  deletedCallbackId: number;
  inviteId: string;
  repMemberId: string;
  experimentId: number;
  /** A rehearsal take A's rep shared with A, and one they kept to themselves. */
  sharedTakeId: number;
  privateTakeId: number;
  /** An API key A's manager made. */
  apiKeyId: number;
  /** A's Twilio integration: its id is the secret part of its webhook URL. */
  integrationId: string;
  /** A sales floor display link of A's, made by A's manager. */
  displayLinkId: number;
  /** A merge of A's (Zora Zebrafish into Zelda), still undoable. */
  mergeId: number;
  /** Strings that must never appear in anything team B is shown. */
  secrets: string[];
};

/** Team B's own rows, for inputs that are otherwise valid. */
export type OwnTeam = {
  team: TestTeam;
  manager: TeamMember;
  rep: TeamMember;
  prospectId: number;
  /** Another prospect of B's, for a merge into `prospectId`. */
  duplicateProspectId: number;
  scriptId: number;
  draftId: number;
  versionId: number;
  otherScriptId: number;
  attemptId: number;
  callbackId: number;
  inviteId: string;
  repMemberId: string;
  secondScriptId: number;
  experimentId: number;
  /** A take of B's owner, shared with B. */
  takeId: number;
  apiKeyId: number;
  /** B's Aircall integration. */
  integrationId: string;
  displayLinkId: number;
  /** A merge of B's, still undoable. */
  mergeId: number;
};

/** Two teams made through the real router: A ("Acme") with history of every kind, B ("Bravo") with a little. */
export async function twoTeams(db: Db): Promise<{ a: VictimTeam; b: OwnTeam }> {
  const teamA = await makeTeam(db, "Acme Zanzibar Calling", "Alice Acmeowner");
  const managerA = await teamA.join("manager", "Marta Acmemanager");
  const repA = await teamA.join("rep", "Rufus Acmerep");
  const owner = teamA.owner.caller;

  const opener = await owner.scripts.create({ title: "Acme Zebra Opener", stage: "first-touch", tags: ["acme-secret-tag"], body: "Hi {prospect.firstName}, the Acme confidential pitch." });
  const v2 = await owner.scripts.update({ id: opener.id, body: "Hi {prospect.firstName}, the Acme confidential pitch, second cut." });
  const draft = await repA.caller.scripts.create({ title: "Acme Private Draft", stage: "last-try", body: "Acme draft body, last try.", shared: false });
  const vm = await repA.caller.attempts.log({
    prospect: { name: "Zelda Zebrafish", phone: "212-555-0147", company: "Zebrafish Holdings" },
    outcome: "voicemail",
    scriptId: opener.id,
    messageSeconds: 24,
    notes: "Acme secret dial note",
    at: T0,
  });
  await repA.caller.attempts.log({ prospect: { id: vm.prospectId }, outcome: "no-message", at: minutesAfter(60) });
  const gone = await repA.caller.attempts.log({ prospect: { id: vm.prospectId }, outcome: "connected", at: minutesAfter(90) });
  await repA.caller.attempts.remove({ id: gone.id });
  const cb = await repA.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "appointment", notes: "Acme secret callback note", at: minutesAfter(120) });
  const goneCallback = await managerA.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "other", at: minutesAfter(150) });
  await managerA.caller.callbacks.remove({ id: goneCallback.id });
  const secondOpener = await owner.scripts.create({ title: "Acme Zebra Second Opener", stage: "first-touch", body: "Hello {prospect.firstName}, Acme again." });
  const experimentA = await managerA.caller.experiments.start({ name: "Acme Zebra Opener Test", scriptIds: [opener.id, secondOpener.id], fromVoicemail: 1, toVoicemail: 1 });
  // Dials of today, so "today", "awaiting callback" and recent ranges have something of A's to leak.
  const today = await owner.attempts.log({ prospect: { name: "Quentin Quagga", phone: "212-555-0148", company: "Quagga Quarry" }, outcome: "voicemail", scriptId: opener.id });
  const invite = await managerA.caller.teams.invite({ email: "pending.acme.invitee@example.test", role: "rep" });
  // A role change and its Undo, so A's role trail has rows to leak.
  const repMemberA = (await owner.teams.members()).find((m) => m.userId === repA.user.id)!.memberId;
  await managerA.caller.teams.changeRole({ memberId: repMemberA, role: "manager" });
  await managerA.caller.teams.changeRole({ memberId: repMemberA, role: "rep", undo: true });
  // A merge, so A's merge trail has names to leak and an Undo to refuse.
  const twinA = await repA.caller.attempts.log({ prospect: { name: "Zora Zebrafish", phone: "212-555-0149", company: "Zebrafish Twin" }, outcome: "no-message", at: minutesAfter(200) });
  const mergeA = await managerA.caller.prospects.merge({ keepId: vm.prospectId, duplicateId: twinA.prospectId });
  // Uploads are an HTTP route, not a procedure: the takes are saved by the service it calls.
  const takeOf = async (teamId: string, who: TeamMember, versionId: number) =>
    (await saveTake(db, { userId: who.user.id, teamId, role: "rep" }, { versionId, spokenMs: 2000, recordedMs: 2580 }, recordedTake())).id;
  const sharedTakeA = await takeOf(teamA.id, repA, v2.latestVersion.id);
  await repA.caller.takes.setShared({ id: sharedTakeA, shared: true });
  await managerA.caller.takes.comment({ id: sharedTakeA, comment: "Acme secret coaching note" });
  const privateTakeA = await takeOf(teamA.id, repA, v2.latestVersion.id);
  const keyA = await managerA.caller.apiKeys.create({ name: "Acme Zebra dialer", role: "rep" });
  const integrationA = await managerA.caller.integrations.create({ provider: "twilio", name: "Acme Zebra Twilio", secret: "acme-twilio-auth-token-0147" });

  const teamB = await makeTeam(db, "Bravo Sales", "Bob Bravoowner");
  const managerB = await teamB.join("manager", "Mike Bravomanager");
  const repB = await teamB.join("rep", "Rita Bravorep");
  const scriptB = await teamB.owner.caller.scripts.create({ title: "Bravo Opener", stage: "first-touch", tags: ["bravo"], body: "Hello {prospect.name}, Bravo here." });
  const otherB = await teamB.owner.caller.scripts.create({ title: "Bravo Last Try", stage: "last-try", body: "Last try from {rep.name}." });
  const draftB = await teamB.owner.caller.scripts.create({ title: "Bravo Draft", stage: "any", body: "A draft.", shared: false });
  const secondB = await teamB.owner.caller.scripts.create({ title: "Bravo Second Opener", stage: "first-touch", body: "Hello again {prospect.name}." });
  const experimentB = await managerB.caller.experiments.start({ name: "Bravo Opener Test", scriptIds: [scriptB.id, secondB.id], fromVoicemail: 1, toVoicemail: 1 });
  const vmB = await teamB.owner.caller.attempts.log({ prospect: { name: "Bea Bravoprospect", phone: "646-555-0199" }, outcome: "voicemail", scriptId: scriptB.id, at: T0 });
  const cbB = await teamB.owner.caller.callbacks.log({ prospect: { id: vmB.prospectId }, result: "interested", at: minutesAfter(30) });
  // A second prospect of B's, the one a merge folds into the first.
  const duplicateB = await teamB.owner.caller.attempts.log({ prospect: { name: "Bea Bravo Duplicate", phone: "646-555-0198" }, outcome: "no-message", at: minutesAfter(45) });
  const twinB = await teamB.owner.caller.attempts.log({ prospect: { name: "Bea Bravo Twin", phone: "646-555-0197" }, outcome: "no-message", at: minutesAfter(50) });
  const mergeB = await teamB.owner.caller.prospects.merge({ keepId: vmB.prospectId, duplicateId: twinB.prospectId });
  const inviteB = await teamB.owner.caller.teams.invite({ email: "pending.bravo@example.test", role: "rep" });
  const takeB = await takeOf(teamB.id, teamB.owner, scriptB.latestVersion.id);
  await teamB.owner.caller.takes.setShared({ id: takeB, shared: true });
  const keyB = await teamB.owner.caller.apiKeys.create({ name: "Bravo dialer", role: "manager" });
  const integrationB = await teamB.owner.caller.integrations.create({ provider: "aircall", name: "Bravo Aircall", secret: "bravo-aircall-token" });
  const displayLinkA = await managerA.caller.displayLinks.create({ name: "Acme Lobby Screen" });
  const displayLinkB = await teamB.owner.caller.displayLinks.create({ name: "Bravo Floor" });
  const memberIdOf = async (team: TestTeam, who: TeamMember) => (await team.owner.caller.teams.members()).find((m) => m.userId === who.user.id)!.memberId;

  return {
    a: {
      team: teamA,
      manager: managerA,
      rep: repA,
      userIds: [teamA.owner.user.id, managerA.user.id, repA.user.id],
      prospectId: vm.prospectId,
      todayProspectId: today.prospectId,
      scriptId: opener.id,
      draftId: draft.id,
      versionIds: [opener.latestVersion.id, v2.latestVersion.id, draft.latestVersion.id],
      attemptId: vm.id,
      deletedAttemptId: gone.id,
      callbackId: cb.id,
      deletedCallbackId: goneCallback.id,
      inviteId: invite.id,
      repMemberId: await memberIdOf(teamA, repA),
      experimentId: experimentA.id,
      sharedTakeId: sharedTakeA,
      privateTakeId: privateTakeA,
      apiKeyId: keyA.id,
      integrationId: integrationA.id,
      displayLinkId: displayLinkA.id,
      mergeId: mergeA.mergeId,
      secrets: [
        integrationA.id,
        "acme-twilio-auth-token",
        "Acme",
        "Zanzibar",
        "Zebra",
        "Quagga",
        "confidential",
        "acme-secret-tag",
        "Acmeowner",
        "Acmemanager",
        "Acmerep",
        "5550147",
        "5550148",
        "5550149",
        "555-0147",
        "pending.acme.invitee",
        keyA.prefix,
        teamA.id,
        teamA.slug,
        ...[teamA.owner, managerA, repA].flatMap((m) => [m.user.id, m.user.email]),
      ],
    },
    b: {
      team: teamB,
      manager: managerB,
      rep: repB,
      prospectId: vmB.prospectId,
      duplicateProspectId: duplicateB.prospectId,
      scriptId: scriptB.id,
      draftId: draftB.id,
      versionId: scriptB.latestVersion.id,
      otherScriptId: otherB.id,
      attemptId: vmB.id,
      callbackId: cbB.id,
      inviteId: inviteB.id,
      repMemberId: await memberIdOf(teamB, repB),
      secondScriptId: secondB.id,
      experimentId: experimentB.id,
      takeId: takeB,
      apiKeyId: keyB.id,
      integrationId: integrationB.id,
      displayLinkId: displayLinkB.id,
      mergeId: mergeB.mergeId,
    },
  };
}

/** The first secret that `value` (a result or a message) contains, or null. */
export function leakedSecret(value: unknown, secrets: readonly string[]): string | null {
  const text = (typeof value === "string" ? value : JSON.stringify(value) ?? "").toLowerCase();
  return secrets.find((s) => text.includes(s.toLowerCase())) ?? null;
}
