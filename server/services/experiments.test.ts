import { describe, expect, it } from "vitest";
import { prospect } from "@/db/schema";
import { readCsv } from "@/server/domain/csv-read";
import { codeOf, makeTeam, openTestDatabase, type TeamMember } from "@/tests/support/fixtures";
import { armForVoicemail } from "./experiment-assignment";
import { EXPERIMENTS_CSV_COLUMNS, experimentsCsv } from "./experiments-csv";

// Experiments (issue 16): balanced, sticky random assignment of prospects to arms, only for the
// voicemails an experiment matches, counted by assignment (intention to treat) beside what the
// reps actually read; the manager's start, plan and end; the CSV for tools.
const db = await openTestDatabase();

let teams = 0;
async function setup() {
  const team = await makeTeam(db, `Experiments ${++teams}`);
  const manager = await team.join("manager", `Mona Manager ${teams}`);
  const rep = await team.join("rep", `Rick Rep ${teams}`);
  const script = (title: string, stage: "first-touch" | "follow-up" | "last-try", shared = true) =>
    team.owner.caller.scripts.create({ title, stage, body: `${title} for {prospect.firstName}.`, shared });
  return {
    team,
    manager,
    rep,
    openerA: await script("Opener Alpha", "first-touch"),
    openerB: await script("Opener Bravo", "first-touch"),
    openerC: await script("Opener Charlie", "first-touch"),
    nudge: await script("Nudge", "follow-up"),
    nudgeTwo: await script("Nudge Two", "follow-up"),
    script,
  };
}

const phoneOf = (i: number) => String(2123000000 + i);
const voicemail = (who: TeamMember, i: number, scriptId: number) =>
  who.caller.attempts.log({ prospect: { name: `Prospect ${i}`, phone: phoneOf(i) }, outcome: "voicemail", scriptId });

