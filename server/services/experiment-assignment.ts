import { and, eq, sql } from "drizzle-orm";
import { experiment, experimentArm, experimentAssignment, experimentRep, experimentVoicemail } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { ARM_LABELS } from "@/server/domain/experiment-analysis";
import { keyedRandom } from "@/server/domain/random-source";
import { balancedArm } from "@/server/domain/script-allocation";
import type { Actor } from "./actor";

// Which arm a voicemail belongs to. A prospect is assigned on the first matching look (Today's
// dial form) or voicemail, among the arms with the fewest prospects so far — balanced — with
// ties broken by a draw keyed on the experiment's secret salt, and keeps that
// arm for the whole experiment. The draw is keyed on the salt and the number of prospects
// assigned so far, not on the prospect: Today can name the arm of a prospect still being typed,
// and the voicemail logged for it a moment later gets that same arm.

export type ArmAssignment = { experimentId: number; experimentName: string; armId: number; arm: string; scriptId: number };

/** The running experiment whose band holds this voicemail number and whose reps include the actor. */
function matchingExperiment(db: Queryable, actor: Actor, voicemailNumber: number, at: Date) {
  return db
    .select({ id: experiment.id, name: experiment.name, salt: experiment.salt })
    .from(experiment)
    .where(
      and(
        eq(experiment.teamId, actor.teamId),
        eq(experiment.status, "running"),
        sql`${experiment.fromVoicemail} <= ${voicemailNumber}`,
        sql`(${experiment.toVoicemail} is null or ${experiment.toVoicemail} >= ${voicemailNumber})`,
        sql`${experiment.startedAt} <= ${at.getTime()}`,
        sql`(not exists (select 1 from ${experimentRep} r where r.experiment_id = ${experiment.id})
          or exists (select 1 from ${experimentRep} r where r.experiment_id = ${experiment.id} and r.user_id = ${actor.userId}))`,
      ),
    )
    .orderBy(experiment.id)
    .get();
}

function armsOf(db: Queryable, experimentId: number) {
  return db
    .select({
      id: experimentArm.id,
      position: experimentArm.position,
      scriptId: experimentArm.scriptId,
      assigned: sql<number>`(select count(*) from ${experimentAssignment} x where x.experiment_id = ${experimentId} and x.arm_id = ${experimentArm.id})`,
    })
    .from(experimentArm)
    .where(eq(experimentArm.experimentId, experimentId))
    .orderBy(experimentArm.position)
    .all();
}

/**
 * The arm this prospect's next voicemail (number `voicemailNumber`) is assigned, or null when no
 * running experiment matches. With `assign` and a stored prospect, a first assignment is stored.
 */
export async function armForVoicemail(db: Queryable, actor: Actor, prospectId: number | null, voicemailNumber: number, at: Date, assign: boolean): Promise<ArmAssignment | null> {
  const found = await matchingExperiment(db, actor, voicemailNumber, at);
  if (!found) return null;
  const arms = await armsOf(db, found.id);
  const labelled = (arm: (typeof arms)[number]) => ({
    experimentId: found.id,
    experimentName: found.name,
    armId: arm.id,
    arm: ARM_LABELS[arm.position]!,
    scriptId: arm.scriptId,
  });
  if (prospectId !== null) {
    const stored = await db
      .select({ armId: experimentAssignment.armId })
      .from(experimentAssignment)
      .where(and(eq(experimentAssignment.experimentId, found.id), eq(experimentAssignment.prospectId, prospectId)))
      .get();
    const arm = stored && arms.find((a) => a.id === stored.armId);
    if (arm) return labelled(arm);
  }
  const draw = keyedRandom(`${found.salt}:${arms.reduce((sum, a) => sum + a.assigned, 0)}`)();
  const arm = arms[balancedArm(arms.map((a) => a.assigned), draw)]!;
  if (assign && prospectId !== null) {
    await db.insert(experimentAssignment).values({ experimentId: found.id, prospectId, armId: arm.id, assignedAt: at }).onConflictDoNothing().run();
  }
  return labelled(arm);
}

/** Records a just-logged voicemail in the experiment it matches: its prospect's arm and the script read. */
export async function recordExperimentVoicemail(
  db: Queryable,
  actor: Actor,
  voicemail: { attemptId: number; prospectId: number; voicemailNumber: number; at: Date; readScriptId: number },
) {
  const arm = await armForVoicemail(db, actor, voicemail.prospectId, voicemail.voicemailNumber, voicemail.at, true);
  if (!arm) return null;
  await db.insert(experimentVoicemail)
    .values({ attemptId: voicemail.attemptId, experimentId: arm.experimentId, assignedArmId: arm.armId, readScriptId: voicemail.readScriptId })
    .run();
  return arm;
}

/** Keeps the script read in step when a recorded voicemail's script is edited. */
export async function updateReadScript(db: Queryable, attemptId: number, readScriptId: number) {
  await db.update(experimentVoicemail).set({ readScriptId }).where(eq(experimentVoicemail.attemptId, attemptId)).run();
}
