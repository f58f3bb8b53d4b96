import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { takeAudio } from "@/db/schema";
import type { Db } from "@/db/client";
import { TAKE_LIMITS, type UploadTakeInput } from "@/lib/inputs/takes";
import { codeOf, makeTeam, openTestDatabase, type TeamMember } from "@/tests/support/fixtures";
import { recordedTake, streamedWebm } from "@/tests/support/webm-bytes";
import type { Actor } from "./actor";
import { backupDatabase } from "./backup";
import { Conflict, Invalid, NotFound } from "./errors";
import { saveTake, takeAudioFor } from "./takes";

// Takes against a real migrated database, through the services (uploads) and the router (the
// rest). The audio is Chromium's own 2.58 s recording, whose last block starts at 2.52 s.

const BODY = "Hi {prospect.firstName}, it's {rep.name}. Call me back at {rep.phone}, I have one quick idea for {prospect.company}.";

async function setUp(given?: Db) {
  const db = given ?? (await openTestDatabase());
  const team = await makeTeam(db, "Takes Team");
  const rep = await team.join("rep", "Rhea Reader");
  const other = await team.join("rep", "Otto Other");
  const manager = await team.join("manager", "Mona Manager");
  const opener = await team.owner.caller.scripts.create({ title: "Opener", stage: "first-touch", body: BODY });
  const stranger = await makeTeam(db, "Elsewhere");
  return { db, team, rep, other, manager, opener, stranger, versionId: opener.latestVersion.id };
}

const actorOf = (teamId: string, who: TeamMember, role: Actor["role"] = "rep"): Actor => ({ userId: who.user.id, teamId, role });
const lengths = (versionId: number, spokenMs = 2000): UploadTakeInput => ({ versionId, spokenMs, recordedMs: 2580 });
const count = async (db: Db, table: string) => Number((await db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)))!.n);

describe("saving a take", () => {
  it("keeps the recording and its measured length, listed as the rep's own", async () => {
    const { db, team, rep, opener, versionId } = await setUp();
    const saved = await saveTake(db, actorOf(team.id, rep), lengths(versionId, 2140), recordedTake());
    expect(saved).toMatchObject({ spokenMs: 2140, recordedMs: 2580, bytes: 10130, scriptId: opener.id });
    const panel = await rep.caller.takes.forScript({ scriptId: opener.id });
    expect(panel.mine.map((t) => [t.spokenSeconds, t.versionNumber, t.shared])).toEqual([[2.1, 1, false]]);
    expect((await takeAudioFor(db, actorOf(team.id, rep), saved.id)).equals(recordedTake())).toBe(true);
  });

  it.each([
    { name: "bytes that are not WebM", audio: () => Buffer.from("RIFF....WAVEfmt not a take"), input: lengths, message: /not a WebM/ },
    { name: "a recording whose own timestamps run 91 s", audio: () => streamedWebm([[0, [0]], [90_000, [0, 1000]]]), input: lengths, message: /at most 90 seconds/ },
    { name: "a spoken length longer than the recording", audio: recordedTake, input: (v: number) => lengths(v, 4000), message: /longer than the recording/ },
  ])("refuses $name, storing nothing", async ({ audio, input, message }) => {
    const { db, team, rep, versionId } = await setUp();
    await expect(() => saveTake(db, actorOf(team.id, rep), input(versionId), audio())).rejects.toThrow(message);
    await expect(() => saveTake(db, actorOf(team.id, rep), input(versionId), audio())).rejects.toThrow(Invalid);
    expect((await count(db, "take")) + (await count(db, "take_audio"))).toBe(0);
  });

  it("finds no version of another team's script, nor of a teammate's private draft", async () => {
    const { db, team, rep, other, stranger, versionId } = await setUp();
    await expect(() => saveTake(db, actorOf(stranger.id, stranger.owner, "owner"), lengths(versionId), recordedTake())).rejects.toThrow(NotFound);
    const draft = await other.caller.scripts.create({ title: "Otto's draft", stage: "any", body: "Private words.", shared: false });
    await expect(() => saveTake(db, actorOf(team.id, rep), lengths(draft.latestVersion.id), recordedTake())).rejects.toThrow(NotFound);
  });

  it("keeps at most the limit of takes per rep and version, then asks for a deletion", async () => {
    const { db, team, rep, other, versionId } = await setUp();
    const limits = { ...TAKE_LIMITS, takesPerRepPerVersion: 2 };
    const mine = actorOf(team.id, rep);
    await saveTake(db, mine, lengths(versionId), recordedTake(), limits);
    const second = await saveTake(db, mine, lengths(versionId), recordedTake(), limits);
    await expect(() => saveTake(db, mine, lengths(versionId), recordedTake(), limits)).rejects.toThrow(new Conflict("You have 2 takes of this version, the most kept; delete one to record another."));
    // The limit is the rep's own: a teammate still records.
    await expect(saveTake(db, actorOf(team.id, other), lengths(versionId), recordedTake(), limits)).resolves.toBeDefined();
    await rep.caller.takes.remove({ id: second.id });
    await expect(saveTake(db, mine, lengths(versionId), recordedTake(), limits)).resolves.toBeDefined();
    expect(TAKE_LIMITS.takesPerRepPerVersion).toBe(20);
  });

  it("holds the team to its quota with a message that says what to do, other teams unaffected", async () => {
    const db = await openTestDatabase();
    const { team, rep, other, versionId } = await setUp(db);
    const limits = { ...TAKE_LIMITS, teamBytes: 25_000 };
    await saveTake(db, actorOf(team.id, rep), lengths(versionId), recordedTake(), limits);
    await saveTake(db, actorOf(team.id, other), lengths(versionId), recordedTake(), limits);
    await expect(() => saveTake(db, actorOf(team.id, rep), lengths(versionId), recordedTake(), limits)).rejects.toThrow(
      "Your team's rehearsal space is full (0.0 MB of 0 MB). Delete takes you no longer need to record new ones.",
    );
    const next = await setUp(db);
    await expect(saveTake(db, actorOf(next.team.id, next.rep), lengths(next.versionId), recordedTake(), limits)).resolves.toBeDefined();
    expect(TAKE_LIMITS.teamBytes).toBe(200 * 1024 * 1024);
  });
});