describe("assignment", () => {
  it("balances 1,000 prospects across the arms to within a few percent", async () => {
    const { team, manager, rep, openerA, openerB, openerC } = await setup();
    const started = await manager.caller.experiments.start({ name: "Openers", scriptIds: [openerA.id, openerB.id, openerC.id], fromVoicemail: 1, toVoicemail: 1 });
    // Prospects written directly, then assigned as Today's first look at each assigns them.
    const rows = Array.from({ length: 1000 }, (_, i) => ({ teamId: team.id, name: `Prospect ${i}`, phone: `+1${phoneOf(i)}` }));
    const ids = (await db.insert(prospect).values(rows).returning({ id: prospect.id }).all()).map((r) => r.id);
    const actor = { userId: rep.user.id, teamId: team.id, role: "rep" as const };
    const arms: string[] = [];
    for (const id of ids) arms.push((await armForVoicemail(db, actor, id, 1, new Date(), true))!.arm);
    const detail = await manager.caller.experiments.get({ id: started.id });
    expect(detail.arms.map((a) => a.assigned)).toEqual(["A", "B", "C"].map((arm) => arms.filter((a) => a === arm).length));
    for (const arm of detail.arms) expect(Math.abs(arm.assigned - 1000 / 3)).toBeLessThanOrEqual(1000 * 0.03);
    // Not in turn: the arms of consecutive prospects are drawn, not dealt A, B, C, A, B, C.
    expect(arms.slice(0, 30).join("")).not.toBe("ABC".repeat(10));
  });

  it("counts every voicemail for its prospect's arm, whatever the rep read (intention to treat)", async () => {
    const { manager, rep, openerA, openerB, openerC } = await setup();
    const started = await manager.caller.experiments.start({ name: "Openers", scriptIds: [openerA.id, openerB.id, openerC.id], fromVoicemail: 1, toVoicemail: 1 });
    for (let i = 0; i < 30; i++) await voicemail(rep, i, openerA.id);
    const detail = await manager.caller.experiments.get({ id: started.id });
    expect(detail.arms.map((a) => a.voicemails)).toEqual([10, 10, 10]);
    expect(detail.arms.map((a) => a.assigned)).toEqual([10, 10, 10]);
    expect(detail.arms.map((a) => a.readAsAssigned.voicemails)).toEqual([10, 0, 0]);
    expect(detail.deviations).toBe(20);
  });

  it("keeps a prospect's arm from Today's suggestion through every matching voicemail", async () => {
    const { manager, rep, nudge, nudgeTwo, openerA } = await setup();
    await manager.caller.experiments.start({ name: "Follow-ups", scriptIds: [nudge.id, nudgeTwo.id], fromVoicemail: 2, toVoicemail: 3 });
    const first = await voicemail(rep, 1, openerA.id);
    const shown = await rep.caller.prospects.dialContext({ prospectId: first.prospectId });
    expect(shown.experiment).toMatchObject({ name: "Follow-ups" });
    expect(shown.suggestion).toEqual({ scriptId: shown.experiment!.scriptId, reason: "experiment" });
    // Looking again, and after other prospects have been assigned, shows the same arm.
    for (let i = 2; i < 8; i++) {
      const other = await voicemail(rep, i, openerA.id);
      await rep.caller.prospects.dialContext({ prospectId: other.prospectId });
    }
    expect((await rep.caller.prospects.dialContext({ prospectId: first.prospectId })).experiment).toEqual(shown.experiment);
    // "Awaiting callback" names the same script as next.
    const awaiting = (await rep.caller.prospects.awaitingCallback()).items.find((p) => p.id === first.prospectId);
    expect(awaiting?.suggestedScript?.id).toBe(shown.experiment!.scriptId);
    await rep.caller.attempts.log({ prospect: { id: first.prospectId }, outcome: "voicemail", scriptId: shown.experiment!.scriptId });
    expect((await rep.caller.prospects.dialContext({ prospectId: first.prospectId })).experiment).toEqual(shown.experiment);
  });

  it("matches only the experiment's voicemail numbers and reps, only voicemails, only while it runs", async () => {
    const { team, manager, rep, openerA, openerB, nudge } = await setup();
    const outsider = await team.join("rep", "Olga Outsider");
    const started = await manager.caller.experiments.start({ name: "Rick's openers", scriptIds: [openerA.id, openerB.id], fromVoicemail: 1, toVoicemail: 1, repIds: [rep.user.id] });
    const fresh = await rep.caller.prospects.dialContext({ name: "Nadia New" });
    expect(fresh.experiment).toMatchObject({ name: "Rick's openers" });
    expect((await outsider.caller.prospects.dialContext({ name: "Nadia New" })).experiment).toBeNull();

    const mine = await voicemail(rep, 1, openerA.id); // #1 by Rick: counted
    await rep.caller.attempts.log({ prospect: { id: mine.prospectId }, outcome: "voicemail", scriptId: nudge.id }); // #2: not
    await voicemail(outsider, 2, openerA.id); // a rep outside the subset: not
    await rep.caller.attempts.log({ prospect: { name: "Prospect 3", phone: phoneOf(3) }, outcome: "no-message" }); // not a voicemail
    const second = await rep.caller.prospects.dialContext({ prospectId: mine.prospectId });
    expect(second.experiment).toBeNull();

    await manager.caller.experiments.end({ id: started.id });
    await voicemail(rep, 4, openerA.id); // after the end: not
    expect((await rep.caller.prospects.dialContext({ name: "Nadia New" })).experiment).toBeNull();
    const detail = await manager.caller.experiments.get({ id: started.id });
    expect(detail.status).toBe("ended");
    expect(detail.arms.reduce((s, a) => s + a.voicemails, 0)).toBe(1);
    expect(detail.reps.map((r) => r.id)).toEqual([rep.user.id]);
  });

  it("counts returned by assignment when reps deviate, with read-as-assigned beside", async () => {
    const { manager, rep, openerA, openerB } = await setup();
    const started = await manager.caller.experiments.start({ name: "Deviations", scriptIds: [openerA.id, openerB.id], fromVoicemail: 1, toVoicemail: 1 });
    const assignedTo = new Map<number, number>();
    for (let i = 0; i < 12; i++) {
      const context = await rep.caller.prospects.dialContext({ name: `Prospect ${i}` });
      // The rep reads the other arm's script on every third voicemail.
      const assigned = context.experiment!.scriptId;
      const read = i % 3 === 0 ? (assigned === openerA.id ? openerB.id : openerA.id) : assigned;
      const logged = await voicemail(rep, i, read);
      assignedTo.set(logged.prospectId, assigned);
      // Every prospect whose voicemail read arm B's script calls back.
      if (read === openerB.id) await rep.caller.callbacks.log({ prospect: { id: logged.prospectId }, result: "interested" });
    }
    const detail = await manager.caller.experiments.get({ id: started.id });
    const [a, b] = detail.arms;
    const count = (arm: number, pred: (i: number) => boolean) => [...Array(12).keys()].filter((i) => pred(i) && [...assignedTo.values()][i] === arm).length;
    const deviated = (i: number) => i % 3 === 0;
    expect(a!.voicemails + b!.voicemails).toBe(12);
    // Arm A's returned are its deviators (they read B); arm B's are its compliers.
    expect(a!.returned).toBe(count(openerA.id, deviated));
    expect(b!.returned).toBe(count(openerB.id, (i) => !deviated(i)));
    expect(a!.readAsAssigned).toMatchObject({ voicemails: count(openerA.id, (i) => !deviated(i)), returned: 0 });
    expect(b!.readAsAssigned).toMatchObject({ voicemails: count(openerB.id, (i) => !deviated(i)), returned: count(openerB.id, (i) => !deviated(i)) });
    expect(detail.deviations).toBe(4);
  });

  it("follows the script read when a rep corrects a recorded voicemail", async () => {
    const { manager, rep, openerA, openerB } = await setup();
    const started = await manager.caller.experiments.start({ name: "Corrected", scriptIds: [openerA.id, openerB.id], fromVoicemail: 1, toVoicemail: 1 });
    const context = await rep.caller.prospects.dialContext({ name: "Prospect 1" });
    const assigned = context.experiment!.scriptId;
    const other = assigned === openerA.id ? openerB.id : openerA.id;
    const logged = await voicemail(rep, 1, other);
    expect((await manager.caller.experiments.get({ id: started.id })).deviations).toBe(1);
    await rep.caller.attempts.update({ id: logged.id, scriptId: assigned });
    expect((await manager.caller.experiments.get({ id: started.id })).deviations).toBe(0);
  });
});

