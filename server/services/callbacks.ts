import { and, desc, eq, isNull } from "drizzle-orm";
import { teamTransaction } from "@/db/team-writes";
import { isUniqueViolation } from "@/db/errors";
import type { Db } from "@/db/client";
import { attempt, callback, organization, prospect, script, scriptVersion, user } from "@/db/schema";
import type { Queryable, Tx } from "@/db/types";
import type { CallbackPreviewInput, LogCallbackInput, UpdateCallbackInput } from "@/lib/inputs/calls";
import { creditFor } from "@/server/domain/attribution";
import { normalisePhone } from "@/server/domain/phone";
import { isManager, type Actor } from "./actor";
import { requireEntryTime, type DialOrigin } from "./attempts";
import { reattributeProspect } from "./attribution";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { findOrCreateProspect, getProspect, teamRegion } from "./prospects";

/** Records a callback, credits it to the voicemail that caused it, and reports that credit. */
export async function logCallback(db: Db, actor: Actor, input: LogCallbackInput) {
  const at = input.at ?? new Date();
  requireEntryTime(at);
  return teamTransaction(db, actor.teamId, async (tx) => logCallbackIn(tx, actor, { ...input, at }));
}

/** logCallback's work inside the caller's transaction (the REST API's idempotent callbacks). */
export async function logCallbackIn(tx: Tx, actor: Actor, input: LogCallbackInput & { at: Date }, origin?: DialOrigin) {
  const target = await findOrCreateProspect(tx, actor, input.prospect);
  const inserted = await tx
    .insert(callback)
    .values({
      teamId: actor.teamId,
      prospectId: target.id,
      at: input.at,
      result: input.result,
      notes: input.notes || null,
      loggedById: actor.userId,
      source: origin?.source ?? null,
      sourceCallId: origin?.sourceCallId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: callback.id })
    .get();
  if (!inserted) throw new Conflict("That callback is already logged.");
  await reattributeProspect(tx, actor.teamId, target.id);
  if (input.result === "appointment") await tx.update(prospect).set({ status: "appointment" }).where(eq(prospect.id, target.id)).run();
  return { id: inserted.id, prospectId: target.id, credit: await creditedVoicemail(tx, inserted.id) };
}

const voicemailDescription = {
  attemptId: attempt.id,
  at: attempt.at,
  voicemailNumber: attempt.voicemailNumber,
  scriptTitle: script.title,
  versionNumber: scriptVersion.number,
  repName: user.name,
};

/** The voicemail a stored callback is credited to, described for people; null when unattributed. */
export async function creditedVoicemail(db: Pick<Db, "select">, callbackId: number) {
  return (
    await db
      .select(voicemailDescription)
      .from(callback)
      .innerJoin(attempt, eq(attempt.id, callback.creditedAttemptId))
      .innerJoin(user, eq(user.id, attempt.repId))
      .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
      .leftJoin(script, eq(script.id, scriptVersion.scriptId))
      .where(and(eq(callback.id, callbackId), isNull(attempt.deletedAt)))
      .get() ?? null
  );
}

/**
 * Which voicemail a callback would be credited to if saved now (or at `at`), or why it would be
 * unattributed — the same rule (creditFor) that attribution stores. Writes nothing.
 */
export async function previewCallback(db: Queryable, actor: Actor, input: CallbackPreviewInput, now: Date = new Date()) {
  const at = input.at ?? now;
  const windowDays = (await db.select({ days: organization.attributionWindowDays }).from(organization).where(eq(organization.id, actor.teamId)).get())?.days ?? 14;
  let target: { id: number; name: string; company: string | null; phone: string | null } | null;
  if ("prospectId" in input) {
    target = await getProspect(db, actor, input.prospectId);
  } else {
    const phone = normalisePhone(input.phone, await teamRegion(db, actor.teamId));
    if (!phone) return { at, windowDays, phone: null, prospect: null, credit: null, reason: "not-a-phone" as const };
    target = await db.select().from(prospect).where(and(eq(prospect.teamId, actor.teamId), eq(prospect.phone, phone))).get() ?? null;
    if (!target) return { at, windowDays, phone, prospect: null, credit: null, reason: "new-prospect" as const };
  }
  const voicemails = await db
    .select({ id: attempt.id, at: attempt.at })
    .from(attempt)
    .where(and(eq(attempt.prospectId, target.id), eq(attempt.outcome, "voicemail"), isNull(attempt.deletedAt)))
    .all();
  const credit = creditFor(
    voicemails.map((v) => ({ id: v.id, at: v.at.getTime() })),
    at.getTime(),
    windowDays,
  );
  const prospectSummary = { id: target.id, name: target.name, company: target.company, phone: target.phone };
  if ("reason" in credit) {
    const latest = voicemails.reduce<Date | null>((max, v) => (v.at <= at && (!max || v.at > max) ? v.at : max), null);
    return { at, windowDays, phone: target.phone, prospect: prospectSummary, credit: null, reason: credit.reason, latestVoicemailAt: latest };
  }
  const described = (await db
    .select(voicemailDescription)
    .from(attempt)
    .innerJoin(user, eq(user.id, attempt.repId))
    .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
    .leftJoin(script, eq(script.id, scriptVersion.scriptId))
    .where(eq(attempt.id, credit.voicemailId))
    .get())!;
  return {
    at,
    windowDays,
    phone: target.phone,
    prospect: prospectSummary,
    credit: { ...described, minutesBefore: Math.round((at.getTime() - described.at.getTime()) / 60_000) },
    reason: null,
  };
}

