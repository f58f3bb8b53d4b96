import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, experiment, experimentArm, experimentAssignment, experimentVoicemail, prospect, prospectMerge, prospectSourceId, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { MergeProspectsInput } from "@/lib/inputs/calls";
import { MERGE_UNDO_DAYS } from "@/lib/vocabulary";
import { isManager, type Actor } from "./actor";
import { reattributeProspect } from "./attribution";
import { Conflict, Forbidden, NotFound } from "./errors";
import { mergedDuplicate, mergeMoves, type MergedDuplicate, type MergeMoves } from "./prospect-merge-record";
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
 * row is deleted, so no read has to know about merges. In an experiment both were assigned to,
 * the kept prospect's arm stays: an assignment is sticky per person, and the duplicate's
 * voicemails keep the arm they were recorded under (analysis is by assignment at the time).
 * A prospect_merge row remembers the duplicate and exactly what moved, for `undoMerge` and the
 * managers' trail. Managers only.
 */
export async function mergeProspects(db: Db, actor: Actor, input: MergeProspectsInput) {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners merge prospects.");
  return db.transaction(async (tx) => {
    const kept = await getProspect(tx, actor, input.keepId);
    const duplicate = await getProspect(tx, actor, input.duplicateId);
    await refuseClashes(tx, kept.id, duplicate.id);

    const assignments = await tx.select().from(experimentAssignment).where(eq(experimentAssignment.prospectId, duplicate.id)).all();
    const keptExperiments = new Set(
      (await tx.select({ experimentId: experimentAssignment.experimentId }).from(experimentAssignment).where(eq(experimentAssignment.prospectId, kept.id)).all()).map((a) => a.experimentId),
    );
    const dropped = assignments.filter((a) => keptExperiments.has(a.experimentId));
    if (dropped.length > 0) {
      await tx.delete(experimentAssignment)
        .where(and(eq(experimentAssignment.prospectId, duplicate.id), inArray(experimentAssignment.experimentId, dropped.map((s) => s.experimentId))))
        .run();
    }
    await tx.update(experimentAssignment).set({ prospectId: kept.id }).where(eq(experimentAssignment.prospectId, duplicate.id)).run();

    const attemptIds = (await tx.select({ id: attempt.id }).from(attempt).where(eq(attempt.prospectId, duplicate.id)).all()).map((a) => a.id);
    const callbackIds = (await tx.select({ id: callback.id }).from(callback).where(eq(callback.prospectId, duplicate.id)).all()).map((c) => c.id);
    const sourceIds = await tx
      .select({ source: prospectSourceId.source, externalId: prospectSourceId.externalId })
      .from(prospectSourceId)
      .where(eq(prospectSourceId.prospectId, duplicate.id))
      .all();
    await tx.update(attempt).set({ prospectId: kept.id }).where(eq(attempt.prospectId, duplicate.id)).run();
    await tx.update(callback).set({ prospectId: kept.id }).where(eq(callback.prospectId, duplicate.id)).run();
    await tx.update(prospectSourceId).set({ prospectId: kept.id }).where(eq(prospectSourceId.prospectId, duplicate.id)).run();
    await reattributeProspect(tx, actor.teamId, kept.id);
    await tx.delete(prospect).where(eq(prospect.id, duplicate.id)).run();
    // The kept row carries the company the duplicate knew when it had none of its own.
    const companyFilled = !kept.company && !!duplicate.company;
    const touchedAt = new Date();
    await tx.update(prospect).set(companyFilled ? { company: duplicate.company, updatedAt: touchedAt } : { updatedAt: touchedAt }).where(eq(prospect.id, kept.id)).run();

    const snapshot: MergedDuplicate = {
      name: duplicate.name,
      company: duplicate.company,
      phone: duplicate.phone,
      ownerId: duplicate.ownerId,
      status: duplicate.status,
      createdAt: duplicate.createdAt.getTime(),
      updatedAt: duplicate.updatedAt.getTime(),
    };
    const moves: MergeMoves = {
      attemptIds,
      callbackIds,
      sourceIds,
      assignmentsMoved: assignments.filter((a) => !keptExperiments.has(a.experimentId)).map((a) => a.experimentId),
      assignmentsDropped: dropped.map((a) => ({ experimentId: a.experimentId, armId: a.armId, assignedAt: a.assignedAt.getTime() })),
      companyFilled,
      keptUpdatedAt: kept.updatedAt.getTime(),
      keptTouchedAt: touchedAt.getTime(),
    };
    const record = await tx
      .insert(prospectMerge)
      .values({
        teamId: actor.teamId,
        keptId: kept.id,
        duplicateId: duplicate.id,
        keptName: kept.name,
        duplicateName: duplicate.name,
        duplicate: JSON.stringify(snapshot),
        moved: JSON.stringify(moves),
        mergedById: actor.userId,
      })
      .returning({ id: prospectMerge.id })
      .get();
    return { mergeId: record!.id, keptId: kept.id, mergedName: duplicate.name, attempts: attemptIds.length, callbacks: callbackIds.length };
  });
}

