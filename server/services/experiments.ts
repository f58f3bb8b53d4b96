import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { experiment, experimentArm, experimentAssignment, experimentRep, experimentVoicemail, member, script, statsRollup, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { bandLabel, planExperimentInput, startExperimentInput, type PlanExperimentInput, type StartExperimentInput } from "@/lib/inputs/experiments";
import { analyseExperiment, ARM_LABELS, verdictSentence, type ExperimentAnalysis } from "@/server/domain/experiment-analysis";
import { SCRIPT_NOT_RECORDED_TITLE } from "@/server/domain/next-voicemail";
import { fixedHorizonVoicemailsPerArm, plannedVoicemailsPerArm } from "@/server/domain/sequential-test";
import { rateEvidence } from "@/server/domain/stats";
import { isManager, type Actor } from "./actor";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";

/** When the team has no voicemails in the band yet, the plan assumes this callback rate. */
export const ASSUMED_BASE_RATE = 0.2;

function requireManager(actor: Actor) {
  if (!isManager(actor)) throw new Forbidden("Managers only.");
}

/** Rollup buckets ("1", "2", "3", "4+") a band of voicemail numbers touches. */
function bucketsOf(fromVoicemail: number, toVoicemail: number | null) {
  const last = toVoicemail ?? 4;
  const buckets = new Set<string>();
  for (let n = fromVoicemail; n <= Math.max(fromVoicemail, Math.min(last, 4)); n++) buckets.add(n >= 4 ? "4+" : String(n));
  return [...buckets];
}

/** The team's callback rate on the band's voicemails, all time, from the leaderboard rollups. */
async function bandBaseRate(db: Queryable, teamId: string, fromVoicemail: number, toVoicemail: number | null) {
  const row = await db
    .select({ voicemails: sql<number>`coalesce(sum(${statsRollup.voicemails}), 0)`, returned: sql<number>`coalesce(sum(${statsRollup.returned}), 0)` })
    .from(statsRollup)
    .where(and(eq(statsRollup.teamId, teamId), eq(statsRollup.dim, "attempt"), eq(statsRollup.grain, "month"), inArray(statsRollup.key, bucketsOf(fromVoicemail, toVoicemail))))
    .get();
  const voicemails = Number(row?.voicemails ?? 0);
  const returned = Number(row?.returned ?? 0);
  return { voicemails, returned, baseRate: voicemails > 0 ? returned / voicemails : ASSUMED_BASE_RATE, assumed: voicemails === 0 };
}

/** Voicemails per arm the experiment will likely need, from the team's current base rate in the band. */
export async function planExperiment(db: Db, actor: Actor, raw: PlanExperimentInput) {
  requireManager(actor);
  const input = planExperimentInput.parse(raw);
  const base = await bandBaseRate(db, actor.teamId, input.fromVoicemail, input.toVoicemail);
  const difference = input.minDifferencePoints / 100;
  const better = base.baseRate + difference <= 0.99 ? base.baseRate + difference : base.baseRate - difference;
  return {
    ...base,
    band: bandLabel(input.fromVoicemail, input.toVoicemail),
    minDifferencePoints: input.minDifferencePoints,
    perArm: plannedVoicemailsPerArm(base.baseRate, difference, input.arms),
    fixedHorizonPerArm: fixedHorizonVoicemailsPerArm(Math.min(0.99, Math.max(0.01, base.baseRate)), Math.min(0.99, Math.max(0.01, better))),
  };
}

const overlaps = (a: { from: number; to: number | null }, b: { from: number; to: number | null }) =>
  a.from <= (b.to ?? Infinity) && b.from <= (a.to ?? Infinity);

/** Starts an experiment on 2–4 shared scripts of one stage. One transaction. */
export async function startExperiment(db: Db, actor: Actor, raw: StartExperimentInput, now: Date = new Date()) {
  requireManager(actor);
  const input = startExperimentInput.parse(raw);
  return db.transaction(async (tx) => {
    const scripts = await tx
      .select({ id: script.id, title: script.title, stage: script.stage, shared: script.shared, archived: script.archived })
      .from(script)
      .where(and(eq(script.teamId, actor.teamId), inArray(script.id, input.scriptIds), sql`${script.deletedAt} is null`))
      .all();
    if (scripts.length !== input.scriptIds.length) throw new NotFound("Script not found.");
    if (scripts.some((s) => !s.shared || s.archived || s.title === SCRIPT_NOT_RECORDED_TITLE)) throw new Invalid("Experiments test shared, unarchived scripts only.");
    const stages = new Set(scripts.map((s) => s.stage));
    if (stages.size > 1) throw new Invalid("Pick scripts of one stage: a first touch is never compared with a last try.");
    if (input.repIds.length) {
      const members = await tx.select({ id: member.userId }).from(member).where(and(eq(member.organizationId, actor.teamId), inArray(member.userId, input.repIds))).all();
      if (members.length !== new Set(input.repIds).size) throw new NotFound("Rep not found.");
    }
    const band = { from: input.fromVoicemail, to: input.toVoicemail };
    const running = await tx.select({ name: experiment.name, from: experiment.fromVoicemail, to: experiment.toVoicemail }).from(experiment).where(and(eq(experiment.teamId, actor.teamId), eq(experiment.status, "running"))).all();
    const clash = running.find((r) => overlaps(r, band));
    if (clash) throw new Conflict(`“${clash.name}” already tests the ${bandLabel(clash.from, clash.to)}; end it first.`);
    if (await tx.select({ id: experiment.id }).from(experiment).where(and(eq(experiment.teamId, actor.teamId), eq(experiment.name, input.name))).get()) {
      throw new Conflict("An experiment with that name exists; pick another name.");
    }
    const created = await tx
      .insert(experiment)
      .values({
        teamId: actor.teamId,
        name: input.name,
        stage: scripts[0]!.stage,
        fromVoicemail: input.fromVoicemail,
        toVoicemail: input.toVoicemail,
        minDifferencePoints: input.minDifferencePoints,
        salt: randomBytes(16).toString("hex"),
        createdById: actor.userId,
        startedAt: now,
      })
      .returning({ id: experiment.id })
      .get();
    await tx.insert(experimentArm).values(input.scriptIds.map((scriptId, position) => ({ experimentId: created.id, position, scriptId }))).run();
    if (input.repIds.length) await tx.insert(experimentRep).values([...new Set(input.repIds)].map((userId) => ({ experimentId: created.id, userId }))).run();
    return { id: created.id };
  });
}

async function experimentRow(db: Queryable, actor: Actor, id: number) {
  const row = await db.select().from(experiment).where(and(eq(experiment.id, id), eq(experiment.teamId, actor.teamId))).get();
  if (!row) throw new NotFound("Experiment not found.");
  return row;
}

/** Ends a running experiment; its record stays. The page then offers the winner as the team pick. */
export async function endExperiment(db: Db, actor: Actor, id: number, now: Date = new Date()) {
  requireManager(actor);
  return db.transaction(async (tx) => {
    const row = await experimentRow(tx, actor, id);
    if (row.status === "ended") throw new Conflict("This experiment has already ended.");
    await tx.update(experiment).set({ status: "ended", endedAt: now }).where(eq(experiment.id, row.id)).run();
    return { id: row.id, status: "ended" as const };
  });
}

type ExperimentRow = typeof experiment.$inferSelect;

/** Per arm counts by assignment and by what was read, the verdict and its evidence. */
async function resultsOf(db: Queryable, row: ExperimentRow) {
  const arms = await db
    .select({ id: experimentArm.id, position: experimentArm.position, scriptId: experimentArm.scriptId, title: script.title })
    .from(experimentArm)
    .innerJoin(script, eq(script.id, experimentArm.scriptId))
    .where(eq(experimentArm.experimentId, row.id))
    .orderBy(asc(experimentArm.position))
    .all();
  const assigned = new Map(
    (await db
      .select({ armId: experimentAssignment.armId, n: sql<number>`count(*)` })
      .from(experimentAssignment)
      .where(eq(experimentAssignment.experimentId, row.id))
      .groupBy(experimentAssignment.armId)
      .all())
      .map((r) => [r.armId, Number(r.n)]),
  );
  const voicemails = await db.all<{ armId: number; readScriptId: number; returned: number }>(sql`
    select ev.assigned_arm_id as "armId", ev.read_script_id as "readScriptId", case when a.returned_at is not null then 1 else 0 end as returned
    from ${experimentVoicemail} ev join attempt a on a.id = ev.attempt_id
    where ev.experiment_id = ${row.id} and a.outcome = 'voicemail' and a.deleted_at is null
    order by a.at, a.id`);
  const position = new Map(arms.map((a) => [a.id, a.position]));
  const analysis: ExperimentAnalysis = analyseExperiment(
    arms.length,
    voicemails.map((v) => ({ arm: position.get(v.armId)!, returned: Boolean(v.returned) })),
    row.minDifferencePoints / 100,
  );
  const perArm = arms.map((arm) => {
    const own = voicemails.filter((v) => v.armId === arm.id);
    const asAssigned = own.filter((v) => v.readScriptId === arm.scriptId);
    return {
      armId: arm.id,
      arm: ARM_LABELS[arm.position]!,
      scriptId: arm.scriptId,
      title: arm.title,
      assigned: assigned.get(arm.id) ?? 0,
      ...rateEvidence(own.filter((v) => v.returned).length, own.length),
      alwaysValidP: analysis.armP[arm.position] ?? 1,
      readAsAssigned: rateEvidence(asAssigned.filter((v) => v.returned).length, asAssigned.length),
    };
  });
  const winner = analysis.verdict.kind === "winner" ? perArm[analysis.verdict.arm]! : null;
  return {
    arms: perArm,
    verdict: { ...analysis.verdict, sentence: verdictSentence(analysis.verdict) },
    winner: winner ? { scriptId: winner.scriptId, arm: winner.arm, title: winner.title } : null,
    evidence: analysis.evidence,
    deviations: voicemails.filter((v) => perArm.find((a) => a.armId === v.armId)?.scriptId !== v.readScriptId).length,
  };
}

const summary = (row: ExperimentRow) => ({
  id: row.id,
  name: row.name,
  stage: row.stage,
  band: bandLabel(row.fromVoicemail, row.toVoicemail),
  fromVoicemail: row.fromVoicemail,
  toVoicemail: row.toVoicemail,
  minDifferencePoints: row.minDifferencePoints,
  status: row.status,
  startedAt: row.startedAt,
  endedAt: row.endedAt,
});

function teamExperiments(db: Queryable, actor: Actor) {
  return db.select().from(experiment).where(eq(experiment.teamId, actor.teamId)).orderBy(desc(experiment.startedAt), desc(experiment.id)).all();
}

/** Every experiment of the team, running ones first, each with its verdict. */
export async function listExperiments(db: Db, actor: Actor) {
  requireManager(actor);
  return db.transaction(
    async (tx) => {
      const listed = [];
      for (const row of await teamExperiments(tx, actor)) {
        const results = await resultsOf(tx, row);
        listed.push({ ...summary(row), arms: results.arms.map((a) => ({ arm: a.arm, title: a.title, voicemails: a.voicemails })), verdict: results.verdict.sentence });
      }
      return listed.sort((a, b) => (a.status === b.status ? 0 : a.status === "running" ? -1 : 1));
    },
    { behavior: "deferred" },
  );
}

/** One experiment: its arms' results, the verdict, its evidence over time, and the reps it is limited to. */
export async function experimentDetail(db: Db, actor: Actor, id: number) {
  requireManager(actor);
  return db.transaction(
    async (tx) => {
      const row = await experimentRow(tx, actor, id);
      const reps = await tx
        .select({ id: user.id, name: user.name })
        .from(experimentRep)
        .innerJoin(user, eq(user.id, experimentRep.userId))
        .where(eq(experimentRep.experimentId, row.id))
        .orderBy(asc(user.name))
        .all();
      const base = await bandBaseRate(tx, actor.teamId, row.fromVoicemail, row.toVoicemail);
      const results = await resultsOf(tx, row);
      return { ...summary(row), reps, ...results, plannedPerArm: plannedVoicemailsPerArm(base.baseRate, row.minDifferencePoints / 100, results.arms.length) };
    },
    { behavior: "deferred" },
  );
}

/** Rows of the experiments CSV: one per arm of every experiment. */
export async function experimentCsvRows(db: Db, actor: Actor) {
  requireManager(actor);
  return db.transaction(
    async (tx) => {
      const rows = [];
      for (const row of await teamExperiments(tx, actor)) {
        const results = await resultsOf(tx, row);
        rows.push(...results.arms.map((arm) => ({ experiment: row.name, status: row.status, verdict: results.verdict.sentence, ...arm })));
      }
      return rows;
    },
    { behavior: "deferred" },
  );
}