describe("who hears a take", () => {
  it("a private take only its rep; shared, every member who sees the script; another team never", async () => {
    const { db, team, rep, other, manager, stranger, versionId, opener } = await setUp();
    const { id } = await saveTake(db, actorOf(team.id, rep), lengths(versionId), recordedTake());
    const hears = async (actor: Actor) => {
      try {
        return (await takeAudioFor(db, actor, id)).length;
      } catch (error) {
        if (error instanceof NotFound) return "not found";
        throw error;
      }
    };
    const listeners = async () => [await hears(actorOf(team.id, rep)), await hears(actorOf(team.id, other)), await hears(actorOf(team.id, manager, "manager")), await hears(actorOf(stranger.id, stranger.owner, "owner"))];
    expect(await listeners()).toEqual([10130, "not found", "not found", "not found"]);
    expect((await other.caller.takes.forScript({ scriptId: opener.id })).shared).toEqual([]);

    await rep.caller.takes.setShared({ id, shared: true });
    expect(await listeners()).toEqual([10130, 10130, 10130, "not found"]);
    const heard = await other.caller.takes.forScript({ scriptId: opener.id });
    expect(heard.shared.map((t) => [t.repName, t.audioUrl])).toEqual([["Rhea Reader", `/api/takes/${id}/audio`]]);
    // Even with the owner's team as its session's team, a stranger is not a member of it.
    expect(await codeOf(stranger.owner.caller.takes.forScript({ scriptId: opener.id }))).toBe("NOT_FOUND");

    await rep.caller.takes.setShared({ id, shared: false });
    expect(await listeners()).toEqual([10130, "not found", "not found", "not found"]);
  });

  it("only its rep deletes, shares or marks a take, and deleting it deletes its audio", async () => {
    const { db, team, rep, other, manager, versionId } = await setUp();
    const { id } = await saveTake(db, actorOf(team.id, rep), lengths(versionId), recordedTake());
    await rep.caller.takes.setShared({ id, shared: true });
    for (const caller of [other.caller, manager.caller, team.owner.caller]) {
      expect(await codeOf(caller.takes.remove({ id }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.takes.setShared({ id, shared: false }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.takes.setReference({ id, reference: true }))).toBe("NOT_FOUND");
    }
    expect([await count(db, "take"), await count(db, "take_audio")]).toEqual([1, 1]);
    await rep.caller.takes.remove({ id });
    expect([await count(db, "take"), await count(db, "take_audio")]).toEqual([0, 0]);
  });

  it("one reference read per rep and version", async () => {
    const { db, team, rep, opener, versionId } = await setUp();
    const first = await saveTake(db, actorOf(team.id, rep), lengths(versionId), recordedTake());
    const second = await saveTake(db, actorOf(team.id, rep), lengths(versionId), recordedTake());
    await rep.caller.takes.setReference({ id: first.id, reference: true });
    await rep.caller.takes.setReference({ id: second.id, reference: true });
    const mine = (await rep.caller.takes.forScript({ scriptId: opener.id })).mine;
    expect(mine.map((t) => [t.id, t.reference])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
  });
});

describe("coaching and measured rates", () => {
  it("a manager's note on a shared take is on the rep's take when they come back; reps cannot write one", async () => {
    const { db, team, rep, other, manager, opener, versionId } = await setUp();
    const { id } = await saveTake(db, actorOf(team.id, rep), lengths(versionId), recordedTake());
    expect(await codeOf(manager.caller.takes.comment({ id, comment: "Slow down on the number." }))).toBe("NOT_FOUND");
    await rep.caller.takes.setShared({ id, shared: true });
    expect(await codeOf(other.caller.takes.comment({ id, comment: "Nice." }))).toBe("FORBIDDEN");
    await manager.caller.takes.comment({ id, comment: "  Slow down on the number.  " });
    const mine = (await rep.caller.takes.forScript({ scriptId: opener.id })).mine[0];
    expect([mine.comment, mine.commentBy]).toEqual(["Slow down on the number.", "Mona Manager"]);
    // The note is between coach and rep: a teammate hears the take but does not read it.
    const heard = (await other.caller.takes.forScript({ scriptId: opener.id })).shared[0];
    expect([heard.id, heard.comment, heard.commentBy]).toEqual([id, null, null]);
    expect((await team.owner.caller.takes.forScript({ scriptId: opener.id })).shared[0].comment).toBe("Slow down on the number.");
    await manager.caller.takes.comment({ id, comment: "" });
    expect((await rep.caller.takes.forScript({ scriptId: opener.id })).mine[0].comment).toBeNull();
  });

  it("per version, the median spoken length of the shared takes", async () => {
    const { db, team, rep, other, opener, versionId } = await setUp();
    for (const [who, ms] of [
      [rep, 2000],
      [other, 2400],
      [other, 1600],
    ] as const) {
      const { id } = await saveTake(db, actorOf(team.id, who), lengths(versionId, ms), recordedTake());
      await who.caller.takes.setShared({ id, shared: true });
    }
    await saveTake(db, actorOf(team.id, rep), lengths(versionId, 500), recordedTake());
    await team.owner.caller.scripts.update({ id: opener.id, body: `${BODY} Thanks.` });
    const panel = await rep.caller.takes.forScript({ scriptId: opener.id });
    expect(panel.perVersion.map((v) => [v.number, v.sharedTakes, v.medianSpokenSeconds])).toEqual([
      [1, 3, 2],
      [2, 0, null],
    ]);
  });

  it("the team overview's read-time chart gets the shared takes' median length beside the estimate", async () => {
    const { db, team, rep, other, opener, versionId } = await setUp();
    await team.owner.caller.attempts.log({ prospect: { name: "Pat Prospect", phone: "212-555-0101" }, outcome: "voicemail", scriptId: opener.id });
    const readTime = async () => (await team.owner.caller.leaderboard.overview({})).readTime.find((p) => p.label === "Opener")!;
    expect((await readTime()).measuredSeconds).toBeNull();
    for (const [who, ms] of [
      [rep, 2100],
      [other, 1500],
    ] as const) {
      const { id } = await saveTake(db, actorOf(team.id, who), lengths(versionId, ms), recordedTake());
      await who.caller.takes.setShared({ id, shared: true });
    }
    await saveTake(db, actorOf(team.id, rep), lengths(versionId, 200), recordedTake());
    expect(await readTime()).toMatchObject({ measuredSeconds: 1.8, voicemails: 1 });
  });

  it("a rep's measured rate replaces the team's in estimates only once they say so", async () => {
    const { db, team, rep, opener, versionId } = await setUp();
    // The body's words (as written, placeholders one word each) at 100 a minute: 0.6 s a word,
    // five takes of it. The audio is a streamed WebM of that length.
    const words = (await rep.caller.scripts.get({ id: opener.id })).latestVersion.words;
    const spokenMs = words * 600;
    const audio = streamedWebm([[0, [0]], [spokenMs, [0]]]);
    for (let i = 0; i < 5; i++) await saveTake(db, actorOf(team.id, rep), { versionId, spokenMs, recordedMs: spokenMs }, audio);
    const before = await rep.caller.takes.forScript({ scriptId: opener.id });
    expect(before.rate).toEqual({ measured: 100, inUse: 150, own: null, team: 150 });
    expect((await rep.caller.scripts.get({ id: opener.id })).latestVersion.readSeconds).toBe(Math.round(words * 0.4));
    await rep.caller.takes.useMeasuredRate({ use: true });
    expect((await rep.caller.scripts.get({ id: opener.id })).latestVersion.readSeconds).toBe(Math.round(words * 0.6));
    expect((await team.owner.caller.scripts.get({ id: opener.id })).latestVersion.readSeconds).toBe(Math.round(words * 0.4));
    await rep.caller.takes.useMeasuredRate({ use: false });
    expect((await rep.caller.takes.forScript({ scriptId: opener.id })).rate.inUse).toBe(150);
  });

  it("refuses a measured rate before there is enough speech to measure", async () => {
    const { rep } = await setUp();
    expect(await codeOf(rep.caller.takes.useMeasuredRate({ use: true }))).toBe("BAD_REQUEST");
  });
});

describe("backups", () => {
  it("carry the audio with the takes, since it is in the database file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-takes-backup-"));
    try {
      const db = await openDatabase(path.join(dir, "live.db"));
      const { team, rep, versionId } = await setUp(db);
      const { id } = await saveTake(db, actorOf(team.id, rep), lengths(versionId), recordedTake());
      await backupDatabase(db, path.join(dir, "copy.db"));
      const copy = await openDatabase(path.join(dir, "copy.db"));
      expect((await takeAudioFor(copy, actorOf(team.id, rep), id)).equals(recordedTake())).toBe(true);
      expect(await copy.select().from(takeAudio).all()).toHaveLength(1);
      await db.$close();
      await copy.$close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
