import { describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { attempt, callback, experimentAssignment, experimentVoicemail, prospect, prospectMerge } from "@/db/schema";
import { MERGE_UNDO_DAYS } from "@/lib/vocabulary";
import { codeOf, later, makeTeam, openTestDatabase, t0, type TestTeam } from "@/tests/support/fixtures";
import { verifyDatabase } from "./verify";

// Issue 12, item 10: a manager merges two prospects that are one person; the duplicate's dials,
// callbacks and experiment assignments move to the one kept, which is re-attributed and renumbered.
const db = await openTestDatabase();

const assignmentsOf = (prospectIds: number[]) =>
  db.select().from(experimentAssignment).where(inArray(experimentAssignment.prospectId, prospectIds)).all();

describe("merging prospects", () => {
  it("moves every dial and callback, renumbers the voicemails, re-credits the callback, removes the duplicate, and verify finds nothing", async () => {
    const team = await makeTeam(db, "Merge Team");
    const manager = await team.join("manager", "Mel Manager");
    const rep = await team.join("rep", "Ray Rep");
    const { id: scriptId } = await team.owner.caller.scripts.create({ title: "Opener", stage: "any", body: "Hi {prospect.firstName}.", shared: true });
    const kept = await rep.caller.attempts.log({ prospect: { name: "Ada Park", phone: "212-555-0100" }, outcome: "voicemail", scriptId, at: t0 });
    const dup1 = await rep.caller.attempts.log({ prospect: { name: "Ada Parker", phone: "646-555-0100", company: "Parker & Co" }, outcome: "voicemail", scriptId, at: later(30) });
    const dup2 = await manager.caller.attempts.log({ prospect: { id: dup1.prospectId }, outcome: "voicemail", scriptId, at: later(90) });
    await rep.caller.attempts.log({ prospect: { id: dup1.prospectId }, outcome: "no-message", at: later(95) });
    await rep.caller.callbacks.log({ prospect: { id: dup1.prospectId }, result: "appointment", at: later(100) });
    // Before: the duplicate's voicemails are its own #1 and #2.
    expect((await rep.caller.prospects.get({ id: dup1.prospectId })).attempts.filter((a) => a.outcome === "voicemail").map((a) => a.voicemailNumber).sort()).toEqual([1, 2]);

    expect(await codeOf(rep.caller.prospects.merge({ keepId: kept.prospectId, duplicateId: dup1.prospectId }))).toBe("FORBIDDEN");
    expect(await codeOf(manager.caller.prospects.merge({ keepId: kept.prospectId, duplicateId: kept.prospectId }))).toBe("BAD_REQUEST");

    const merged = await manager.caller.prospects.merge({ keepId: kept.prospectId, duplicateId: dup1.prospectId });
    expect(merged).toEqual({ mergeId: expect.any(Number), keptId: kept.prospectId, mergedName: "Ada Parker", attempts: 3, callbacks: 1 });

    const detail = await manager.caller.prospects.get({ id: kept.prospectId });
    expect(detail.name).toBe("Ada Park");
    expect(detail.company).toBe("Parker & Co");
    const numbers = Object.fromEntries(detail.attempts.filter((a) => a.outcome === "voicemail").map((a) => [a.id, a.voicemailNumber]));
    expect(numbers).toEqual({ [kept.id]: 1, [dup1.id]: 2, [dup2.id]: 3 });
    expect(detail.attempts).toHaveLength(4);
    expect(detail.callbacks.map((c) => c.creditedAttemptId)).toEqual([dup2.id]);
    expect(await codeOf(manager.caller.prospects.get({ id: dup1.prospectId }))).toBe("NOT_FOUND");
    expect((await manager.caller.prospects.search({ query: "646 555 0100" })).map((p) => p.name)).toEqual([]);

    // The rollups (voicemail numbers bucket the attempt dimension) match a recount from scratch.
    const report = await verifyDatabase(db);
    expect(report.differences).toEqual([]);
    expect(report.foreignKeys).toEqual([]);
  });

  it("keeps the kept prospect's arm where both were assigned, moves an assignment the kept one lacks", async () => {
    const team = await makeTeam(db, "Merge Experiments");
    const manager = await team.join("manager", "Meg Manager");
    const rep = await team.join("rep", "Rui Rep");
    const opener = (title: string) => team.owner.caller.scripts.create({ title, stage: "first-touch", body: `${title} for {prospect.firstName}.`, shared: true });
    const [a, b] = [await opener("Opener A"), await opener("Opener B")];
    const started = await manager.caller.experiments.start({ name: "Openers", scriptIds: [a.id, b.id], fromVoicemail: 1, toVoicemail: 1 });
    // Voicemails of now, so the running experiment matches and assigns each prospect.
    const keptVm = await rep.caller.attempts.log({ prospect: { name: "Bo One", phone: "212-555-0201" }, outcome: "voicemail", scriptId: a.id });
    const dupVm = await manager.caller.attempts.log({ prospect: { name: "Bo Uno", phone: "212-555-0202" }, outcome: "voicemail", scriptId: b.id });
    const keptArm = (await assignmentsOf([keptVm.prospectId]))[0]!.armId;
    expect(await assignmentsOf([dupVm.prospectId])).toHaveLength(1);

    await manager.caller.prospects.merge({ keepId: keptVm.prospectId, duplicateId: dupVm.prospectId });
    expect((await assignmentsOf([keptVm.prospectId, dupVm.prospectId])).map((x) => [x.experimentId, x.prospectId, x.armId])).toEqual([[started.id, keptVm.prospectId, keptArm]]);
    // Each voicemail keeps the arm it was recorded under.
    expect(await db.select().from(experimentVoicemail).where(eq(experimentVoicemail.attemptId, dupVm.id)).all()).toHaveLength(1);

    const assigned = await rep.caller.attempts.log({ prospect: { name: "Cy Two", phone: "212-555-0203" }, outcome: "voicemail", scriptId: a.id });
    const unassigned = await rep.caller.attempts.log({ prospect: { name: "Cy Dos", phone: "212-555-0204" }, outcome: "no-message", at: t0 });
    const arm = (await assignmentsOf([assigned.prospectId]))[0]!.armId;
    await manager.caller.prospects.merge({ keepId: unassigned.prospectId, duplicateId: assigned.prospectId });
    expect((await assignmentsOf([unassigned.prospectId, assigned.prospectId])).map((x) => [x.prospectId, x.armId])).toEqual([[unassigned.prospectId, arm]]);
    expect((await verifyDatabase(db)).differences).toEqual([]);
  });

  it("refuses a merge that would hold one dial twice, and another team's prospect, changing nothing", async () => {
    const team = await makeTeam(db, "Merge Clash");
    const { id: scriptId } = await team.owner.caller.scripts.create({ title: "Opener", stage: "any", body: "Hi {prospect.firstName}.", shared: true });
    const one = await team.owner.caller.attempts.log({ prospect: { name: "Di One", phone: "212-555-0301" }, outcome: "voicemail", scriptId, at: t0 });
    const two = await team.owner.caller.attempts.log({ prospect: { name: "Di Two", phone: "212-555-0302" }, outcome: "voicemail", scriptId, at: t0 });
    expect(await codeOf(team.owner.caller.prospects.merge({ keepId: one.prospectId, duplicateId: two.prospectId }))).toBe("CONFLICT");
    expect((await team.owner.caller.prospects.get({ id: two.prospectId })).attempts.map((x) => x.id)).toEqual([two.id]);

    const other = await makeTeam(db, "Merge Stranger");
    const theirs = await other.owner.caller.attempts.log({ prospect: { name: "Ed Else", phone: "212-555-0303" }, outcome: "no-message", at: t0 });
    expect(await codeOf(team.owner.caller.prospects.merge({ keepId: one.prospectId, duplicateId: theirs.prospectId }))).toBe("NOT_FOUND");
    expect(await codeOf(team.owner.caller.prospects.merge({ keepId: theirs.prospectId, duplicateId: one.prospectId }))).toBe("NOT_FOUND");
    expect((await other.owner.caller.prospects.get({ id: theirs.prospectId })).attempts).toHaveLength(1);
    expect((await team.owner.caller.prospects.get({ id: one.prospectId })).attempts).toHaveLength(1);
  });
});

// Issue 12, item 10: a merge has the same undo and audit care as a delete.
describe("undoing a merge", () => {
  // Minutes waiting are counted from the clock of the call, which moves between two reads.
  const withoutClock = <T extends { minutesWaiting: unknown }>(row: T) => ({ ...row, minutesWaiting: "(clock)" });
  /** Everything a merge touches and every number it moves, for a before/after comparison. */
  async function stateOf(team: TestTeam, prospectIds: number[]) {
    const caller = team.owner.caller;
    const byId = <T extends { id: number }>(rows: T[]) => rows.sort((x, y) => x.id - y.id);
    return {
      prospects: byId(await db.select().from(prospect).where(inArray(prospect.id, prospectIds)).all()),
      attempts: byId(await db.select().from(attempt).where(eq(attempt.teamId, team.id)).all()),
      callbacks: byId(await db.select().from(callback).where(eq(callback.teamId, team.id)).all()),
      assignments: await assignmentsOf(prospectIds),
      details: (await Promise.all(prospectIds.map((id) => caller.prospects.get({ id })))).map(withoutClock),
      list: (await caller.prospects.list({ query: "" })).map(withoutClock),
      boards: await Promise.all((["script", "rep", "attempt-number"] as const).map((by) => caller.leaderboard.get({ by }))),
      overview: await caller.leaderboard.overview({}),
    };
  }

  async function mergedPair(name: string) {
    const team = await makeTeam(db, name);
    const manager = await team.join("manager", `${name} Manager`);
    const rep = await team.join("rep", `${name} Rep`);
    const { id: scriptId } = await team.owner.caller.scripts.create({ title: "Opener", stage: "any", body: "Hi {prospect.firstName}.", shared: true });
    const kept = await rep.caller.attempts.log({ prospect: { name: "Flo Kept", phone: "212-555-0400" }, outcome: "voicemail", scriptId, at: t0 });
    await team.owner.caller.callbacks.log({ prospect: { id: kept.prospectId }, result: "interested", at: later(200) });
    const dup = await rep.caller.attempts.log({ prospect: { name: "Flo Twin", phone: "646-555-0400", company: "Twin Co" }, outcome: "voicemail", scriptId, at: later(60) });
    await manager.caller.attempts.log({ prospect: { id: dup.prospectId }, outcome: "voicemail", scriptId, at: later(120) });
    await rep.caller.attempts.log({ prospect: { id: dup.prospectId }, outcome: "connected", at: later(130) });
    const gone = await rep.caller.attempts.log({ prospect: { id: dup.prospectId }, outcome: "no-message", at: later(135) });
    await rep.caller.attempts.remove({ id: gone.id });
    await rep.caller.callbacks.log({ prospect: { id: dup.prospectId }, result: "appointment", at: later(140) });
    await manager.caller.prospects.update({ id: dup.prospectId, status: "engaged" });
    return { team, manager, rep, scriptId, keptId: kept.prospectId, dupId: dup.prospectId };
  }

  it("puts back exactly the previous state: prospects, dials, callbacks, credits, voicemail numbers, boards", async () => {
    const { team, manager, keptId, dupId } = await mergedPair("Undo Exact");
    const before = await stateOf(team, [keptId, dupId]);
    expect(before.list.map((p) => p.name).sort()).toEqual(["Flo Kept", "Flo Twin"]);

    const merged = await manager.caller.prospects.merge({ keepId: keptId, duplicateId: dupId });
    expect(merged).toMatchObject({ attempts: 4, callbacks: 1 });
    // While merged there is one prospect: the duplicate is in no list, search or detail.
    expect((await manager.caller.prospects.list({ query: "" })).map((p) => p.name)).toEqual(["Flo Kept"]);
    expect(await manager.caller.prospects.search({ query: "646 555 0400" })).toEqual([]);
    expect(await codeOf(manager.caller.prospects.get({ id: dupId }))).toBe("NOT_FOUND");
    const numbers = await manager.caller.leaderboard.get({ by: "attempt-number" });
    expect(numbers).not.toEqual(before.boards[2]);
    expect((await verifyDatabase(db)).differences).toEqual([]);

    const undone = await manager.caller.prospects.undoMerge({ mergeId: merged.mergeId });
    expect(undone).toEqual({ mergeId: merged.mergeId, keptId, duplicateId: dupId, duplicateName: "Flo Twin", attempts: 4, callbacks: 1 });
    expect(await stateOf(team, [keptId, dupId])).toEqual(before);
    const report = await verifyDatabase(db);
    expect(report.differences).toEqual([]);
    expect(report.foreignKeys).toEqual([]);

    // Once undone, it is not undone twice; the trail shows the merge and who undid it.
    expect(await codeOf(manager.caller.prospects.undoMerge({ mergeId: merged.mergeId }))).toBe("CONFLICT");
    const trail = await team.owner.caller.prospects.merges();
    expect(trail).toEqual([
      expect.objectContaining({ id: merged.mergeId, keptName: "Flo Kept", duplicateName: "Flo Twin", attempts: 4, callbacks: 1, byName: "Undo Exact Manager", undoneByName: "Undo Exact Manager", undoable: false }),
    ]);
  });

  it("keeps on the kept prospect what was logged there after the merge, and the duplicate's arm where both were assigned", async () => {
    const { team, manager, rep, scriptId, keptId, dupId } = await mergedPair("Undo Later");
    const merged = await manager.caller.prospects.merge({ keepId: keptId, duplicateId: dupId });
    const after = await rep.caller.attempts.log({ prospect: { id: keptId }, outcome: "voicemail", scriptId, at: later(300) });
    await manager.caller.prospects.undoMerge({ mergeId: merged.mergeId });
    const kept = await team.owner.caller.prospects.get({ id: keptId });
    expect(kept.attempts.map((a) => [a.id, a.voicemailNumber])).toEqual([[after.id, 2], [expect.any(Number), 1]]);
    expect((await team.owner.caller.prospects.get({ id: dupId })).attempts).toHaveLength(4);
    expect((await verifyDatabase(db)).differences).toEqual([]);

    // Both assigned in one experiment: the merge dropped the duplicate's assignment, Undo puts it back.
    const opener = (title: string) => team.owner.caller.scripts.create({ title, stage: "first-touch", body: `${title} for {prospect.firstName}.`, shared: true });
    const [a, b] = [await opener("Arm A"), await opener("Arm B")];
    await manager.caller.experiments.start({ name: "Arms", scriptIds: [a.id, b.id], fromVoicemail: 1, toVoicemail: 1 });
    const one = await rep.caller.attempts.log({ prospect: { name: "Gus One", phone: "212-555-0411" }, outcome: "voicemail", scriptId: a.id });
    const two = await rep.caller.attempts.log({ prospect: { name: "Gus Two", phone: "212-555-0412" }, outcome: "voicemail", scriptId: b.id });
    const arms = await assignmentsOf([one.prospectId, two.prospectId]);
    const again = await manager.caller.prospects.merge({ keepId: one.prospectId, duplicateId: two.prospectId });
    expect(await assignmentsOf([one.prospectId, two.prospectId])).toHaveLength(1);
    await manager.caller.prospects.undoMerge({ mergeId: again.mergeId });
    expect(await assignmentsOf([one.prospectId, two.prospectId])).toEqual(arms);
  });

  it("refuses a rep, another team, a taken phone number, a kept prospect merged away since, and an old merge", async () => {
    const { team, manager, rep, keptId, dupId } = await mergedPair("Undo Refused");
    const merged = await manager.caller.prospects.merge({ keepId: keptId, duplicateId: dupId });
    expect(await codeOf(rep.caller.prospects.undoMerge({ mergeId: merged.mergeId }))).toBe("FORBIDDEN");
    expect(await codeOf(rep.caller.prospects.merges())).toBe("FORBIDDEN");
    const other = await makeTeam(db, "Undo Stranger");
    expect(await codeOf(other.owner.caller.prospects.undoMerge({ mergeId: merged.mergeId }))).toBe("NOT_FOUND");
    expect(await other.owner.caller.prospects.merges()).toEqual([]);

    // Someone took the duplicate's number while it was merged: Undo says who, and changes nothing.
    const taker = await rep.caller.attempts.log({ prospect: { name: "Hal Newcomer", phone: "646-555-0400" }, outcome: "no-message", at: later(400) });
    const beforeRefusal = await stateOf(team, [keptId, taker.prospectId]);
    await expect(manager.caller.prospects.undoMerge({ mergeId: merged.mergeId })).rejects.toThrow("Hal Newcomer now has Flo Twin's phone number");
    expect(await stateOf(team, [keptId, taker.prospectId])).toEqual(beforeRefusal);

    // The kept prospect merged into a third: that merge is undone first.
    const third = await rep.caller.attempts.log({ prospect: { name: "Ivy Third", phone: "212-555-0499" }, outcome: "no-message", at: later(500) });
    const onward = await manager.caller.prospects.merge({ keepId: third.prospectId, duplicateId: keptId });
    await expect(manager.caller.prospects.undoMerge({ mergeId: merged.mergeId })).rejects.toThrow("Flo Kept was merged into Ivy Third afterwards: undo that merge first.");
    expect((await manager.caller.prospects.merges()).map((m) => [m.id, m.undoable])).toEqual([[onward.mergeId, true], [merged.mergeId, false]]);
    await manager.caller.prospects.undoMerge({ mergeId: onward.mergeId });

    // Older than the window: refused.
    await db.update(prospectMerge).set({ createdAt: new Date(Date.now() - (MERGE_UNDO_DAYS + 1) * 86_400_000) }).where(eq(prospectMerge.id, merged.mergeId)).run();
    expect(await codeOf(manager.caller.prospects.undoMerge({ mergeId: merged.mergeId }))).toBe("CONFLICT");
    expect((await verifyDatabase(db)).differences).toEqual([]);
  });
});
