import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attempt, callback, prospect } from "@/db/schema";
import { makeTeam, openTestDatabase, codeOf, t0, later } from "@/tests/support/fixtures";

// Callbacks (issue 3): the preview before saving says exactly what saving will store; edits,
// deletes and restores re-run attribution; another team's callbacks do not exist.
const db = await openTestDatabase();

const DAY = 24 * 60;

let teams = 0;
async function setup() {
  const team = await makeTeam(db, `Callbacks ${++teams}`);
  const rep = await team.join("rep", `Rita Rep ${teams}`);
  const opener = await team.owner.caller.scripts.create({ title: "Number early", stage: "first-touch", body: "Hi {prospect.firstName}, {rep.name} here." });
  const nudge = await team.owner.caller.scripts.create({ title: "Nudge", stage: "follow-up", body: "Hi again {prospect.firstName}." });
  return { team, rep, opener, nudge };
}

const creditOf = async (callbackId: number) => (await db.select({ credited: callback.creditedAttemptId }).from(callback).where(eq(callback.id, callbackId)).get())?.credited;
const returnedAt = async (attemptId: number) => (await db.select({ at: attempt.returnedAt }).from(attempt).where(eq(attempt.id, attemptId)).get())?.at;

describe("times", () => {
  it("refuses a callback or dial later than now plus a few minutes of clock skew, on log and on edit, and stores nothing", async () => {
    const { rep, opener } = await setup();
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const dial = await rep.caller.attempts.log({ prospect: { name: "Fay Future", phone: "516-541-7001" }, outcome: "voicemail", scriptId: opener.id });
    const refused = rep.caller.callbacks.log({ prospect: { id: dial.prospectId }, result: "interested", at: tomorrow });
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST", message: "This time is in the future: log a dial or a callback once it has happened." });
    expect(await codeOf(rep.caller.callbacks.log({ prospect: { id: dial.prospectId }, result: "interested", at: "2099-06-01T09:00:00Z" }))).toBe("BAD_REQUEST");
    expect(await codeOf(rep.caller.attempts.log({ prospect: { id: dial.prospectId }, outcome: "no-message", at: tomorrow }))).toBe("BAD_REQUEST");
    expect(await codeOf(rep.caller.attempts.update({ id: dial.id, at: tomorrow }))).toBe("BAD_REQUEST");
    expect(await db.select().from(callback).where(eq(callback.prospectId, dial.prospectId)).all()).toHaveLength(0);
    // Two minutes ahead is another device's clock running fast: accepted.
    const skewed = await rep.caller.callbacks.log({ prospect: { id: dial.prospectId }, result: "interested", at: new Date(Date.now() + 2 * 60_000) });
    expect(skewed.credit?.attemptId).toBe(dial.id);
    expect(await codeOf(rep.caller.callbacks.update({ id: skewed.id, at: tomorrow }))).toBe("BAD_REQUEST");
  });
});

