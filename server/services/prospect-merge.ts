import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, experimentAssignment, prospect, prospectSourceId } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { MergeProspectsInput } from "@/lib/inputs/calls";
import { isManager, type Actor } from "./actor";
import { reattributeProspect } from "./attribution";
import { Conflict, Forbidden } from "./errors";
import { getProspect } from "./prospects";

/** A dial (or callback) logged on both prospects at the same moment: one of the two is a copy. */
async function refuseClashes(tx: Queryable, keepId: number, duplicateId: number) {
  const dial = await tx
    .select({ id: attempt.id })
    .from(attempt)
    .where(
      and(
        eq(attempt.prospectId, duplicateId),
        sql`exists (select 1 from ${attempt} k where k.prospect_id = ${keepId} and k.rep_id = ${attempt.repId} and k.at = ${attempt.at} and k.outcome = ${attempt.outcome})`,
      ),
    )
    .get();
  if (dial) throw new Conflict("Both prospects have the same dial (same rep, time and outcome): delete the copy on one of them, then merge.");
  const call = await tx
    .select({ id: callback.id })
    .from(callback)
    .where(
      and(
        eq(callback.prospectId, duplicateId),
        sql`exists (select 1 from ${callback} k where k.prospect_id = ${keepId} and k.at = ${callback.at} and k.result = ${callback.result})`,
      ),
    )
    .get();
  if (call) throw new Conflict("Both prospects have the same callback (same time and result): delete the copy on one of them, then merge.");
}

/**
 * Merges a duplicate prospect into the one kept, in one transaction: every dial, callback, id in
 * another tool and experiment assignment moves over, attribution and voicemail numbers are
 * recomputed for the kept prospect (the rollup triggers follow those writes), and the duplicate
 * is deleted. In an experiment both were assigned to, the kept prospect's arm stays: an
 * assignment is sticky per person, and the duplicate's voicemails keep the arm they were
 * recorded under (analysis is by assignment at the time). Managers only: it cannot be undone.
 */
export async function mergeProspects(db: Db, actor: Actor, input: MergeProspectsInput) {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners merge prospects.");
  return db.transaction(async (tx) => {
    const kept = await getProspect(tx, actor, input.keepId);
    const duplicate = await getProspect(tx, actor, input.duplicateId);
    await refuseClashes(tx, kept.id, duplicate.id);

    const shared = await tx
      .select({ experimentId: experimentAssignment.experimentId })
      .from(experimentAssignment)
      .where(
        and(
          eq(experimentAssignment.prospectId, duplicate.id),
          sql`exists (select 1 from ${experimentAssignment} k where k.prospect_id = ${kept.id} and k.experiment_id = ${experimentAssignment.experimentId})`,
        ),
      )
      .all();
    if (shared.length > 0) {
      await tx.delete(experimentAssignment)
        .where(and(eq(experimentAssignment.prospectId, duplicate.id), inArray(experimentAssignment.experimentId, shared.map((s) => s.experimentId))))
        .run();
    }
    await tx.update(experimentAssignment).set({ prospectId: kept.id }).where(eq(experimentAssignment.prospectId, duplicate.id)).run();
    const moved = {
      attempts: (await tx.update(attempt).set({ prospectId: kept.id }).where(eq(attempt.prospectId, duplicate.id)).run()).changes,
      callbacks: (await tx.update(callback).set({ prospectId: kept.id }).where(eq(callback.prospectId, duplicate.id)).run()).changes,
    };
    await tx.update(prospectSourceId).set({ prospectId: kept.id }).where(eq(prospectSourceId.prospectId, duplicate.id)).run();
    await reattributeProspect(tx, actor.teamId, kept.id);
    await tx.delete(prospect).where(eq(prospect.id, duplicate.id)).run();
    // The kept row carries the company the duplicate knew when it had none of its own.
    if (!kept.company && duplicate.company) await tx.update(prospect).set({ company: duplicate.company, updatedAt: new Date() }).where(eq(prospect.id, kept.id)).run();
    else await tx.update(prospect).set({ updatedAt: new Date() }).where(eq(prospect.id, kept.id)).run();
    return { keptId: kept.id, mergedName: duplicate.name, ...moved };
  });
}