describe("starting, planning and ending", () => {
  it("refuses scripts of two stages, unshared scripts, overlapping bands, strangers, and reps", async () => {
    const { team, manager, rep, openerA, openerB, nudge, script } = await setup();
    const draft = await script("Draft opener", "first-touch", false);
    const stranger = (await makeTeam(db, "Elsewhere")).owner;
    expect(await codeOf(manager.caller.experiments.start({ name: "Mixed", scriptIds: [openerA.id, nudge.id], fromVoicemail: 1, toVoicemail: 3 }))).toBe("BAD_REQUEST");
    expect(await codeOf(manager.caller.experiments.start({ name: "Draft", scriptIds: [openerA.id, draft.id], fromVoicemail: 1, toVoicemail: 1 }))).toBe("BAD_REQUEST");
    expect(await codeOf(manager.caller.experiments.start({ name: "One", scriptIds: [openerA.id], fromVoicemail: 1, toVoicemail: 1 }))).toBe("BAD_REQUEST");
    expect(await codeOf(manager.caller.experiments.start({ name: "Stranger", scriptIds: [openerA.id, openerB.id], fromVoicemail: 1, toVoicemail: 1, repIds: [stranger.user.id] }))).toBe("NOT_FOUND");
    expect(await codeOf(rep.caller.experiments.start({ name: "Rep's", scriptIds: [openerA.id, openerB.id], fromVoicemail: 1, toVoicemail: 1 }))).toBe("FORBIDDEN");
    await manager.caller.experiments.start({ name: "First", scriptIds: [openerA.id, openerB.id], fromVoicemail: 1, toVoicemail: 1 });
    expect(await codeOf(team.owner.caller.experiments.start({ name: "Overlap", scriptIds: [openerA.id, openerB.id], fromVoicemail: 1, toVoicemail: null }))).toBe("CONFLICT");
    expect((await manager.caller.experiments.list()).map((e) => [e.name, e.band, e.status])).toEqual([["First", "1st voicemail", "running"]]);
  });

  it("plans from the team's base rate in the band, defaulting the difference to 10 points", async () => {
    const { manager, rep, openerA } = await setup();
    const empty = await manager.caller.experiments.plan({ fromVoicemail: 1, toVoicemail: 1 });
    expect(empty).toMatchObject({ assumed: true, baseRate: 0.2, minDifferencePoints: 10, fixedHorizonPerArm: 294 });
    // 1 of 4 first voicemails returned: a base rate of 25%.
    for (let i = 0; i < 4; i++) {
      const logged = await voicemail(rep, i, openerA.id);
      if (i === 0) await rep.caller.callbacks.log({ prospect: { id: logged.prospectId }, result: "other" });
    }
    const planned = await manager.caller.experiments.plan({ fromVoicemail: 1, toVoicemail: 1, minDifferencePoints: 15 });
    expect(planned).toMatchObject({ assumed: false, voicemails: 4, returned: 1, baseRate: 0.25 });
    expect(planned.perArm).toBeGreaterThan(planned.fixedHorizonPerArm);
    expect(planned.perArm).toBeLessThan(empty.perArm);
  });

  it("ends once, keeps the record, and names the winner for the team pick", async () => {
    const { manager, rep, openerA, openerB } = await setup();
    const started = await manager.caller.experiments.start({ name: "Clear winner", scriptIds: [openerA.id, openerB.id], fromVoicemail: 1, toVoicemail: 1, minDifferencePoints: 30 });
    for (let i = 0; i < 120; i++) {
      const context = await rep.caller.prospects.dialContext({ name: `Prospect ${i}` });
      const logged = await voicemail(rep, i, context.experiment!.scriptId);
      if (context.experiment!.arm === "B" && i % 4 !== 0) await rep.caller.callbacks.log({ prospect: { id: logged.prospectId }, result: "appointment" });
    }
    await manager.caller.experiments.end({ id: started.id });
    expect(await codeOf(manager.caller.experiments.end({ id: started.id }))).toBe("CONFLICT");
    const detail = await manager.caller.experiments.get({ id: started.id });
    expect(detail.verdict.kind).toBe("winner");
    expect(detail.verdict.sentence).toMatch(/^Arm B is better \(always-valid p = /);
    expect(detail.winner).toEqual({ scriptId: openerB.id, arm: "B", title: "Opener Bravo" });
    expect(detail.evidence.at(-1)!.p).toBeLessThan(0.05);
    expect(await manager.caller.scripts.setTeamPick({ id: detail.winner!.scriptId, teamPick: true })).toEqual({ id: openerB.id, teamPick: true });

    const csv = readCsv(await experimentsCsv(db, { userId: manager.user.id, teamId: (await manager.caller.teams.current()).id, role: "manager" }));
    expect(csv.header).toEqual([...EXPERIMENTS_CSV_COLUMNS]);
    expect(csv.records.map((r) => r.fields.slice(0, 4))).toEqual([
      ["Clear winner", "ended", "A", "Opener Alpha"],
      ["Clear winner", "ended", "B", "Opener Bravo"],
    ]);
    const b = csv.records[1]!.fields;
    expect(b[7]).toMatch(/^0\.\d{4}$/);
    expect(Number(b[7])).toBeCloseTo(detail.arms[1]!.rate!, 4);
    expect(b[8]).toMatch(/^0\.\d{4}$/);
    expect(Number(b[10])).toBeLessThan(0.05);
    expect(b[11]).toBe(detail.verdict.sentence);
  });
});