describe("preview before saving", () => {
  it("names the voicemail that will be credited, found by the pasted number in any format", async () => {
    const { rep, opener } = await setup();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Dana Whitfield", phone: "(516) 541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const preview = await rep.caller.callbacks.preview({ phone: "+1 516 541 8160", at: later(95) });
    expect(preview).toMatchObject({
      prospect: { id: vm.prospectId, name: "Dana Whitfield" },
      reason: null,
      credit: { attemptId: vm.id, voicemailNumber: 1, scriptTitle: "Number early", repName: rep.user.name, minutesBefore: 95 },
    });
    const saved = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: later(95) });
    expect(saved.credit?.attemptId).toBe(preview.credit?.attemptId);
  });

  it.each([
    { name: "an unknown number", phone: "212-555-0199", offset: 60, reason: "new-prospect" },
    { name: "a callback before any voicemail", phone: "516-541-8160", offset: -60, reason: "no-voicemail-before" },
    { name: "a callback outside the 14-day window", phone: "516-541-8160", offset: 15 * DAY, reason: "outside-window" },
    { name: "text that is no phone number", phone: "1234", offset: 0, reason: "not-a-phone" },
  ])("says why $name would be unattributed", async ({ phone, offset, reason }) => {
    const { rep, opener } = await setup();
    await rep.caller.attempts.log({ prospect: { name: "Dana Whitfield", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const preview = await rep.caller.callbacks.preview({ phone, at: later(offset) });
    expect(preview).toMatchObject({ credit: null, reason });
  });
});

describe("editing, deleting and restoring callbacks", () => {
  it("re-credits a callback edited to an earlier time, before the second voicemail", async () => {
    const { rep, opener, nudge } = await setup();
    const first = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const second = await rep.caller.attempts.log({ prospect: { id: first.prospectId }, outcome: "voicemail", scriptId: nudge.id, at: later(DAY) });
    const cb = await rep.caller.callbacks.log({ prospect: { id: first.prospectId }, result: "interested", at: later(DAY + 30) });
    expect(await creditOf(cb.id)).toBe(second.id);

    const edited = await rep.caller.callbacks.update({ id: cb.id, at: later(120) });
    expect(edited.credit).toMatchObject({ attemptId: first.id, voicemailNumber: 1, scriptTitle: "Number early" });
    expect(await returnedAt(first.id)).toEqual(later(120));
    expect(await returnedAt(second.id)).toBeNull();
  });

  it("counts two callbacks for one voicemail once, and the earlier stays the return time after one is deleted", async () => {
    const { rep, opener } = await setup();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const a = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: later(60) });
    const b = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "other", at: later(180) });
    expect([await creditOf(a.id), await creditOf(b.id)]).toEqual([vm.id, vm.id]);
    const board = await rep.caller.leaderboard.get({ by: "script" });
    expect(board.rows).toEqual([expect.objectContaining({ key: "Number early", voicemails: 1, returned: 1, rate: 1 })]);

    await rep.caller.callbacks.remove({ id: a.id });
    expect(await returnedAt(vm.id)).toEqual(later(180));
    expect(await creditOf(a.id)).toBe(vm.id);
    await rep.caller.callbacks.restore({ id: a.id });
    expect(await returnedAt(vm.id)).toEqual(later(60));
  });

  it("deleting the only callback makes the voicemail unreturned again; restoring returns it", async () => {
    const { rep, opener } = await setup();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const cb = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: later(60) });
    await rep.caller.callbacks.remove({ id: cb.id });
    expect(await returnedAt(vm.id)).toBeNull();
    const restored = await rep.caller.callbacks.restore({ id: cb.id });
    expect(restored.credit).toMatchObject({ attemptId: vm.id });
    expect(await returnedAt(vm.id)).toEqual(later(60));
  });

  it("an edit to appointment moves the prospect to status appointment", async () => {
    const { rep, opener } = await setup();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const cb = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: later(60) });
    await rep.caller.callbacks.update({ id: cb.id, result: "appointment", notes: "Tuesday 10:00" });
    expect(await db.select({ status: prospect.status }).from(prospect).where(eq(prospect.id, vm.prospectId)).get()).toEqual({ status: "appointment" });
    expect(await db.select({ appointment: attempt.appointment }).from(attempt).where(eq(attempt.id, vm.id)).get()).toEqual({ appointment: true });
  });

  it("another team's callback is NOT_FOUND for update, remove and restore, and is not previewable by id", async () => {
    const { rep, opener } = await setup();
    const other = await setup();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const cb = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: later(60) });
    for (const who of [other.team.owner, other.rep]) {
      expect(await codeOf(who.caller.callbacks.update({ id: cb.id, notes: "x" }))).toBe("NOT_FOUND");
      expect(await codeOf(who.caller.callbacks.remove({ id: cb.id }))).toBe("NOT_FOUND");
      expect(await codeOf(who.caller.callbacks.restore({ id: cb.id }))).toBe("NOT_FOUND");
      expect(await codeOf(who.caller.callbacks.preview({ prospectId: vm.prospectId }))).toBe("NOT_FOUND");
    }
    // The same number in the other team is a different (new) prospect there.
    expect(await other.rep.caller.callbacks.preview({ phone: "516-541-8160" })).toMatchObject({ prospect: null, reason: "new-prospect" });
    expect(await db.select().from(callback).where(eq(callback.id, cb.id)).get()).toMatchObject({ notes: null, deletedAt: null });
  });

  it("a rep cannot change a callback another rep logged; a manager can", async () => {
    const { team, rep, opener } = await setup();
    const colleague = await team.join("rep", "Colin Colleague");
    const manager = await team.join("manager", "Mia Manager");
    const vm = await rep.caller.attempts.log({ prospect: { name: "Pat Lee", phone: "516-541-8160" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const cb = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: later(60) });
    expect(await codeOf(colleague.caller.callbacks.update({ id: cb.id, result: "other" }))).toBe("FORBIDDEN");
    expect(await codeOf(colleague.caller.callbacks.remove({ id: cb.id }))).toBe("FORBIDDEN");
    await manager.caller.callbacks.update({ id: cb.id, notes: "Checked" });
    expect(await db.select({ notes: callback.notes }).from(callback).where(eq(callback.id, cb.id)).get()).toEqual({ notes: "Checked" });
  });
});

describe("an appointment's status follows its callback", () => {
  const statusOf = async (prospectId: number) => (await db.select({ status: prospect.status }).from(prospect).where(eq(prospect.id, prospectId)).get())?.status;

  it("goes back to engaged when the appointment is undone, and returns with the restore", async () => {
    const { rep, opener } = await setup();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Ada Appointment", phone: "516-541-8170" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const booked = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "appointment", at: later(30) });
    expect(await statusOf(vm.prospectId)).toBe("appointment");

    await rep.caller.callbacks.remove({ id: booked.id });
    expect(await statusOf(vm.prospectId)).toBe("engaged");
    await rep.caller.callbacks.restore({ id: booked.id });
    expect(await statusOf(vm.prospectId)).toBe("appointment");

    await rep.caller.callbacks.update({ id: booked.id, result: "interested" });
    expect(await statusOf(vm.prospectId)).toBe("engaged");
  });

  it("keeps the appointment while another appointment callback stands", async () => {
    const { rep, opener } = await setup();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Bo Booked", phone: "516-541-8171" }, outcome: "voicemail", scriptId: opener.id, at: t0 });
    const first = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "appointment", at: later(30) });
    await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "appointment", at: later(90) });
    await rep.caller.callbacks.remove({ id: first.id });
    expect(await statusOf(vm.prospectId)).toBe("appointment");
  });
});
