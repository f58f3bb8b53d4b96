import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attempt, callback } from "@/db/schema";
import { makeTeam, openTestDatabase, codeOf, t0, later } from "@/tests/support/fixtures";
import { verifyDatabase } from "./verify";

// Editing, deleting and restoring dials (issue 3): attribution re-runs in the same transaction,
// reps change only their own dials, and another team's ids do not exist.
const db = await openTestDatabase();

const DAY = 24 * 60;

let teams = 0;
async function setup() {
  const team = await makeTeam(db, `Attempts ${++teams}`);
  const rep = await team.join("rep", `Rita Rep ${teams}`);
  const opener = await team.owner.caller.scripts.create({ title: "Opener", stage: "first-touch", body: "Hi {prospect.firstName}, {rep.name} here." });
  const nudge = await team.owner.caller.scripts.create({ title: "Nudge", stage: "follow-up", body: "Hi again {prospect.firstName}." });
  return { team, rep, opener, nudge };
}

const creditOf = async (callbackId: number) => (await db.select({ credited: callback.creditedAttemptId }).from(callback).where(eq(callback.id, callbackId)).get())?.credited;
const stored = async (attemptId: number) => (await db.select().from(attempt).where(eq(attempt.id, attemptId)).get())!;

describe("deleting and restoring a voicemail", () => {
  it("moves the credit to the previous voicemail when the credited one is deleted, and back when restored", async () => {
    const { rep, opener, nudge } = await setup();
    const first = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const second = await rep.caller.attempts.log({ prospect: { id: first.prospectId }, outcome: "voicemail", scriptId: nudge.id, at: later(DAY) });
    const cb = await rep.caller.callbacks.log({ prospect: { id: first.prospectId }, result: "interested", at: later(DAY + 60) });
    expect(cb.credit).toMatchObject({ attemptId: second.id, voicemailNumber: 2, scriptTitle: "Nudge" });

    await rep.caller.attempts.remove({ id: second.id });
    expect(await creditOf(cb.id)).toBe(first.id);
    expect(await stored(first.id)).toMatchObject({ returnedAt: later(DAY + 60), voicemailNumber: 1 });
    expect(await stored(second.id)).toMatchObject({ voicemailNumber: null, returnedAt: null, deletedAt: expect.any(Date) });

    await rep.caller.attempts.restore({ id: second.id });
    expect(await creditOf(cb.id)).toBe(second.id);
    expect(await stored(first.id)).toMatchObject({ returnedAt: null, voicemailNumber: 1 });
    expect(await stored(second.id)).toMatchObject({ returnedAt: later(DAY + 60), voicemailNumber: 2, deletedAt: null });
  });

  it("keeps a deleted dial out of today's list and counters and lists it as deleted until restored", async () => {
    const { rep, opener } = await setup();
    const now = new Date();
    const dial = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "212-555-0100" }, outcome: "voicemail", scriptId: opener.id, at: now });
    expect((await rep.caller.attempts.today()).counters).toMatchObject({ dials: 1, voicemails: 1 });
    await rep.caller.attempts.remove({ id: dial.id });
    const afterDelete = await rep.caller.attempts.today();
    expect(afterDelete.counters).toMatchObject({ dials: 0, voicemails: 0 });
    expect(afterDelete.deleted.map((d) => d.id)).toEqual([dial.id]);
    await rep.caller.attempts.restore({ id: dial.id });
    const restored = await rep.caller.attempts.today();
    expect(restored.dials.map((d) => d.id)).toEqual([dial.id]);
    expect(restored.deleted).toEqual([]);
  });
});

describe("editing a dial", () => {
  it("re-credits callbacks when a voicemail's time moves after them, and back", async () => {
    const { rep, opener } = await setup();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const cb = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: later(30) });
    expect(await creditOf(cb.id)).toBe(vm.id);
    await rep.caller.attempts.update({ id: vm.id, at: later(45) });
    expect(await creditOf(cb.id)).toBeNull();
    await rep.caller.attempts.update({ id: vm.id, at: later(10) });
    expect(await creditOf(cb.id)).toBe(vm.id);
  });

  it("turns a voicemail into a no-message dial: script and seconds go, credit goes", async () => {
    const { rep, opener } = await setup();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, messageSeconds: 24, at: t0 });
    const cb = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: later(30) });
    await rep.caller.attempts.update({ id: vm.id, outcome: "no-message", notes: "Mailbox full" });
    expect(await stored(vm.id)).toMatchObject({ outcome: "no-message", scriptVersionId: null, messageSeconds: null, notes: "Mailbox full", voicemailNumber: null });
    expect(await creditOf(cb.id)).toBeNull();
  });

  it("requires a script when a dial becomes a voicemail, and changes the script when asked", async () => {
    const { rep, opener, nudge } = await setup();
    const dial = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "no-message", at: t0 });
    expect(await codeOf(rep.caller.attempts.update({ id: dial.id, outcome: "voicemail" }))).toBe("BAD_REQUEST");
    await rep.caller.attempts.update({ id: dial.id, outcome: "voicemail", scriptId: opener.id, messageSeconds: 20 });
    expect(await stored(dial.id)).toMatchObject({ outcome: "voicemail", messageSeconds: 20, voicemailNumber: 1 });
    await rep.caller.attempts.update({ id: dial.id, scriptId: nudge.id });
    const today = await rep.caller.attempts.mine({ since: t0 });
    expect(today[0]).toMatchObject({ scriptTitle: "Nudge", messageSeconds: 20 });
  });
});