const UNDO_WINDOW_MS = MERGE_UNDO_DAYS * 86_400_000;

/** Whether a merge can still be undone on its face (not yet undone, young enough); `undoMerge` checks the rest. */
export const mergeUndoable = (row: { undoneAt: Date | null; createdAt: Date }, now = Date.now()) =>
  row.undoneAt === null && now - row.createdAt.getTime() <= UNDO_WINDOW_MS;

/** Why this kept prospect is gone: a later merge folded it into another one, to be undone first. */
async function refuseMissingKept(tx: Queryable, actor: Actor, keptId: number): Promise<never> {
  const later = await tx
    .select({ keptName: prospectMerge.keptName, duplicateName: prospectMerge.duplicateName })
    .from(prospectMerge)
    .where(and(eq(prospectMerge.teamId, actor.teamId), eq(prospectMerge.duplicateId, keptId), isNull(prospectMerge.undoneAt)))
    .get();
  if (later) throw new Conflict(`${later.duplicateName} was merged into ${later.keptName} afterwards: undo that merge first.`);
  throw new Conflict("The prospect this was merged into no longer exists.");
}

/**
 * Undoes a merge in one transaction: the duplicate comes back with its own id and details, and
 * exactly the dials, callbacks, ids in other tools and experiment assignments that moved go back
 * to it (whatever was logged on the kept prospect since stays there); both are re-attributed and
 * renumbered. Refused once undone, after MERGE_UNDO_DAYS, when the kept prospect was merged away
 * since, or when another prospect now has the duplicate's phone number.
 */
