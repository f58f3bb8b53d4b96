import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attempt, callback, prospect } from "@/db/schema";
import { makeTeam, openTestDatabase } from "@/tests/support/fixtures";

// The rep's day end to end through the router: a voicemail, a callback, its credit, the
// leaderboard (DESIGN.md, "Attribution", "Ranking"). One migrated database for the file; each
// test makes its own team so the tests do not lean on each other.
const db = await openTestDatabase();

const t0 = new Date("2025-03-03T14:00:00Z"); // 09:00 in New York
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const DAY_MINUTES = 24 * 60;

const prospectsOf = (teamId: string) => db.select().from(prospect).where(eq(prospect.teamId, teamId)).all();

let teams = 0;
async function teamWithScript(title = "24-second opener") {
  const team = await makeTeam(db, `Calls ${++teams}`);
  const rep = await team.join("rep", `Rita Rep ${teams}`);
  const script = await team.owner.caller.scripts.create({
    title,
    stage: "first-touch",
    tags: ["number-early", "under-30s"],
    body: "Hi {prospect.firstName}, it's {rep.name}, my number is {rep.phone}. Call me back.",
  });
  return { team, rep, script };
}

describe("a voicemail, its callback and the leaderboard", () => {
  it("credits a callback to the voicemail across phone formats and ranks it once the minimum sample allows", async () => {
    const { team, rep, script } = await teamWithScript();

    const voicemail = await rep.caller.attempts.log({
      prospect: { name: "Jordan Avery", phone: "(516) 541-8160", company: "Northwind Logistics" },
      outcome: "voicemail",
      scriptId: script.id,
      messageSeconds: 24,
      at: t0,
    });
    const returned = await rep.caller.callbacks.log({
      prospect: { name: "Jordan Avery", phone: "+1 516 541 8160" },
      result: "interested",
      at: later(90),
    });

    expect(returned.prospectId).toBe(voicemail.prospectId);
    expect(returned.credit).toEqual({
      attemptId: voicemail.id,
      at: t0,
      voicemailNumber: 1,
      scriptTitle: "24-second opener",
      versionNumber: 1,
      repName: rep.user.name,
    });

    const board = await rep.caller.leaderboard.get({ by: "script" });
    expect(board.minSample).toBe(10);
    expect(board.unattributedCallbacks).toBe(0);
    expect(board.rows).toEqual([
      expect.objectContaining({
        key: "24-second opener",
        voicemails: 1,
        returned: 1,
        rate: 1,
        appointments: 0,
        medianMinutesToCallback: 90,
        ranked: false,
        rank: null,
      }),
    ]);
    // 1 of 1: Wilson lower bound 1 / (1 + z²) = 0.2065 (closed form for x = n), upper 1.
    expect(board.rows[0].ciLow).toBeCloseTo(0.2065, 4);
    expect(board.rows[0].ciHigh).toBe(1);

    await team.owner.caller.teams.updateSettings({ minSample: 1 });
    const ranked = await rep.caller.leaderboard.get({ by: "script" });
    expect(ranked.minSample).toBe(1);
    expect(ranked.rows).toEqual([expect.objectContaining({ key: "24-second opener", ranked: true, rank: 1 })]);
  });

  it("matches one prospect, never a duplicate, for all three phone formats", async () => {
    const { team, rep, script } = await teamWithScript();
    const formats = ["516-541-8160", "(516) 541-8160", "+1 516 541 8160"];
    const ids = [];
    for (const [i, phone] of formats.entries()) {
      const logged = await rep.caller.attempts.log({ prospect: { name: `Jordan ${i}`, phone }, outcome: "voicemail", scriptId: script.id, at: later(i * DAY_MINUTES) });
      ids.push(logged.prospectId);
    }
    expect(new Set(ids).size).toBe(1);
    expect(await prospectsOf(team.id)).toEqual([expect.objectContaining({ phone: "+15165418160", name: "Jordan 0" })]);

    const search = await rep.caller.prospects.search({ query: "516-541-8160" });
    expect(search.map((p) => p.id)).toEqual([ids[0]]);

    const voicemails = await db.select({ n: attempt.voicemailNumber }).from(attempt).where(eq(attempt.prospectId, ids[0])).orderBy(attempt.at).all();
    expect(voicemails.map((v) => v.n)).toEqual([1, 2, 3]);
  });
});

