import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attempt, callback, member, prospect, script, scriptVersion } from "@/db/schema";
import type { SourceId } from "@/server/domain/call-sources/source";
import type { Actor } from "@/server/services/actor";
import { importCalls, rememberMappings, UNRECORDED_SCRIPT_TITLE, type CallImportOptions } from "@/server/services/call-imports";
import { compareWith } from "@/server/services/script-evidence";
import { listPickableScripts, listScriptOptions } from "@/server/services/scripts";
import { verifyDatabase } from "@/server/services/verify";
import { makeTeam, openTestDatabase, rowCounts } from "@/tests/support/fixtures";

// `import calls` through the service on a real migrated database, with the per-source fixtures
// of server/domain/call-sources/fixtures (History issue, "The rules"). Each test makes its own team.
const db = await openTestDatabase();
const NOW = new Date("2025-06-01T00:00:00Z");
const fixture = (source: SourceId) => fs.readFileSync(path.join(process.cwd(), "server/domain/call-sources/fixtures", `${source}.csv`), "utf8");

let teams = 0;
async function acme() {
  const team = await makeTeam(db, `Calls ${++teams}`);
  const maya = await team.join("rep", "Maya Lopez");
  const sam = await team.join("rep", "Sam Lee");
  await db.update(member).set({ phone: "+15165550100" }).where(eq(member.userId, maya.user.id)).run();
  const owner: Actor = { userId: team.owner.user.id, teamId: team.id, role: "owner" };
  const run = (source: SourceId, options: CallImportOptions = {}, text = fixture(source)) => importCalls(db, owner, text, { now: NOW, ...options });
  return { team, maya, sam, owner, run };
}

const dialsOf = (teamId: string) => db.select().from(attempt).where(eq(attempt.teamId, teamId)).orderBy(attempt.at).all();
const callbacksOf = (teamId: string) => db.select().from(callback).where(eq(callback.teamId, teamId)).orderBy(callback.at).all();
const prospectsOf = (teamId: string) => db.select().from(prospect).where(eq(prospect.teamId, teamId)).orderBy(prospect.id).all();