export async function undoMerge(db: Db, actor: Actor, mergeId: number) {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners undo merges.");
  return db.transaction(async (tx) => {
    const row = await tx.select().from(prospectMerge).where(and(eq(prospectMerge.id, mergeId), eq(prospectMerge.teamId, actor.teamId))).get();
    if (!row) throw new NotFound("Merge not found.");
    if (row.undoneAt) throw new Conflict(`The merge of ${row.duplicateName} is already undone.`);
    if (!mergeUndoable(row)) throw new Conflict(`A merge can be undone for ${MERGE_UNDO_DAYS} days; this one is older.`);
    const duplicate = mergedDuplicate.safeParse(JSON.parse(row.duplicate));
    const moves = mergeMoves.safeParse(JSON.parse(row.moved));
    if (!duplicate.success || !moves.success) throw new Conflict("This merge's record cannot be read, so it cannot be undone.");
    const dup = duplicate.data;
    const moved = moves.data;

    const kept = await tx.select().from(prospect).where(and(eq(prospect.id, row.keptId), eq(prospect.teamId, actor.teamId))).get();
    if (!kept) return refuseMissingKept(tx, actor, row.keptId);
    if (dup.phone) {
      const holder = await tx.select({ name: prospect.name }).from(prospect).where(and(eq(prospect.teamId, actor.teamId), eq(prospect.phone, dup.phone))).get();
      if (holder) throw new Conflict(`${holder.name} now has ${dup.name}'s phone number: change it there first, then undo.`);
    }
    // Someone who owned the duplicate may have left since; the prospect comes back unowned then.
    const owner = dup.ownerId ? await tx.select({ id: user.id }).from(user).where(eq(user.id, dup.ownerId)).get() : undefined;
    await tx
      .insert(prospect)
      .values({
        id: row.duplicateId,
        teamId: actor.teamId,
        name: dup.name,
        company: dup.company,
        phone: dup.phone,
        ownerId: owner ? dup.ownerId : null,
        status: dup.status,
        createdAt: new Date(dup.createdAt),
        updatedAt: new Date(dup.updatedAt),
      })
      .run();

    const onKept = <T extends typeof attempt | typeof callback>(table: T, ids: number[]) =>
      and(eq(table.teamId, actor.teamId), eq(table.prospectId, kept.id), inArray(table.id, ids));
    const attempts = moved.attemptIds.length === 0 ? 0 : (await tx.update(attempt).set({ prospectId: row.duplicateId }).where(onKept(attempt, moved.attemptIds)).run()).changes;
    const callbacks = moved.callbackIds.length === 0 ? 0 : (await tx.update(callback).set({ prospectId: row.duplicateId }).where(onKept(callback, moved.callbackIds)).run()).changes;
    for (const s of moved.sourceIds) {
      await tx.update(prospectSourceId)
        .set({ prospectId: row.duplicateId })
        .where(and(eq(prospectSourceId.teamId, actor.teamId), eq(prospectSourceId.source, s.source), eq(prospectSourceId.externalId, s.externalId), eq(prospectSourceId.prospectId, kept.id)))
        .run();
    }
    await restoreAssignments(tx, kept.id, row.duplicateId, moved);
    await reattributeProspect(tx, actor.teamId, kept.id);
    await reattributeProspect(tx, actor.teamId, row.duplicateId);

    // Put back what the merge changed on the kept row, unless someone changed it since.
    const untouched = kept.updatedAt.getTime() === moved.keptTouchedAt;
    await tx
      .update(prospect)
      .set({
        ...(moved.companyFilled && kept.company === dup.company ? { company: null } : {}),
        updatedAt: untouched ? new Date(moved.keptUpdatedAt) : new Date(),
      })
      .where(eq(prospect.id, kept.id))
      .run();
    await tx.update(prospectMerge).set({ undoneById: actor.userId, undoneAt: new Date() }).where(eq(prospectMerge.id, row.id)).run();
    return { mergeId: row.id, keptId: kept.id, duplicateId: row.duplicateId, duplicateName: dup.name, attempts, callbacks };
  });
}

/**
 * The duplicate's experiment arms come back. An assignment that moved to the kept prospect goes
 * back, unless the kept prospect has since had voicemails recorded under it in that experiment:
 * then both keep the arm, so neither person's later voicemails draw a new one.
 */
async function restoreAssignments(tx: Queryable, keptId: number, duplicateId: number, moved: MergeMoves) {
  for (const experimentId of moved.assignmentsMoved) {
    const current = await tx
      .select()
      .from(experimentAssignment)
      .where(and(eq(experimentAssignment.experimentId, experimentId), eq(experimentAssignment.prospectId, keptId)))
      .get();
    if (!current) continue;
    const keptOwn = await tx
      .select({ id: experimentVoicemail.attemptId })
      .from(experimentVoicemail)
      .innerJoin(attempt, eq(attempt.id, experimentVoicemail.attemptId))
      .where(
        and(
          eq(experimentVoicemail.experimentId, experimentId),
          eq(attempt.prospectId, keptId),
          ...(moved.attemptIds.length > 0 ? [notInArray(attempt.id, moved.attemptIds)] : []),
        ),
      )
      .get();
    if (keptOwn) await tx.insert(experimentAssignment).values({ ...current, prospectId: duplicateId }).onConflictDoNothing().run();
    else await tx.update(experimentAssignment).set({ prospectId: duplicateId }).where(and(eq(experimentAssignment.experimentId, experimentId), eq(experimentAssignment.prospectId, keptId))).run();
  }
  for (const a of moved.assignmentsDropped) {
    // An experiment deleted since takes its assignments with it.
    const arm = await tx
      .select({ id: experimentArm.id })
      .from(experimentArm)
      .innerJoin(experiment, eq(experiment.id, experimentArm.experimentId))
      .where(and(eq(experimentArm.id, a.armId), eq(experiment.id, a.experimentId)))
      .get();
    if (!arm) continue;
    await tx.insert(experimentAssignment).values({ experimentId: a.experimentId, prospectId: duplicateId, armId: a.armId, assignedAt: new Date(a.assignedAt) }).onConflictDoNothing().run();
  }
}
