import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { attempt, member } from "@/db/schema";
import { makeTeam, openTestDatabase, rowCounts, type TeamMember, type TestTeam, codeOf, t0, later } from "@/tests/support/fixtures";

// The team library through the real router on a real migrated database (one per file):
// versions, visibility, curation rights, forks, and the evidence each script page shows.
const db = await openTestDatabase();

let team: TestTeam;
let other: TestTeam;
let manager: TeamMember;
let rep: TeamMember;
let rep2: TeamMember;
let phoneCounter = 100;
const nextPhone = () => `516-541-${String(8000 + phoneCounter++)}`;

beforeAll(async () => {
  team = await makeTeam(db, "Library Team");
  other = await makeTeam(db, "Rival Team");
  manager = await team.join("manager", "Mia Manager");
  rep = await team.join("rep", "Ray Rep");
  rep2 = await team.join("rep", "Rita Rep");
});

describe("versions", () => {
  it("editing the body makes a new version, and earlier voicemails stay on the version they used", async () => {
    const created = await rep.caller.scripts.create({ title: "Versioned", stage: "first-touch", body: "Hi {prospect.firstName}, {rep.name} here." });
    const dial = await rep.caller.attempts.log({ prospect: { name: "Vera Vee", phone: nextPhone() }, outcome: "voicemail", scriptId: created.id, at: t0 });
    await rep.caller.callbacks.log({ prospect: { id: dial.prospectId }, result: "interested", at: later(20) });

    const edit = await rep.caller.scripts.update({ id: created.id, body: "{rep.phone} — hi {prospect.firstName}, {rep.name} here." });
    expect(edit).toMatchObject({ newVersion: true, latestVersion: { number: 2 } });
    const stamped = await db.select({ versionId: attempt.scriptVersionId }).from(attempt).where(eq(attempt.id, dial.id)).get();
    expect(stamped?.versionId).toBe(created.latestVersion.id);

    await rep.caller.attempts.log({ prospect: { name: "Walt Wu", phone: nextPhone() }, outcome: "voicemail", scriptId: created.id, at: later(60) });
    const page = await rep.caller.scripts.get({ id: created.id });
    expect(page.versions.map((v) => [v.number, v.evidence.voicemails, v.evidence.returned])).toEqual([
      [2, 1, 0],
      [1, 1, 1],
    ]);
    expect(page.evidence).toMatchObject({ voicemails: 2, returned: 1 });
    expect(page.versions[0].changes).toEqual({ added: 3, removed: 1 });
    expect(page.versions[1].diff).toBeNull();
  });

  it("title, stage and tags change in place; saving the same body makes no version", async () => {
    const created = await rep.caller.scripts.create({ title: "Renamable", stage: "any", body: "Call {rep.phone}." });
    const edit = await rep.caller.scripts.update({ id: created.id, title: "Renamed", stage: "follow-up", tags: ["humour", "number-early"], body: "Call {rep.phone}." });
    expect(edit.newVersion).toBe(false);
    const page = await rep.caller.scripts.get({ id: created.id });
    expect(page).toMatchObject({ title: "Renamed", stage: "follow-up", tags: ["humour", "number-early"] });
    expect(page.versions).toHaveLength(1);
  });

  it("a body with an unknown placeholder is refused with its position, and nothing changes", async () => {
    const created = await rep.caller.scripts.create({ title: "Guarded", stage: "any", body: "Hi {prospect.name}." });
    const before = await rowCounts(db);
    const error = await rep.caller.scripts.update({ id: created.id, body: "Hi {prospect.name}.\nCall {rep.mobile}." }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("line 2, column 6: Unknown placeholder {rep.mobile}");
    expect(await rowCounts(db)).toEqual(before);
  });

  it("only the author, or a manager on a shared script, may edit", async () => {
    const created = await rep.caller.scripts.create({ title: "Ray's own", stage: "any", body: "Hello." });
    expect(await codeOf(rep2.caller.scripts.update({ id: created.id, title: "Hijacked" }))).toBe("FORBIDDEN");
    await expect(manager.caller.scripts.update({ id: created.id, tags: ["curated"] })).resolves.toMatchObject({ newVersion: false });
  });

  it("a draft with voicemails is never deleted; one without is removed softly and frees its title", async () => {
    const used = await rep.caller.scripts.create({ title: "Used draft", stage: "any", body: "Hi.", shared: false });
    await rep.caller.attempts.log({ prospect: { name: "Una Used", phone: nextPhone() }, outcome: "voicemail", scriptId: used.id, at: t0 });
    expect(await codeOf(rep.caller.scripts.deleteDraft({ id: used.id }))).toBe("CONFLICT");

    const unused = await rep.caller.scripts.create({ title: "Scratch", stage: "any", body: "Hi.", shared: false });
    await rep.caller.scripts.deleteDraft({ id: unused.id });
    expect(await codeOf(rep.caller.scripts.get({ id: unused.id }))).toBe("NOT_FOUND");
    await expect(rep.caller.scripts.create({ title: "Scratch", stage: "any", body: "Again." })).resolves.toMatchObject({ title: "Scratch" });
  });

  it("a deleted draft can be brought back by its author, under its title unless that was taken since", async () => {
    const draft = await rep.caller.scripts.create({ title: "Undo me", stage: "any", body: "Hi {prospect.firstName}.", shared: false });
    await rep.caller.scripts.deleteDraft({ id: draft.id });
    expect(await codeOf(rep2.caller.scripts.restoreDraft({ id: draft.id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.owner.caller.scripts.restoreDraft({ id: draft.id }))).toBe("NOT_FOUND");
    await expect(rep.caller.scripts.restoreDraft({ id: draft.id })).resolves.toEqual({ id: draft.id, title: "Undo me" });
    await expect(rep.caller.scripts.get({ id: draft.id })).resolves.toMatchObject({ title: "Undo me", shared: false });
    // Only a deleted draft is restorable.
    expect(await codeOf(rep.caller.scripts.restoreDraft({ id: draft.id }))).toBe("NOT_FOUND");

    await rep.caller.scripts.deleteDraft({ id: draft.id });
    await rep2.caller.scripts.create({ title: "Undo me", stage: "any", body: "Mine now." });
    expect(await codeOf(rep.caller.scripts.restoreDraft({ id: draft.id }))).toBe("CONFLICT");
    expect(await codeOf(rep.caller.scripts.get({ id: draft.id }))).toBe("NOT_FOUND");
  });

  it("a version stays while any attempt points at it, even a deleted one, and below the services the database refuses too", async () => {
    const draft = await rep.caller.scripts.create({ title: "Once used", stage: "any", body: "Hi.", shared: false });
    const dial = await rep.caller.attempts.log({ prospect: { name: "Ola Once", phone: nextPhone() }, outcome: "voicemail", scriptId: draft.id, at: t0 });
    // A deleted dial can be restored, so its version is still in use.
    await rep.caller.attempts.remove({ id: dial.id });
    expect(await codeOf(rep.caller.scripts.deleteDraft({ id: draft.id }))).toBe("CONFLICT");
    const shared = await rep.caller.scripts.create({ title: "Shared one", stage: "any", body: "Hi." });
    expect(await codeOf(rep.caller.scripts.deleteDraft({ id: shared.id }))).toBe("BAD_REQUEST");

    // Whatever a future code path tries, the foreign keys keep a used version and its script.
    const before = await rowCounts(db);
    const versionId = (await db.select({ v: attempt.scriptVersionId }).from(attempt).where(eq(attempt.id, dial.id)).get())!.v!;
    // SQLite says "FOREIGN KEY constraint failed"; PostgreSQL "violates foreign key constraint" (wrapped by Drizzle).
    const foreignKeyRefusal = (error: unknown) => /foreign key constraint/i.test(`${error} ${(error as { cause?: unknown }).cause ?? ""}`);
    await expect(db.run(sql`DELETE FROM script_version WHERE id = ${versionId}`)).rejects.toSatisfy(foreignKeyRefusal);
    await expect(db.run(sql`DELETE FROM script WHERE id = ${draft.id}`)).rejects.toSatisfy(foreignKeyRefusal);
    expect(await rowCounts(db)).toEqual(before);
    await rep.caller.attempts.restore({ id: dial.id });
    await expect(rep.caller.scripts.get({ id: draft.id })).resolves.toMatchObject({ title: "Once used" });
  });
});

describe("curation", () => {
  it("a rep cannot archive or pick; a manager can, and an archived script leaves the pickers but keeps its history", async () => {
    const created = await rep.caller.scripts.create({ title: "Curated", stage: "follow-up", body: "Hi {prospect.firstName}." });
    await rep.caller.attempts.log({ prospect: { name: "Cara Cur", phone: nextPhone() }, outcome: "voicemail", scriptId: created.id, at: t0 });
    const before = await rowCounts(db);
    expect(await codeOf(rep.caller.scripts.setArchived({ id: created.id, archived: true }))).toBe("FORBIDDEN");
    expect(await codeOf(rep.caller.scripts.setTeamPick({ id: created.id, teamPick: true }))).toBe("FORBIDDEN");
    expect(await rowCounts(db)).toEqual(before);

    await manager.caller.scripts.setTeamPick({ id: created.id, teamPick: true });
    const picks = await rep.caller.scripts.library({ teamPicks: true });
    expect(picks.entries.map((e) => e.title)).toEqual(["Curated"]);

    await manager.caller.scripts.setArchived({ id: created.id, archived: true });
    expect((await rep.caller.scripts.pickable()).map((s) => s.id)).not.toContain(created.id);
    expect((await rep.caller.scripts.library({})).entries.map((e) => e.id)).not.toContain(created.id);
    const archived = await rep.caller.scripts.library({ view: "archived" });
    expect(archived.entries).toEqual([expect.objectContaining({ id: created.id, voicemails: 1, teamPick: false })]);
    expect((await rep.caller.scripts.get({ id: created.id })).evidence.voicemails).toBe(1);

    await manager.caller.scripts.setArchived({ id: created.id, archived: false });
    expect((await rep.caller.scripts.pickable()).map((s) => s.id)).toContain(created.id);
  });
});

describe("visibility", () => {
  it("a draft is invisible to teammates until its author shares it", async () => {
    const draft = await rep.caller.scripts.create({ title: "Secret draft", stage: "any", body: "Draft {rep.name}.", shared: false });
    for (const caller of [rep2.caller, manager.caller]) {
      expect(await codeOf(caller.scripts.get({ id: draft.id }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.scripts.fork({ versionId: draft.latestVersion.id }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.scripts.update({ id: draft.id, title: "Seen" }))).toBe("NOT_FOUND");
      expect((await caller.scripts.library({ q: "Secret" })).entries).toEqual([]);
    }
    expect((await rep.caller.scripts.library({ view: "drafts", q: "Secret" })).entries.map((e) => e.id)).toEqual([draft.id]);
    expect(await codeOf(rep2.caller.scripts.setShared({ id: draft.id, shared: true }))).toBe("NOT_FOUND");

    await rep.caller.scripts.setShared({ id: draft.id, shared: true });
    await expect(rep2.caller.scripts.get({ id: draft.id })).resolves.toMatchObject({ title: "Secret draft", shared: true });
  });

  it("another team's scripts are invisible, by id and in every list", async () => {
    const theirs = await other.owner.caller.scripts.create({ title: "Rival opener", stage: "first-touch", body: "Hi {prospect.name}." });
    expect(await codeOf(rep.caller.scripts.get({ id: theirs.id }))).toBe("NOT_FOUND");
    expect(await codeOf(manager.caller.scripts.setArchived({ id: theirs.id, archived: true }))).toBe("NOT_FOUND");
    expect(await codeOf(rep.caller.scripts.fork({ versionId: theirs.latestVersion.id }))).toBe("NOT_FOUND");
    const mine = await rep.caller.scripts.create({ title: "Home opener", stage: "first-touch", body: "Hello." });
    expect(await codeOf(rep.caller.scripts.compare({ id: mine.id, otherId: theirs.id }))).toBe("NOT_FOUND");
    expect((await rep.caller.scripts.library({ q: "Rival" })).entries).toEqual([]);
    expect((await rep.caller.scripts.options()).map((s) => s.id)).not.toContain(theirs.id);
    // The rival team sees it, so the absences above are isolation, not a broken query.
    expect((await other.owner.caller.scripts.library({ q: "Rival" })).entries.map((e) => e.id)).toEqual([theirs.id]);
  });
});

describe("forks", () => {
  it("a fork is a private draft that remembers the version it came from, and the origin lists it with its results", async () => {
    const origin = await manager.caller.scripts.create({ title: "Origin", stage: "follow-up", tags: ["humour"], body: "Version one {rep.phone}." });
    await manager.caller.scripts.update({ id: origin.id, body: "Version two {rep.phone}." });
    const fork = await rep.caller.scripts.fork({ versionId: origin.latestVersion.id });
    expect(fork).toMatchObject({ title: "Origin (fork)", shared: false, stage: "follow-up", tags: ["humour"], forkedFromVersionId: origin.latestVersion.id });
    expect(fork.latestVersion.body).toBe("Version one {rep.phone}.");
    expect((await rep.caller.scripts.fork({ versionId: origin.latestVersion.id })).title).toBe("Origin (fork 2)");

    const forkPage = await rep.caller.scripts.get({ id: fork.id });
    expect(forkPage.forkedFrom).toEqual({ scriptId: origin.id, title: "Origin", versionNumber: 1 });

    // Private until shared: the origin's author does not see it among the forks yet.
    expect((await manager.caller.scripts.get({ id: origin.id })).forks).toEqual([]);
    await rep.caller.scripts.setShared({ id: fork.id, shared: true });
    await rep.caller.attempts.log({ prospect: { name: "Fay Fork", phone: nextPhone() }, outcome: "voicemail", scriptId: fork.id, at: t0 });
    const originPage = await manager.caller.scripts.get({ id: origin.id });
    expect(originPage.forks).toEqual([expect.objectContaining({ id: fork.id, title: "Origin (fork)", fromVersionNumber: 1, voicemails: 1, returned: 0 })]);
  });
});

describe("evidence and comparison", () => {
  let followUp: { id: number };
  let lastTry: { id: number };

  beforeAll(async () => {
    const compareTeam = await makeTeam(db, "Compare Team");
    const caller = compareTeam.owner.caller;
    followUp = await caller.scripts.create({ title: "Follow-up", stage: "follow-up", body: "Following up, {prospect.firstName}." });
    lastTry = await caller.scripts.create({ title: "Last try", stage: "last-try", body: "One more try, {prospect.firstName}." });
    // Four prospects: three voicemails with the follow-up each, then a fourth with the last try
    // (returned for the first three prospects). Two more prospects get a fourth follow-up, one returned.
    let minute = 0;
    for (let p = 0; p < 6; p++) {
      const { prospectId } = await caller.attempts.log({ prospect: { name: `Pat ${p}`, phone: nextPhone() }, outcome: "voicemail", scriptId: followUp.id, at: later(minute++) });
      for (let n = 2; n <= 3; n++) await caller.attempts.log({ prospect: { id: prospectId }, outcome: "voicemail", scriptId: followUp.id, at: later(minute++ * 60 * 24) });
      const fourth = p < 4 ? lastTry.id : followUp.id;
      await caller.attempts.log({ prospect: { id: prospectId }, outcome: "voicemail", scriptId: fourth, messageSeconds: 20 + p, at: later(minute++ * 60 * 24) });
      if (p < 3 || p === 4) await caller.callbacks.log({ prospect: { id: prospectId }, result: p === 0 ? "appointment" : "interested", at: later(minute * 60 * 24 - 60 * 24 + 90) });
    }
    Object.assign(followUp, { caller });
  });

  const callerOf = () => (followUp as unknown as { caller: TeamMember["caller"] }).caller;

  it("the script page reports rates, appointments, time to callback and rate by attempt number", async () => {
    const page = await callerOf().scripts.get({ id: lastTry.id });
    expect(page.evidence).toMatchObject({ voicemails: 4, returned: 3, appointments: 1, medianMinutesToCallback: 90, p80MinutesToCallback: 90, medianMessageSeconds: 21.5 });
    expect(page.evidence.rate).toBeCloseTo(0.75, 10);
    expect(page.evidence.byAttempt.map((b) => [b.bucket, b.returned, b.voicemails])).toEqual([
      ["1", 0, 0],
      ["2", 0, 0],
      ["3", 0, 0],
      ["4+", 3, 4],
    ]);
    const followUpPage = await callerOf().scripts.get({ id: followUp.id });
    expect(followUpPage.evidence.byAttempt.map((b) => [b.bucket, b.returned, b.voicemails])).toEqual([
      ["1", 0, 6],
      ["2", 0, 6],
      ["3", 0, 6],
      ["4+", 1, 2],
    ]);
  });

  it("a last-try script is compared only on voicemails at the attempt numbers it was used at", async () => {
    const c = await callerOf().scripts.compare({ id: lastTry.id, otherId: followUp.id });
    expect(c.attemptNumbers).toEqual([4]);
    expect(c.this).toMatchObject({ returned: 3, voicemails: 4 });
    // The follow-up's 18 earlier voicemails (attempts 1–3) are left out: only its two fourth ones count.
    expect(c.that).toMatchObject({ returned: 1, voicemails: 2 });
    expect(c.verdict.kind).toBe("no-difference");
    const reverse = await callerOf().scripts.compare({ id: followUp.id, otherId: lastTry.id });
    expect(reverse.attemptNumbers).toEqual([4]);
    expect(reverse.probabilityThisBeatsThat).toBeCloseTo(1 - c.probabilityThisBeatsThat, 10);
  });

  it("a first touch met by a last try counts both sides only on the attempt numbers both were used at", async () => {
    const caller = (await makeTeam(db, "Shared Numbers Team")).owner.caller;
    const intro = await caller.scripts.create({ title: "Intro only", stage: "first-touch", body: "Hi {prospect.firstName}." });
    const lastTry = await caller.scripts.create({ title: "Last try", stage: "last-try", body: "One more try, {prospect.firstName}." });
    // Three first voicemails with the intro, two returned; one first voicemail with the last try,
    // unreturned; and a prospect given three follow-ups then a returned last try at #4.
    for (let p = 0; p < 4; p++) {
      const { prospectId } = await caller.attempts.log({ prospect: { name: `Ida ${p}`, phone: nextPhone() }, outcome: "voicemail", scriptId: p < 3 ? intro.id : lastTry.id, at: later(p) });
      if (p < 2) await caller.callbacks.log({ prospect: { id: prospectId }, result: "interested", at: later(30 + p) });
    }
    const { prospectId } = await caller.attempts.log({ prospect: { name: "Ivo", phone: nextPhone() }, outcome: "voicemail", scriptId: intro.id, at: later(100) });
    for (let n = 2; n <= 4; n++) await caller.attempts.log({ prospect: { id: prospectId }, outcome: "voicemail", scriptId: lastTry.id, at: later(100 + n * 60 * 24) });
    await caller.callbacks.log({ prospect: { id: prospectId }, result: "interested", at: later(100 + 4 * 60 * 24 + 5) });
    const c = await caller.scripts.compare({ id: intro.id, otherId: lastTry.id });
    // The last try was used at #1 to #4, the intro at #1 only: #1 is all they share.
    expect(c.attemptNumbers).toEqual([1]);
    expect(c.this).toMatchObject({ returned: 2, voicemails: 4, allVoicemails: 4 });
    expect(c.that).toMatchObject({ returned: 0, voicemails: 1, allVoicemails: 4 });
  });

  it("the library ranks within a stage: a strong last try is #1 of last tries, never #1 among openers", async () => {
    const caller = (await makeTeam(db, "Ranked Stages Team")).owner.caller;
    const opener = await caller.scripts.create({ title: "Opener", stage: "first-touch", body: "Hi {prospect.firstName}." });
    const closer = await caller.scripts.create({ title: "Closer", stage: "last-try", body: "Last call, {prospect.firstName}." });
    // Ten voicemails each: the opener returned 2, the last try 8 (the better rate by far).
    for (let p = 0; p < 20; p++) {
      const last = p >= 10;
      const { prospectId } = await caller.attempts.log({ prospect: { name: `Lia ${p}`, phone: nextPhone() }, outcome: "voicemail", scriptId: last ? closer.id : opener.id, at: later(p) });
      if (last ? p < 18 : p < 2) await caller.callbacks.log({ prospect: { id: prospectId }, result: "interested", at: later(30 + p) });
    }
    const library = await caller.scripts.library({});
    expect(library.rankedWithin).toBe("stage");
    expect(library.entries.map((e) => [e.title, e.stage, e.rank])).toEqual([
      ["Opener", "first-touch", 1],
      ["Closer", "last-try", 1],
    ]);
  });

  it("the library ranks, counts and searches", async () => {
    const byUse = await callerOf().scripts.library({ sort: "used" });
    expect(byUse.entries.map((e) => [e.title, e.voicemails, e.returned])).toEqual([
      ["Follow-up", 20, 1],
      ["Last try", 4, 3],
    ]);
    expect(byUse.entries.map((e) => e.ranked)).toEqual([true, false]);
    expect((await callerOf().scripts.library({ q: "more try" })).entries.map((e) => e.title)).toEqual(["Last try"]);
    expect((await callerOf().scripts.library({ stage: "follow-up" })).entries.map((e) => e.title)).toEqual(["Follow-up"]);
  });
});

describe("preview", () => {
  it("renders for a sample prospect and the acting rep, with problems at their positions and the rep's own speaking rate", async () => {
    await db.update(member).set({ phone: "+15165418160", wordsPerMinute: 120 }).where(eq(member.userId, rep.user.id)).run();
    const preview = await rep.caller.scripts.preview({ body: "Hi {prospect.firstName}, {rep.name} at {rep.phone}. {oops}" });
    expect(preview.rendered).toBe(`Hi Jordan, Ray Rep at +1 516 541 8160. {oops}`);
    expect(preview.unfilled).toEqual([]);
    expect(preview.problems).toEqual([expect.objectContaining({ index: 52, text: "{oops}", position: "line 1, column 53" })]);
    expect(preview.wordsPerMinute).toBe(120);
    // 10 words (Hi, Jordan, Ray, Rep, at, +1, 516, 541, 8160, {oops}) at 120 words a minute: 5 s.
    expect(preview.words).toBe(10);
    expect(preview.readSeconds).toBe(5);
    const teamRate = await rep2.caller.scripts.preview({ body: "one two three four five" });
    expect(teamRate).toMatchObject({ wordsPerMinute: 150, readSeconds: 2 });
  });

  it("reads a rep without a phone on file as a gap to fill, not an invented number", async () => {
    const preview = await rep2.caller.scripts.preview({ body: "Call me on {rep.phone}." });
    expect(preview.rendered).toBe("Call me on [rep.phone].");
    expect(preview.unfilled).toEqual(["rep.phone"]);
    expect(preview.sample.phone).toBeNull();
  });
});