describe("importCalls: dials and callbacks", () => {
  it("imports Close's export: outbound rows as dials, an inbound call from a prospect as a callback credited by attribution", async () => {
    const { maya, owner, run } = await acme();
    const summary = await run("close");
    expect(summary).toMatchObject({
      source: "close",
      written: true,
      rows: 10,
      dials: { voicemail: 2, "no-message": 3, connected: 1, "bad-number": 1 },
      callbacks: 1,
      alreadyImported: 0,
      skipped: [
        { line: 9, reason: "the call failed (disposition error): error" },
        { line: 11, reason: "an inbound call from a number that is no prospect's" },
      ],
      errors: [],
      reps: { [maya.user.email]: 7 },
      unresolvedReps: [],
      // Six contacts (the blocked call's by its contact id), and "Script not recorded".
      created: { prospects: 6, scripts: 1 },
    });
    const dials = await dialsOf(owner.teamId);
    const [cb] = await callbacksOf(owner.teamId);
    const dana = (await prospectsOf(owner.teamId)).find((p) => p.phone === "+15165418160")!;
    expect(dana).toMatchObject({ name: "Dana Whitfield", company: "Harbor Freight", ownerId: maya.user.id });
    // Dana's second voicemail (4 March 14:00 UTC) is the latest before her call at 15:00.
    const second = dials.find((d) => d.prospectId === dana.id && d.at.toISOString() === "2025-03-04T14:00:00.000Z")!;
    expect(cb).toMatchObject({ prospectId: dana.id, result: "other", creditedAttemptId: second.id, source: "close", sourceCallId: "acti_09" });
    expect(second).toMatchObject({ voicemailNumber: 2, messageSeconds: 31, source: "close", sourceCallId: "acti_06" });
    expect(second.returnedAt?.toISOString()).toBe("2025-03-04T15:00:00.000Z");
    // The blocked call had no valid number: kept as a dial to the contact it names.
    expect((await prospectsOf(owner.teamId)).find((p) => p.name === "Pat Nobody")).toMatchObject({ phone: null, company: "Nobody Ltd" });
    expect((await verifyDatabase(db)).differences).toEqual([]);
  });

  it("adds nothing the second time and counts every row it would have written as already imported", async () => {
    const { owner, run } = await acme();
    await run("close");
    const before = await rowCounts(db);
    expect(await run("close")).toMatchObject({ dials: { voicemail: 0, "no-message": 0, connected: 0, "bad-number": 0 }, callbacks: 0, alreadyImported: 8, created: { prospects: 0, scripts: 0 } });
    expect(await rowCounts(db)).toEqual(before);
    expect(await dialsOf(owner.teamId)).toHaveLength(7);
  });

  it("counts a call another source already brought in (same prospect and rep within 2 minutes) once", async () => {
    const { owner, run } = await acme();
    await run("close");
    // Twilio lists the same three dials a second after Close did, to the same numbers; its
    // inbound call on 3 March is a new callback.
    expect(await run("twilio")).toMatchObject({ dials: { voicemail: 0, "no-message": 0, connected: 0, "bad-number": 0 }, alreadyImported: 3, callbacks: 1, created: { prospects: 0 } });
    // Pipedrive's answered Aircall call to Dana (by name and company, the export has no number)
    // is Close's 14:00 voicemail; its unanswered call to Jordan is 5 minutes after Close's.
    expect(await run("pipedrive")).toMatchObject({ dials: { "no-message": 1, connected: 0 }, alreadyImported: 1, created: { prospects: 0 } });
    expect(await dialsOf(owner.teamId)).toHaveLength(8);
  });

  it("reads a dial logged on the Today page as the same call as an import's within 2 minutes", async () => {
    const { maya, owner, run } = await acme();
    await maya.caller.attempts.log({ prospect: { phone: "516-541-8160", name: "Dana Whitfield" }, at: new Date("2025-03-03T14:01:00Z"), outcome: "no-message" });
    expect(await run("twilio")).toMatchObject({ dials: { voicemail: 0, "no-message": 1, connected: 1 }, alreadyImported: 1 });
    expect(await dialsOf(owner.teamId)).toHaveLength(3);
  });
});

