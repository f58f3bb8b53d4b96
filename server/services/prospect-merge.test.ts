import { describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { experimentAssignment, experimentVoicemail } from "@/db/schema";
import { codeOf, later, makeTeam, openTestDatabase, t0 } from "@/tests/support/fixtures";
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
    expect(merged).toEqual({ keptId: kept.prospectId, mergedName: "Ada Parker", attempts: 3, callbacks: 1 });

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