/** A callback of the actor's team that the actor may change: the one who logged it, or a manager. */
async function changeableCallback(db: Queryable, actor: Actor, id: number) {
  const row = await db.select().from(callback).where(and(eq(callback.id, id), eq(callback.teamId, actor.teamId))).get();
  if (!row) throw new NotFound("Callback not found.");
  if (!isManager(actor) && row.loggedById !== actor.userId) throw new Forbidden("You can only change callbacks you logged.");
  return row;
}


/** Edits a callback's time, result or notes; attribution for the prospect re-runs in the same transaction. */
export async function updateCallback(db: Db, actor: Actor, input: UpdateCallbackInput) {
  if (input.at) requireEntryTime(input.at);
  return db.transaction(async (tx) => {
    const row = await changeableCallback(tx, actor, input.id);
    if (row.deletedAt) throw new Invalid("Restore this callback before editing it.");
    const changes = {
      result: input.result ?? row.result,
      notes: input.notes !== undefined ? input.notes || null : row.notes,
      at: input.at ?? row.at,
    };
    try {
      await tx.update(callback).set(changes).where(eq(callback.id, row.id)).run();
    } catch (e) {
      if (isUniqueViolation(e)) throw new Conflict("The same callback is already logged at that time.");
      throw e;
    }
    await reattributeProspect(tx, actor.teamId, row.prospectId);
    await settleAppointmentStatus(tx, row.prospectId);
    return { id: row.id, prospectId: row.prospectId, ...changes, credit: await creditedVoicemail(tx, row.id) };
  });
}

/**
 * A live appointment callback puts the prospect at "appointment"; when the last one is undone or
 * edited away, a prospect still at "appointment" goes back to "engaged" (they did call back). A
 * status someone set by hand after the appointment (closed – lost) is left alone.
 */
async function settleAppointmentStatus(tx: Tx, prospectId: number) {
  const booked = await tx
    .select({ id: callback.id })
    .from(callback)
    .where(and(eq(callback.prospectId, prospectId), eq(callback.result, "appointment"), isNull(callback.deletedAt)))
    .get();
  const current = await tx.select({ status: prospect.status }).from(prospect).where(eq(prospect.id, prospectId)).get();
  if (booked && current?.status !== "appointment" && current?.status !== "closed-lost") {
    await tx.update(prospect).set({ status: "appointment" }).where(eq(prospect.id, prospectId)).run();
  } else if (!booked && current?.status === "appointment") {
    await tx.update(prospect).set({ status: "engaged" }).where(eq(prospect.id, prospectId)).run();
  }
}

export async function removeCallback(db: Db, actor: Actor, id: number) {
  return setDeleted(db, actor, id, new Date());
}

export async function restoreCallback(db: Db, actor: Actor, id: number) {
  return setDeleted(db, actor, id, null);
}

function setDeleted(db: Db, actor: Actor, id: number, deletedAt: Date | null) {
  return db.transaction(async (tx) => {
    const row = await changeableCallback(tx, actor, id);
    if ((row.deletedAt === null) !== (deletedAt === null)) {
      await tx.update(callback).set({ deletedAt }).where(eq(callback.id, row.id)).run();
      await reattributeProspect(tx, actor.teamId, row.prospectId);
      await settleAppointmentStatus(tx, row.prospectId);
    }
    return { id: row.id, prospectId: row.prospectId, deletedAt, credit: deletedAt ? null : await creditedVoicemail(tx, row.id) };
  });
}

/** A prospect's callbacks, newest first, deleted ones included (flagged) so they can be restored. */
export async function prospectCallbacks(db: Queryable, actor: Actor, prospectId: number) {
  const rows = await db
    .select({
      id: callback.id,
      at: callback.at,
      result: callback.result,
      notes: callback.notes,
      deletedAt: callback.deletedAt,
      loggedById: callback.loggedById,
      loggedByName: user.name,
      creditedAttemptId: callback.creditedAttemptId,
    })
    .from(callback)
    .leftJoin(user, eq(user.id, callback.loggedById))
    .where(and(eq(callback.prospectId, prospectId), eq(callback.teamId, actor.teamId)))
    .orderBy(desc(callback.at), desc(callback.id))
    .all();
  const listed = [];
  for (const r of rows) listed.push({ ...r, credit: r.creditedAttemptId === null ? null : await creditedVoicemail(db, r.id) });
  return listed;
}
