import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attempt, callback, member, prospect, script, scriptVersion } from "@/db/schema";
import { decodeCsvBytes } from "@/server/domain/csv-read";
import type { Actor } from "@/server/services/actor";
import { exportAttempts, exportCallbacks, exportScripts } from "@/server/services/exports";
import { importAttempts, importCallbacks } from "@/server/services/imports";
import { addMember } from "@/server/services/teams";
import { verifyDatabase } from "@/server/services/verify";
import { makeTeam, rowCounts, openTestDatabase } from "@/tests/support/fixtures";

// CSV import and export through the services on a real migrated database (DESIGN.md, "Command-line
// tool and file formats"). Each test makes its own team.
const db = await openTestDatabase();

let teams = 0;
async function teamWithScripts() {
  const team = await makeTeam(db, `Import ${++teams}`);
  const rita = await team.join("rep", `Rita Rep ${teams}`);
  const sam = await team.join("rep", `Sam Rep ${teams}`);
  const manager = await team.join("manager", `Max Manager ${teams}`);
  for (const title of ["Number early", "Last try"]) {
    await team.owner.caller.scripts.create({ title, stage: title === "Last try" ? "last-try" : "first-touch", tags: ["number-early"], body: `Hi {prospect.firstName}, ${title}.` });
  }
  const owner: Actor = { userId: team.owner.user.id, teamId: team.id, role: "owner" };
  const managerActor: Actor = { userId: manager.user.id, teamId: team.id, role: "manager" };
  return { team, rita, sam, owner, manager: managerActor };
}

const HEADER = "time,rep_email,prospect_name,prospect_phone,prospect_company,outcome,script,message_seconds,notes";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\r\n") + "\r\n";

function callLog(rita: string, sam: string) {
  return csv(
    `2025-03-03T09:00:00-05:00,${rita},Dana Whitfield,(516) 541-8160,Harbor Freight,Left Voicemail,Number early,24,first try`,
    `2025-03-03T09:05:00-05:00,${sam},Jordan Avery,516-541-8161,,No Answer,,,`,
    `2025-03-04T09:00:00-05:00,${sam},Dana Whitfield,+1 516 541 8160,Harbor Freight,vm-dropped,Last try,31,"said ""call back"", maybe"`,
    `2025-03-04T10:00:00-05:00,${rita},Chris Lane,5165418162,Lane & Co,answered,,,`,
    `2025-03-05T10:00:00-05:00,${rita},Pat Nobody,5165418163,,wrong number,,,`,
  );
}

const teamRows = async (teamId: string) => ({
  attempts: await db.select().from(attempt).where(eq(attempt.teamId, teamId)).orderBy(attempt.at, attempt.id).all(),
  callbacks: await db.select().from(callback).where(eq(callback.teamId, teamId)).orderBy(callback.at, callback.id).all(),
  prospects: await db.select().from(prospect).where(eq(prospect.teamId, teamId)).all(),
});