describe("who may change a dial", () => {
  it("a rep cannot edit, delete or restore another rep's dial; a manager can", async () => {
    const { team, rep, opener } = await setup();
    const colleague = await team.join("rep", "Colin Colleague");
    const manager = await team.join("manager", "Mia Manager");
    const dial = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    expect(await codeOf(colleague.caller.attempts.update({ id: dial.id, notes: "mine now" }))).toBe("FORBIDDEN");
    expect(await codeOf(colleague.caller.attempts.remove({ id: dial.id }))).toBe("FORBIDDEN");
    expect(await codeOf(colleague.caller.attempts.restore({ id: dial.id }))).toBe("FORBIDDEN");
    expect(await stored(dial.id)).toMatchObject({ notes: null, deletedAt: null });

    await manager.caller.attempts.update({ id: dial.id, notes: "Coached: leave the number twice" });
    await manager.caller.attempts.remove({ id: dial.id });
    expect(await stored(dial.id)).toMatchObject({ notes: "Coached: leave the number twice", deletedAt: expect.any(Date) });
    await manager.caller.attempts.restore({ id: dial.id });
    expect((await stored(dial.id)).deletedAt).toBeNull();
  });

  it("another team's dial is NOT_FOUND for update, remove and restore, and stays untouched", async () => {
    const { rep, opener } = await setup();
    const other = await setup();
    const dial = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    for (const who of [other.team.owner, other.rep]) {
      expect(await codeOf(who.caller.attempts.update({ id: dial.id, notes: "x" }))).toBe("NOT_FOUND");
      expect(await codeOf(who.caller.attempts.remove({ id: dial.id }))).toBe("NOT_FOUND");
      expect(await codeOf(who.caller.attempts.restore({ id: dial.id }))).toBe("NOT_FOUND");
    }
    expect(await stored(dial.id)).toMatchObject({ notes: null, deletedAt: null });
  });

  it("refuses an edit that would make two identical dials with CONFLICT", async () => {
    const { rep } = await setup();
    const a = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "no-message", at: t0 });
    await rep.caller.attempts.log({ prospect: { id: a.prospectId }, outcome: "no-message", at: later(5) });
    expect(await codeOf(rep.caller.attempts.update({ id: a.id, at: later(5) }))).toBe("CONFLICT");
    expect((await stored(a.id)).at).toEqual(t0);
  });
});

describe("logging a voicemail", () => {
  it("logged between others, renumbers the later ones and takes the credit of a callback after it, rollups exact", async () => {
    const { rep, opener, nudge } = await setup();
    const first = await rep.caller.attempts.log({ prospect: { name: "Lou Park", phone: "516-541-8161" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const third = await rep.caller.attempts.log({ prospect: { id: first.prospectId }, outcome: "voicemail", scriptId: nudge.id, at: later(3 * DAY) });
    const cb = await rep.caller.callbacks.log({ prospect: { id: first.prospectId }, result: "appointment", at: later(DAY + 60) });
    expect(await creditOf(cb.id)).toBe(first.id);

    // Backdated between the two, before the callback: it is voicemail 2, the callback's, and the old third moves to 3.
    const second = await rep.caller.attempts.log({ prospect: { id: first.prospectId }, outcome: "voicemail", scriptId: nudge.id, at: later(DAY) });
    expect(await creditOf(cb.id)).toBe(second.id);
    expect(await stored(first.id)).toMatchObject({ voicemailNumber: 1, returnedAt: null, appointment: false });
    expect(await stored(second.id)).toMatchObject({ voicemailNumber: 2, returnedAt: later(DAY + 60), appointment: true });
    expect(await stored(third.id)).toMatchObject({ voicemailNumber: 3, returnedAt: null });
    expect((await verifyDatabase(db)).differences).toEqual([]);
  });
});