describe("importCalls: reps", () => {
  it("rejects a file whose reps it cannot resolve, listing each identifier with its rows, and writes nothing", async () => {
    const { run } = await acme();
    const before = await rowCounts(db);
    // Owner 4101 calls from Maya's own number and so is hers; nothing tells who 4102 is.
    const summary = await run("hubspot");
    expect(summary).toMatchObject({ written: false, unresolvedReps: [{ identifier: "4102", rows: 2 }], errors: [] });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("resolves by --rep-map, then the remembered mapping, then e-mail, name, the member's phone and --rep", async () => {
    const { maya, sam, owner, run } = await acme();
    await rememberMappings(db, owner, "hubspot", [
      { kind: "rep", external: "4101", value: sam.user.email },
      { kind: "rep", external: "4102", value: sam.user.email },
    ]);
    // The map wins over the remembered 4101 → Sam; 4102 falls through to the remembered mapping.
    const hubspot = await run("hubspot", { repMap: `external,email\n4101,${maya.user.email}\n`, dryRun: true });
    expect(hubspot).toMatchObject({ reps: { [maya.user.email]: 2, [sam.user.email]: 2 }, unresolvedReps: [], written: false });
    // Aircall: "Maya Lopez" by name; "[No associated user]" calling from Sam's line needs --rep.
    expect((await run("aircall", { dryRun: true })).unresolvedReps).toEqual([{ identifier: "+15165550101", rows: 1 }]);
    expect((await run("aircall", { dryRun: true, rep: sam.user.email })).reps).toEqual({ [maya.user.email]: 2, [sam.user.email]: 1 });
    // Twilio names no rep: the calling number is Maya's own phone.
    expect((await run("twilio", { dryRun: true })).reps).toEqual({ [maya.user.email]: 3 });
    // Ringback's own format names reps by e-mail.
    expect((await run("ringback", { dryRun: true }, fixture("ringback").replaceAll("maya@acme.test", maya.user.email.toUpperCase()))).reps).toEqual({ [maya.user.email]: 4 });
    expect(await dialsOf(owner.teamId)).toEqual([]);
  });

  it("refuses a --rep or --rep-map naming someone outside the team", async () => {
    const { run } = await acme();
    await expect(() => run("twilio", { rep: "stranger@example.test" })).rejects.toThrow(/--rep: stranger@example.test is not a member/);
    await expect(() => run("hubspot", { repMap: "external,email\n4101,stranger@example.test\n" })).rejects.toThrow(/--rep-map: line 2/);
  });
});

describe("importCalls: prospects", () => {
  it("finds prospects by phone, by the source's contact id and by name and company, creating the missing once", async () => {
    const { sam, owner, run } = await acme();
    const map = `external,email\n0055e000001Maya,${sam.user.email}\n`;
    const summary = await run("salesforce", { repMap: map });
    expect(summary).toMatchObject({ dials: { voicemail: 1, "no-message": 1, connected: 1, "bad-number": 1 }, callbacks: 1, created: { prospects: 4, scripts: 1 }, dateOnly: 1 });
    const prospects = await prospectsOf(owner.teamId);
    expect(prospects.every((p) => p.phone === null)).toBe(true);
    // The inbound task names Dana by her WhoId: a callback credited to her voicemail.
    const [cb] = await callbacksOf(owner.teamId);
    const voicemail = (await dialsOf(owner.teamId)).find((d) => d.outcome === "voicemail")!;
    expect(cb).toMatchObject({ prospectId: voicemail.prospectId, creditedAttemptId: voicemail.id });
    // The date-only task is at noon in the team's zone (New York, EST in March).
    expect((await dialsOf(owner.teamId)).find((d) => d.sourceCallId === "00T5e00001AAA03")!.at.toISOString()).toBe("2025-03-04T17:00:00.000Z");
    // Same file again: every prospect found by its WhoId.
    expect(await run("salesforce", { repMap: map })).toMatchObject({ created: { prospects: 0 }, alreadyImported: 5 });

    // By phone: HubSpot's numbers match Close's prospects; by name and company: Pipedrive's.
    await run("close");
    const hubspotMap = `external,email\n4101,${sam.user.email}\n4102,${sam.user.email}\n`;
    expect((await run("hubspot", { repMap: hubspotMap })).created.prospects).toBe(1); // only Pat Nobody's +1 516-541-8163 is new
    expect((await run("pipedrive", { rep: sam.user.email })).created.prospects).toBe(0);
  });

  it("skips an inbound call from a number that is no prospect's, and keeps a callback from a number dialled in the same file", async () => {
    const { sam, owner, run } = await acme();
    // Jordan (+1 516-541-8161) is dialled on line 3 and calls back on line 5; +1 516-541-9999 is nobody's.
    const summary = await run("aircall", { rep: sam.user.email });
    expect(summary).toMatchObject({ callbacks: 1, skipped: [{ line: 6, reason: "an inbound call from a number that is no prospect's" }] });
    const jordan = (await prospectsOf(owner.teamId)).find((p) => p.phone === "+15165418161")!;
    expect(await callbacksOf(owner.teamId)).toEqual([expect.objectContaining({ prospectId: jordan.id, at: new Date("2025-03-03T15:00:00Z"), creditedAttemptId: null })]);
  });
});

describe("importCalls: scripts", () => {
  it("credits voicemails of unknown script to one 'Script not recorded', never suggested nor compared", async () => {
    const { maya, owner, run } = await acme();
    await maya.caller.scripts.create({ title: "Number early", stage: "first-touch", tags: [], body: "Hi {prospect.firstName}." });
    await run("close");
    await run("twilio", {}, fixture("twilio").replace("CA0001", "CA9001").replace(/Mon, 03 Mar 2025 14:00:01/, "Mon, 10 Mar 2025 14:00:01"));
    const unrecorded = await db.select().from(script).where(and(eq(script.teamId, owner.teamId), eq(script.unrecorded, true))).all();
    expect(unrecorded).toEqual([expect.objectContaining({ title: UNRECORDED_SCRIPT_TITLE, shared: true })]);
    const versions = await db.select({ id: scriptVersion.id }).from(scriptVersion).where(eq(scriptVersion.scriptId, unrecorded[0].id)).all();
    const voicemails = (await dialsOf(owner.teamId)).filter((d) => d.outcome === "voicemail");
    expect(voicemails).toHaveLength(3);
    expect(new Set(voicemails.map((v) => v.scriptVersionId))).toEqual(new Set([versions[0].id]));

    expect((await listPickableScripts(db, owner)).map((s) => s.title)).toEqual(["Number early"]);
    expect((await listScriptOptions(db, owner)).map((s) => s.title)).toEqual(["Number early"]);
    const numberEarly = (await db.select().from(script).where(and(eq(script.teamId, owner.teamId), eq(script.title, "Number early"))).get())!;
    await expect(() => compareWith(db, owner, { id: numberEarly.id, otherId: unrecorded[0].id })).rejects.toThrow(/left out of comparisons/);
  });

  it("credits every voicemail to --script, creating it when missing", async () => {
    const { owner, run } = await acme();
    expect((await run("close", { script: "Hang up mid-sentence" })).created.scripts).toBe(1);
    const titles = await db.select({ title: script.title }).from(script).where(eq(script.teamId, owner.teamId)).all();
    expect(titles).toEqual([{ title: "Hang up mid-sentence" }]);
  });
});

describe("importCalls: all or nothing", () => {
  it("rejects the whole file for one bad row, with its line number, and writes nothing; a dry run writes nothing either", async () => {
    const { run } = await acme();
    const before = await rowCounts(db);
    const broken = fixture("close").replace("2025-03-04T14:05:00.000000+00:00", "2031-03-04T14:05:00+00:00").replace("acti_02,user_maya,0,no-answer", "acti_02,user_maya,0,no-answer,extra");
    const summary = await run("close", {}, broken);
    expect(summary.written).toBe(false);
    expect(summary.errors).toEqual([
      { line: 3, reason: "has 18 fields but the header has 17" },
      { line: 8, reason: "time 2031-03-04T14:05:00.000Z is in the future: log a dial or a callback once it has happened" },
    ]);
    expect(await rowCounts(db)).toEqual(before);

    expect(await run("close", { dryRun: true })).toMatchObject({ dryRun: true, written: false, dials: { voicemail: 2 }, callbacks: 1, created: { prospects: 6, scripts: 1 } });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("reports an outcome value the source's table does not know until it is mapped, and remembers the mapping", async () => {
    const { maya, owner, run } = await acme();
    const custom = fixture("close").replace("acti_05,user_maya,300,answered", "acti_05,user_maya,300,meeting-set");
    expect((await run("close", {}, custom)).errors).toEqual([{ line: 6, reason: "outcome “meeting-set” (column disposition) is not in Close's table; map it to one of voicemail, no-message, connected, bad-number" }]);
    await rememberMappings(db, owner, "close", [{ kind: "outcome", external: "Meeting-Set", value: "connected" }]);
    expect(await run("close", {}, custom)).toMatchObject({ errors: [], dials: { connected: 1 }, reps: { [maya.user.email]: 7 } });
  });

  it("refuses an unknown header with the sources and their columns", async () => {
    const { run } = await acme();
    expect((await run("close", {}, "when,who\n2025-03-03,me\n")).errors).toEqual([{ line: 1, reason: expect.stringMatching(/^The header row matches no known source\. The sources and the columns each expects: ringback \(time, rep_email/) }]);
  });
});

describe("imports.calls, the import page's procedure", () => {
  it("lists every outcome value and unresolved rep in a dry run, and remembers what the manager confirmed", async () => {
    const { team, sam, owner } = await acme();
    const custom = fixture("hubspot").replace("17b47fee-58de-441e-a44c-c6300d46f273", "0c6f9d2e-custom-guid");
    const page = team.owner.caller.imports;
    const dry = await page.calls({ csv: custom });
    expect(dry).toMatchObject({ source: "hubspot", dryRun: true, written: false, errorCount: 1, unresolvedReps: [{ identifier: "4102", rows: 1 }] });
    expect(dry.outcomeValues).toEqual([
      { value: "0c6f9d2e-custom-guid", outcome: null, rows: 1 },
      { value: "73a0d17f-1163-4015-bdd5-ec830791da20", outcome: "no-message", rows: 1 },
      { value: "b2cf5968-551e-4856-9783-52b3da59a7d0", outcome: "voicemail", rows: 1 },
      { value: "Connected", outcome: "connected", rows: 1 },
    ]);
    // A refused run remembers nothing.
    const confirmed = { reps: [{ external: "4102", email: sam.user.email }], outcomes: [{ value: "0c6f9d2e-custom-guid", outcome: "bad-number" as const }] };
    expect((await page.calls({ csv: custom, outcomes: confirmed.outcomes, dryRun: false })).written).toBe(false);
    expect((await page.calls({ csv: custom })).unresolvedReps).toHaveLength(1);

    const real = await page.calls({ csv: custom, ...confirmed, dryRun: false });
    expect(real).toMatchObject({ written: true, dials: { "bad-number": 1 }, errorCount: 0 });
    // The next export from the same tool needs no mapping, on the page or the command line.
    const next = custom.replaceAll("5100", "5200").replaceAll("2025-03-03T", "2025-03-05T");
    expect(await page.calls({ csv: next })).toMatchObject({ errorCount: 0, unresolvedReps: [], dials: { "bad-number": 1, connected: 1 } });
    expect(await importCalls(db, owner, next, { now: NOW, dryRun: true })).toMatchObject({ errors: [], unresolvedReps: [], reps: { [sam.user.email]: 2 } });
  });

  it("reads a role from the column the manager points at, shows the mapping, and applies it to the next file of the source", async () => {
    const { team, owner } = await acme();
    const page = team.owner.caller.imports;
    // Aircall's export names the customer in `customer name`, which the source does not read by default.
    const named = fixture("aircall").replace(",+1 516-541-8160,,", ",+1 516-541-8160,Dana Whitfield,");
    const header = named.split(/\r?\n/)[0].split(",");
    const dry = await page.calls({ csv: named });
    expect(dry.columns!.header).toEqual(header);
    expect(dry.columns!.mapping).toContainEqual({ field: "contactName", column: null });
    expect(dry.columns!.mapping).toContainEqual({ field: "rep", column: header.indexOf("user") });
    expect(dry.columns!.preview.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);

    const columns = [{ field: "contactName" as const, column: "customer name" }];
    const mapped = await page.calls({ csv: named, columns, reps: [{ external: "+15165550101", email: team.owner.user.email }] });
    expect(mapped.columns!.mapping).toContainEqual({ field: "contactName", column: header.indexOf("customer name") });
    expect(await page.calls({ csv: named, columns, reps: [{ external: "+15165550101", email: team.owner.user.email }], dryRun: false })).toMatchObject({ written: true, dials: { connected: 1, "no-message": 2 } });
    expect((await prospectsOf(team.id)).map((p) => p.name)).toEqual(["Dana Whitfield", "+1 516 541 8161", "+1 516 541 8162"]);

    // The next Aircall export is read the same way without the page sending the choice again.
    const next = fixture("aircall").replaceAll(",14800", ",14900").replace(",+1 516-541-8161,,", ",+1 516-541-8161,Jordan Avery,");
    expect((await page.calls({ csv: next })).columns!.mapping).toContainEqual({ field: "contactName", column: header.indexOf("customer name") });
    // …and so is it on the command line.
    expect((await importCalls(db, owner, next, { now: NOW, dryRun: true })).columns!.mapping).toContainEqual({ field: "contactName", column: header.indexOf("customer name") });
    // A role set to no column is remembered as such.
    await page.calls({ csv: next, columns: [{ field: "notes", column: null }], dryRun: false });
    expect((await page.calls({ csv: next })).columns!.mapping).toContainEqual({ field: "notes", column: null });
  });

  it("reads a file whose header lacks one of the source's columns once the manager maps the role", async () => {
    const { team } = await acme();
    const renamed = fixture("hubspot").replace("hubspot_owner_id", "Owner");
    const page = team.owner.caller.imports;
    const refused = await page.calls({ csv: renamed, source: "hubspot" });
    expect(refused).toMatchObject({ source: "hubspot", detected: null, errorCount: 1, errors: [{ line: 1, reason: expect.stringContaining("lacks HubSpot's columns hubspot_owner_id") }] });
    expect(refused.columns!.mapping).toContainEqual({ field: "rep", column: null });
    const mapped = await page.calls({ csv: renamed, source: "hubspot", columns: [{ field: "rep", column: "Owner" }] });
    // 4101 calls from Maya's own number; 4102 is read from the mapped column and named as unresolved.
    expect(mapped).toMatchObject({ source: "hubspot", errorCount: 0, unresolvedReps: [{ identifier: "4102", rows: 2 }] });
  });

  it("skips the rows of an outcome value mapped to skip, lists the value as skip, and remembers it", async () => {
    const { team, sam } = await acme();
    const custom = fixture("hubspot").replace("17b47fee-58de-441e-a44c-c6300d46f273", "0c6f9d2e-custom-guid");
    const page = team.owner.caller.imports;
    const reps = [{ external: "4101", email: sam.user.email }, { external: "4102", email: sam.user.email }];
    const real = await page.calls({ csv: custom, reps, outcomes: [{ value: "0c6f9d2e-custom-guid", outcome: "skip" }], dryRun: false });
    expect(real).toMatchObject({ written: true, errorCount: 0, dials: { voicemail: 1, "no-message": 1, connected: 1, "bad-number": 0 } });
    expect(real.skipped).toContainEqual({ line: 5, reason: "outcome “0c6f9d2e-custom-guid” is mapped to skip" });
    expect(real.outcomeValues).toContainEqual({ value: "0c6f9d2e-custom-guid", outcome: "skip", rows: 1 });
    expect((await page.calls({ csv: custom.replaceAll(",510", ",520") })).outcomeValues).toContainEqual({ value: "0c6f9d2e-custom-guid", outcome: "skip", rows: 1 });
  });

  it("lists every rep identifier with the member it resolves to and the rule that found them", async () => {
    const { team, maya, sam } = await acme();
    const page = team.owner.caller.imports;
    expect((await page.calls({ csv: fixture("aircall") })).repIdentifiers).toEqual([
      { identifier: "Maya Lopez", rows: 2, email: maya.user.email, via: "name" },
      { identifier: "+15165550101", rows: 1, email: null, via: null },
    ]);
    const picked = await page.calls({ csv: fixture("aircall"), reps: [{ external: "+15165550101", email: sam.user.email }], dryRun: false });
    expect(picked.repIdentifiers).toContainEqual({ identifier: "+15165550101", rows: 1, email: sam.user.email, via: "map" });
    expect((await page.calls({ csv: fixture("aircall").replaceAll(",14800", ",14900") })).repIdentifiers).toContainEqual({ identifier: "+15165550101", rows: 1, email: sam.user.email, via: "remembered" });
  });
});