describe("importAttempts", () => {
  it("imports a call log with CRM spellings, creating prospects once per phone", async () => {
    const { rita, sam, owner } = await teamWithScripts();
    const summary = await importAttempts(db, owner, callLog(rita.user.email, sam.user.email));
    expect(summary).toMatchObject({ rows: 5, inserted: 5, duplicates: 0, prospectsCreated: 4, scriptsCreated: 0, errors: [], errorCount: 0, written: true, ignoredColumns: [] });

    const { attempts, prospects } = await teamRows(owner.teamId);
    expect(attempts.map((a) => a.outcome)).toEqual(["voicemail", "no-message", "voicemail", "connected", "bad-number"]);
    const dana = prospects.find((p) => p.phone === "+15165418160")!;
    expect(dana).toMatchObject({ name: "Dana Whitfield", company: "Harbor Freight", ownerId: rita.user.id });
    // Attribution ran: the two voicemails to Dana are her 1st and 2nd.
    expect(attempts.filter((a) => a.prospectId === dana.id).map((a) => a.voicemailNumber)).toEqual([1, 2]);
    expect(attempts[2].notes).toBe('said "call back", maybe');
    expect(attempts[0].messageSeconds).toBe(24);
  });

  it("reads 516-541-8160, (516) 541-8160 and +1 516 541 8160 as one prospect", async () => {
    const { rita, owner } = await teamWithScripts();
    const summary = await importAttempts(
      db,
      owner,
      csv(
        `2025-03-03T09:00,${rita.user.email},Dana Whitfield,516-541-8160,,busy,,,`,
        `2025-03-04T09:00,${rita.user.email},D. Whitfield,(516) 541-8160,,busy,,,`,
        `2025-03-05T09:00,${rita.user.email},Dana W,+1 516 541 8160,,busy,,,`,
      ),
    );
    expect(summary).toMatchObject({ inserted: 3, prospectsCreated: 1 });
    const { attempts, prospects } = await teamRows(owner.teamId);
    expect(prospects).toEqual([expect.objectContaining({ phone: "+15165418160", name: "Dana Whitfield" })]);
    expect(new Set(attempts.map((a) => a.prospectId))).toEqual(new Set([prospects[0].id]));
  });

  it("matches script titles ignoring case and spacing, and creates one script per title however written", async () => {
    const { rita, owner } = await teamWithScripts();
    const summary = await importAttempts(
      db,
      owner,
      csv(
        `2025-03-03T09:00,${rita.user.email},Dana,5165418160,,voicemail,LAST  TRY,,`,
        `2025-03-04T09:00,${rita.user.email},Dana,5165418160,,voicemail,Brand new,,`,
        `2025-03-05T09:00,${rita.user.email},Dana,5165418160,,voicemail,brand NEW,,`,
      ),
      { createMissing: true },
    );
    expect(summary).toMatchObject({ inserted: 3, scriptsCreated: 1, errors: [] });
    const titles = await db.select({ title: script.title }).from(script).where(eq(script.teamId, owner.teamId)).orderBy(script.title).all();
    expect(titles.map((t) => t.title)).toEqual(["Brand new", "Last try", "Number early"]);
    const scripted = (await teamRows(owner.teamId)).attempts.map((a) => a.scriptVersionId);
    expect(scripted[1]).toBe(scripted[2]);
    expect(scripted[0]).not.toBe(scripted[1]);
  });

  it("numbers voicemails by time for new and existing prospects alike, a repeated row once, as verify recomputes them", async () => {
    const { rita, sam, owner } = await teamWithScripts();
    await importAttempts(db, owner, csv(`2025-03-05T09:00,${rita.user.email},Old Timer,5165418170,,voicemail,Number early,,`));
    const summary = await importAttempts(
      db,
      owner,
      csv(
        `2025-03-06T09:00,${rita.user.email},New Person,5165418171,,voicemail,Number early,,`,
        `2025-03-04T09:00,${sam.user.email},New Person,5165418171,,voicemail,Last try,,`,
        `2025-03-05T09:00,${sam.user.email},New Person,5165418171,,busy,,,`,
        `2025-03-04T09:00,${rita.user.email},New Person,5165418171,,voicemail,Number early,,`,
        // The second line again: written once, and it must not take a number from the 6 March one.
        `2025-03-04T09:00,${sam.user.email},New Person,(516) 541-8171,,Left voicemail,Last try,,`,
        `2025-03-04T09:00,${sam.user.email},Old Timer,5165418170,,voicemail,Last try,,`,
      ),
    );
    expect(summary).toMatchObject({ rows: 6, inserted: 5, duplicates: 1, prospectsCreated: 1 });
    const { attempts, prospects } = await teamRows(owner.teamId);
    const numbers = (name: string) => {
      const id = prospects.find((p) => p.name === name)!.id;
      return attempts.filter((a) => a.prospectId === id).map((a) => [a.at.toISOString().slice(0, 10), a.voicemailNumber]);
    };
    // Two voicemails at the same instant are ordered as written (ids follow the file).
    expect(numbers("New Person")).toEqual([
      ["2025-03-04", 1],
      ["2025-03-04", 2],
      ["2025-03-05", null],
      ["2025-03-06", 3],
    ]);
    expect(numbers("Old Timer")).toEqual([
      ["2025-03-04", 1],
      ["2025-03-05", 2],
    ]);
    expect((await verifyDatabase(db)).differences).toEqual([]);
  });

  it("rejects a file with one bad row, writes nothing, and names the line", async () => {
    const { rita, sam, owner } = await teamWithScripts();
    const before = await rowCounts(db);
    const file = callLog(rita.user.email, sam.user.email).replace("answered", "hung up");
    const summary = await importAttempts(db, owner, file);
    expect(summary.written).toBe(false);
    expect(summary.errors).toEqual([{ line: 5, reason: expect.stringContaining("outcome “hung up” is not one of") }]);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("refuses rows at 1970, 2150 or later than now (plus clock skew), the same rule as the forms, and writes nothing", async () => {
    const { rita, sam, owner } = await teamWithScripts();
    const before = await rowCounts(db);
    const now = new Date("2025-03-06T12:00:00Z");
    const file = callLog(rita.user.email, sam.user.email)
      .replace("2025-03-03T09:05:00-05:00", "1970-01-01T09:05:00Z")
      .replace("2025-03-04T10:00:00-05:00", "2150-03-04T10:00:00Z")
      .replace("2025-03-05T10:00:00-05:00", "2025-03-06T12:06:00Z");
    const summary = await importAttempts(db, owner, file, { now });
    expect(summary.written).toBe(false);
    expect(summary.errors).toEqual([
      { line: 3, reason: "time “1970-01-01T09:05:00Z” is outside the years 2000 to 2099" },
      { line: 5, reason: "time “2150-03-04T10:00:00Z” is outside the years 2000 to 2099" },
      { line: 6, reason: "time “2025-03-06T12:06:00Z” is in the future: log a dial or a callback once it has happened" },
    ]);
    expect(await rowCounts(db)).toEqual(before);
    // Four minutes ahead is a clock running fast, not the future.
    expect(await importAttempts(db, owner, file.replace("1970-01-01T09:05:00Z", "2025-03-03T09:05:00Z").replace("2150-03-04T10:00:00Z", "2025-03-04T10:00:00Z").replace("12:06:00Z", "12:04:00Z"), { now })).toMatchObject({ written: true, inserted: 5 });
  });

  it("adds nothing when the same rows are imported again", async () => {
    const { rita, sam, owner } = await teamWithScripts();
    const file = callLog(rita.user.email, sam.user.email);
    await importAttempts(db, owner, file);
    const before = await rowCounts(db);
    // Same dials, written with another offset for the same instants and reordered.
    const again = await importAttempts(db, owner, file.replace("2025-03-04T10:00:00-05:00", "2025-03-04T15:00:00Z"));
    expect(again).toMatchObject({ rows: 5, inserted: 0, duplicates: 5, prospectsCreated: 0 });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("dry run reports what would happen and writes nothing", async () => {
    const { rita, sam, owner } = await teamWithScripts();
    const file = callLog(rita.user.email, sam.user.email).replace("Last try", "Brand new script");
    const before = await rowCounts(db);
    const dry = await importAttempts(db, owner, file, { dryRun: true, createMissing: true });
    expect(await rowCounts(db)).toEqual(before);
    const real = await importAttempts(db, owner, file, { createMissing: true });
    expect(dry).toEqual({ ...real, dryRun: true, written: false });
    expect(dry).toMatchObject({ inserted: 5, prospectsCreated: 4, scriptsCreated: 1 });
  });

  it("rejects unknown reps and unknown scripts, line by line", async () => {
    const { rita, owner } = await teamWithScripts();
    const stranger = await (await makeTeam(db, "Elsewhere")).join("rep", "Stranger Danger");
    const before = await rowCounts(db);
    const summary = await importAttempts(
      db,
      owner,
      csv(
        `2025-03-03T09:00,${rita.user.email},Dana,5165418160,,voicemail,Number early,,`,
        `2025-03-03T09:01,${stranger.user.email},Dana,5165418160,,busy,,,`,
        `2025-03-03T09:02,nobody@example.test,Dana,5165418160,,busy,,,`,
        `2025-03-03T09:03,${rita.user.email},Dana,5165418160,,voicemail,Secret sauce,,`,
      ),
    );
    expect(summary.errors).toEqual([
      { line: 3, reason: `rep_email “${stranger.user.email}” is not a member of this team (add or invite them first)` },
      { line: 4, reason: "rep_email “nobody@example.test” is not a member of this team (add or invite them first)" },
      { line: 5, reason: "no script titled “Secret sauce” in this team (create missing scripts: --create-missing, or the box on the import page)" },
    ]);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("creates a missing script as a shared script by the importer, with a valid template body", async () => {
    const { rita, owner } = await teamWithScripts();
    const summary = await importAttempts(
      db,
      owner,
      csv(
        `2025-03-03T09:00,${rita.user.email},Dana,5165418160,,voicemail,Secret {sauce},,`,
        `2025-03-04T09:00,${rita.user.email},Dana,5165418160,,voicemail,Secret {sauce},,`,
      ),
      { createMissing: true },
    );
    expect(summary).toMatchObject({ inserted: 2, scriptsCreated: 1, errors: [] });
    const created = (await db.select().from(script).where(and(eq(script.teamId, owner.teamId), eq(script.title, "Secret {sauce}"))).get())!;
    expect(created).toMatchObject({ shared: true, authorId: owner.userId, stage: "any", archived: false });
    expect(await db.select().from(scriptVersion).where(eq(scriptVersion.scriptId, created.id)).all()).toEqual([
      expect.objectContaining({ number: 1, body: "Secret sauce", wordCount: 2 }),
    ]);
  });

  it("reads times without an offset in the team's zone, across a daylight-saving change", async () => {
    const { rita, owner } = await teamWithScripts();
    await importAttempts(
      db,
      owner,
      csv(
        `2025-03-07 09:00,${rita.user.email},Dana,5165418160,,busy,,,`,
        `2025-03-10T09:00:00,${rita.user.email},Dana,5165418160,,busy,,,`,
        `2025-03-10T09:00:00Z,${rita.user.email},Dana,5165418160,,busy,,,`,
      ),
    );
    // New York: EST (UTC−5) before 9 March 2025, EDT (UTC−4) after.
    expect((await teamRows(owner.teamId)).attempts.map((a) => a.at.toISOString())).toEqual(["2025-03-07T14:00:00.000Z", "2025-03-10T09:00:00.000Z", "2025-03-10T13:00:00.000Z"]);
  });

  const broken = [
    { name: "a truncated file (the last row cut short)", tail: "2025-03-03T09:00,rep@x.test,Dana,51654", error: { line: 3, reason: "has 4 fields but the header has 9" } },
    { name: "a quote left open", tail: '2025-03-03T09:00,rep@x.test,"Dana,5165418160,,busy,,,\r\n2025-03-03T09:05,rep@x.test,Al,5165418161,,busy,,,', error: { line: 3, reason: expect.stringContaining("never closed") } },
    { name: "binary data", tail: "\u0000\u0001\u0002", error: { line: 3, reason: expect.stringContaining("binary") } },
  ];
  it.each(broken)("refuses $name with a clear error and writes nothing", async ({ tail, error }) => {
    const { rita, owner } = await teamWithScripts();
    const before = await rowCounts(db);
    const summary = await importAttempts(db, owner, csv(`2025-03-03T08:00,${rita.user.email},Zed,5165418169,,busy,,,`) + tail);
    expect(summary.errors).toEqual([error]);
    expect(summary.written).toBe(false);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("refuses a file in another encoding before it reaches the import", () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode(`${HEADER}\r\n2025-03-03T09:00,a@b.test,Ren`), 0xe9, ...new TextEncoder().encode(",5165418160,,busy,,,\r\n")]);
    expect(() => decodeCsvBytes(latin1)).toThrow("The file is not UTF-8 (byte 0xE9); save it as “CSV UTF-8” and try again.");
  });

  it("lets only managers and owners import", async () => {
    const { rita, manager } = await teamWithScripts();
    const asRep: Actor = { userId: rita.user.id, teamId: manager.teamId, role: "rep" };
    await expect(() => importAttempts(db, asRep, csv())).rejects.toThrow("Only managers and owners can import.");
    await expect(rita.caller.imports.run({ kind: "attempts", csv: csv() })).rejects.toThrow("Managers only.");
  });
});

describe("importCallbacks", () => {
  it("credits imported callbacks to voicemails and books appointments", async () => {
    const { rita, sam, manager } = await teamWithScripts();
    await importAttempts(db, manager, callLog(rita.user.email, sam.user.email));
    const file = "time,prospect_phone,result,notes\r\n2025-03-04T11:00:00,516.541.8160,Meeting Booked,Tuesday 3pm\r\n2025-03-06T09:00,5165418161,not interested,\r\n";
    const summary = await importCallbacks(db, manager, file);
    expect(summary).toMatchObject({ rows: 2, inserted: 2, duplicates: 0, errors: [] });

    const { attempts, callbacks, prospects } = await teamRows(manager.teamId);
    const dana = prospects.find((p) => p.phone === "+15165418160")!;
    const secondVoicemail = attempts.find((a) => a.prospectId === dana.id && a.voicemailNumber === 2)!;
    expect(callbacks.find((c) => c.prospectId === dana.id)).toMatchObject({ result: "appointment", creditedAttemptId: secondVoicemail.id, loggedById: manager.userId });
    expect(secondVoicemail).toMatchObject({ appointment: true, returnedAt: new Date("2025-03-04T16:00:00Z") });
    expect(dana.status).toBe("appointment");
    // Jordan had no voicemail: the callback is kept, unattributed.
    expect(callbacks.find((c) => c.prospectId !== dana.id)?.creditedAttemptId).toBeNull();

    expect(await importCallbacks(db, manager, file)).toMatchObject({ inserted: 0, duplicates: 2 });
    // The batch attribution stores exactly what `verify` recomputes from the raw rows.
    expect((await verifyDatabase(db)).differences).toEqual([]);
  });

  it("refuses a callback dated tomorrow or in 2099, as the forms do", async () => {
    const { rita, sam, manager } = await teamWithScripts();
    await importAttempts(db, manager, callLog(rita.user.email, sam.user.email));
    const before = await rowCounts(db);
    const file = "time,prospect_phone,result\r\n2025-03-07T09:00:00,5165418160,interested\r\n2099-06-01T09:00:00,5165418161,interested\r\n";
    const summary = await importCallbacks(db, manager, file, { now: new Date("2025-03-06T12:00:00Z") });
    expect(summary.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, "time “2025-03-07T09:00:00” is in the future: log a dial or a callback once it has happened"],
      [3, "time “2099-06-01T09:00:00” is in the future: log a dial or a callback once it has happened"],
    ]);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("rejects a callback from a phone the team has never dialled", async () => {
    const { manager } = await teamWithScripts();
    const before = await rowCounts(db);
    const summary = await importCallbacks(db, manager, "time,prospect_phone,result\n2025-03-04T11:00,5165550199,interested\n");
    expect(summary.errors).toEqual([{ line: 2, reason: "no prospect with phone +15165550199 in this team (import their attempts first)" }]);
    expect(await rowCounts(db)).toEqual(before);
  });
  it("never matches another team's prospects: their phones are unknown here, and a new prospect is made", async () => {
    const a = await teamWithScripts();
    const b = await teamWithScripts();
    await importAttempts(db, b.owner, callLog(b.rita.user.email, b.sam.user.email));
    const before = await rowCounts(db);
    expect((await importCallbacks(db, a.owner, "time,prospect_phone,result\n2025-03-04T11:00,516-541-8160,interested\n")).errors).toEqual([
      { line: 2, reason: "no prospect with phone +15165418160 in this team (import their attempts first)" },
    ]);
    expect(await rowCounts(db)).toEqual(before);

    expect(await importAttempts(db, a.owner, csv(`2025-03-03T09:00,${a.rita.user.email},Dana Whitfield,516-541-8160,,busy,,,`))).toMatchObject({ inserted: 1, prospectsCreated: 1 });
    const [mine] = (await teamRows(a.owner.teamId)).prospects;
    const theirs = (await teamRows(b.owner.teamId)).prospects.find((p) => p.phone === "+15165418160")!;
    expect(mine.id).not.toBe(theirs.id);
    expect((await teamRows(b.owner.teamId)).attempts.filter((x) => x.prospectId === mine.id)).toEqual([]);
  });
});

describe("export", () => {
  it("round-trips: export, import into a fresh team, export again gives the same CSV", async () => {
    const { team, rita, sam, owner } = await teamWithScripts();
    await importAttempts(db, owner, callLog(rita.user.email, sam.user.email).replace("first try", "=HYPERLINK(\"x\")"));
    await importCallbacks(db, owner, "time,prospect_phone,result,notes\n2025-03-04T11:00:00.123Z,5165418160,interested,\"call, back\"\n");
    const attemptsCsv = await exportAttempts(db, owner);
    const callbacksCsv = await exportCallbacks(db, owner);
    // Spreadsheet safety: the formula is escaped in the file.
    expect(attemptsCsv).toContain(`"'=HYPERLINK(""x"")"`);

    const copy = await makeTeam(db, `Copy ${teams}`);
    for (const person of [rita, sam]) await addMember(db, copy.id, person.user.id, "rep");
    const copyOwner: Actor = { userId: copy.owner.user.id, teamId: copy.id, role: "owner" };
    expect(await importAttempts(db, copyOwner, attemptsCsv, { createMissing: true })).toMatchObject({ inserted: 5, scriptsCreated: 2, errors: [] });
    expect(await importCallbacks(db, copyOwner, callbacksCsv)).toMatchObject({ inserted: 1, errors: [] });
    expect(await exportAttempts(db, copyOwner)).toBe(attemptsCsv);
    expect(await exportCallbacks(db, copyOwner)).toBe(callbacksCsv);
    expect(team.id).not.toBe(copy.id);
  });

  it("keeps a value that really starts with '= and E.164 phones exact through export and re-import", async () => {
    const { team, rita, sam, owner } = await teamWithScripts();
    await team.owner.caller.scripts.create({ title: "'=Quoted opener", stage: "first-touch", tags: [], body: "Hi {prospect.firstName}." });
    // In a file the title is written as the exporter writes it, and matches the script above.
    const log = callLog(rita.user.email, sam.user.email).replace("Number early", "''=Quoted opener").replace("Harbor Freight", "Acme;=1+1");
    expect(await importAttempts(db, owner, log)).toMatchObject({ inserted: 5, scriptsCreated: 0, errors: [] });
    const attemptsCsv = await exportAttempts(db, owner);
    const firstRow = attemptsCsv.split("\r\n")[1];
    // Every field quoted (a `;` list separator cannot split it); the escape is escaped; the phone is bare.
    expect(firstRow).toBe(`"2025-03-03T14:00:00.000Z","${rita.user.email}","Dana Whitfield","+15165418160","Acme;=1+1","voicemail","''=Quoted opener","24","first try"`);

    const copy = await makeTeam(db, `Copy ${teams}`);
    for (const person of [rita, sam]) await addMember(db, copy.id, person.user.id, "rep");
    const copyOwner: Actor = { userId: copy.owner.user.id, teamId: copy.id, role: "owner" };
    expect(await importAttempts(db, copyOwner, attemptsCsv, { createMissing: true })).toMatchObject({ inserted: 5, errors: [] });
    const titles = (await db.select({ title: script.title }).from(script).where(eq(script.teamId, copy.id)).all()).map((r) => r.title);
    expect(titles).toContain("'=Quoted opener");
    expect(await exportAttempts(db, copyOwner)).toBe(attemptsCsv);
  });

  it("still imports files exported before phones were written bare ('+15165418160)", async () => {
    const { rita, owner } = await teamWithScripts();
    expect(await importAttempts(db, owner, csv(`2025-03-03T09:00,${rita.user.email},Dana Whitfield,'+15165418160,,busy,,,`))).toMatchObject({ inserted: 1, errors: [] });
    expect((await teamRows(owner.teamId)).prospects.map((p) => p.phone)).toEqual(["+15165418160"]);
  });

  it("filters by date in the team's zone and never shows another team's rows", async () => {
    const a = await teamWithScripts();
    const b = await teamWithScripts();
    await importAttempts(db, a.owner, callLog(a.rita.user.email, a.sam.user.email));
    await importAttempts(db, b.owner, callLog(b.rita.user.email, b.sam.user.email).replaceAll("Dana Whitfield", "Other Team Person"));

    const all = await exportAttempts(db, a.owner);
    expect(all.trim().split("\r\n")).toHaveLength(6);
    expect(all).not.toContain("Other Team Person");
    expect(all).not.toContain(b.rita.user.email);
    expect(await exportCallbacks(db, a.owner)).toBe('"time","prospect_phone","result","notes"\r\n');

    const march4 = (await exportAttempts(db, a.owner, { from: "2025-03-04", to: "2025-03-04" })).trim().split("\r\n");
    expect(march4.slice(1).map((line) => line.slice(0, 21))).toEqual(['"2025-03-04T14:00:00.', '"2025-03-04T15:00:00.']);
    await expect(() => exportAttempts(db, a.owner, { from: "4 March" })).rejects.toThrow("--from: time “4 March” is not ISO 8601");
  });

  it("exports the script library with tags separated by spaces and the latest body", async () => {
    const { owner } = await teamWithScripts();
    expect(await exportScripts(db, owner)).toBe(
      '"title","stage","tags","shared","archived","body"\r\n' +
        '"Last try","last-try","number-early","true","false","Hi {prospect.firstName}, Last try."\r\n' +
        '"Number early","first-touch","number-early","true","false","Hi {prospect.firstName}, Number early."\r\n',
    );
  });

  it("lets only managers and owners export", async () => {
    const { rita, owner } = await teamWithScripts();
    await expect(() => exportAttempts(db, { ...owner, userId: rita.user.id, role: "rep" })).rejects.toThrow("Only managers and owners can export.");
    expect(await db.select().from(member).where(eq(member.userId, rita.user.id)).all()).toHaveLength(1);
  });
});