describe("attribution through the services", () => {
  it("credits the latest voicemail by any rep: the rep who left it gets the return", async () => {
    const { team, rep, script } = await teamWithScript();
    const colleague = await team.join("rep", "Carl Colleague");
    const first = await rep.caller.attempts.log({ prospect: { name: "Pat", phone: "516-541-8160" }, outcome: "voicemail", scriptId: script.id, at: t0 });
    const second = await colleague.caller.attempts.log({ prospect: { id: first.prospectId }, outcome: "voicemail", scriptId: script.id, at: later(DAY_MINUTES) });
    // The first rep logs the callback; the colleague's later voicemail still gets the credit.
    const returned = await rep.caller.callbacks.log({ prospect: { id: first.prospectId }, result: "appointment", at: later(DAY_MINUTES + 30) });
    expect(returned.credit).toMatchObject({ attemptId: second.id, voicemailNumber: 2, repName: "Carl Colleague" });

    const byRep = await team.owner.caller.leaderboard.get({ by: "rep" });
    const row = (email: string) => byRep.rows.find((r) => r.key === email);
    expect(row(colleague.user.email)).toMatchObject({ voicemails: 1, returned: 1, appointments: 1 });
    expect(row(rep.user.email)).toMatchObject({ voicemails: 1, returned: 0, appointments: 0 });

    const status = await db.select({ status: prospect.status }).from(prospect).where(eq(prospect.id, first.prospectId)).get();
    expect(status).toEqual({ status: "appointment" });
  });

  it("counts a voicemail returned twice once, with its first callback time", async () => {
    const { rep, script } = await teamWithScript();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Pat", phone: "516-541-8160" }, outcome: "voicemail", scriptId: script.id, at: t0 });
    await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: later(60) });
    await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "appointment", at: later(240) });

    const board = await rep.caller.leaderboard.get({ by: "script" });
    expect(board.rows).toEqual([expect.objectContaining({ voicemails: 1, returned: 1, rate: 1, appointments: 1, medianMinutesToCallback: 60 })]);
    const stored = await db.select({ returnedAt: attempt.returnedAt }).from(attempt).where(eq(attempt.id, vm.id)).get();
    expect(stored?.returnedAt).toEqual(later(60));
  });

  it("leaves a callback outside the window unattributed: in the totals, in no rate", async () => {
    const { rep, script } = await teamWithScript();
    const vm = await rep.caller.attempts.log({ prospect: { name: "Pat", phone: "516-541-8160" }, outcome: "voicemail", scriptId: script.id, at: t0 });
    const late = await rep.caller.callbacks.log({ prospect: { id: vm.prospectId }, result: "interested", at: new Date(t0.getTime() + 14 * 86_400_000 + 1) });
    expect(late.credit).toBeNull();

    const board = await rep.caller.leaderboard.get({ by: "script" });
    expect(board.unattributedCallbacks).toBe(1);
    expect(board.rows).toEqual([expect.objectContaining({ voicemails: 1, returned: 0, rate: 0 })]);
    const stored = await db.select({ credited: callback.creditedAttemptId }).from(callback).where(eq(callback.id, late.id)).get();
    expect(stored).toEqual({ credited: null });
  });

  it("re-credits an earlier callback when a voicemail is logged after the fact", async () => {
    const { rep, script } = await teamWithScript();
    // The callback comes in first; the rep then logs the voicemail they left that morning.
    const cb = await rep.caller.callbacks.log({ prospect: { name: "Pat", phone: "516-541-8160" }, result: "interested", at: later(120) });
    expect(cb.credit).toBeNull();
    const vm = await rep.caller.attempts.log({ prospect: { id: cb.prospectId }, outcome: "voicemail", scriptId: script.id, at: t0 });
    const stored = await db.select({ credited: callback.creditedAttemptId }).from(callback).where(eq(callback.id, cb.id)).get();
    expect(stored).toEqual({ credited: vm.id });
  });

  it("counts only voicemails in the leaderboard, not other dials", async () => {
    const { rep, script } = await teamWithScript();
    await rep.caller.attempts.log({ prospect: { name: "Pat", phone: "516-541-8160" }, outcome: "no-message", at: t0 });
    await rep.caller.attempts.log({ prospect: { name: "Pat", phone: "516-541-8160" }, outcome: "voicemail", scriptId: script.id, at: later(10) });
    const board = await rep.caller.leaderboard.get({ by: "rep" });
    expect(board.rows).toEqual([expect.objectContaining({ key: rep.user.email, voicemails: 1 })]);
    const mine = await rep.caller.attempts.mine({ since: t0 });
    expect(mine.map((a) => [a.outcome, a.voicemailNumber])).toEqual([
      ["voicemail", 1],
      ["no-message", null],
    ]);
  });

  it("refuses the same dial logged twice with CONFLICT", async () => {
    const { rep } = await teamWithScript();
    const dial = { prospect: { name: "Pat", phone: "516-541-8160" }, outcome: "no-message" as const, at: t0 };
    await rep.caller.attempts.log(dial);
    await expect(rep.caller.attempts.log(dial)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
