import { and, desc, eq, gte, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { teamTransaction } from "@/db/team-writes";
import { isUniqueViolation } from "@/db/errors";
import type { Db } from "@/db/client";
import { attempt, callback, organization, prospect, script, scriptVersion, user } from "@/db/schema";
import type { Queryable, Tx } from "@/db/types";
import type { LogAttemptInput, UpdateAttemptInput } from "@/lib/inputs/calls";
import { ENTRY_TIME_REASONS, entryTimeProblem } from "@/server/domain/entry-time";
import { startOfDayIn } from "@/server/domain/team-day";
import { isManager, type Actor } from "./actor";
import { attributeNewVoicemail, reattributeProspect } from "./attribution";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { recordExperimentVoicemail, updateReadScript } from "./experiment-assignment";
import { findOrCreateProspect } from "./prospects";
import { usableVersion } from "./scripts";

/** Refuses a time no dial or callback can have (server/domain/entry-time), in the user's words. */
export function requireEntryTime(at: Date, now: Date = new Date()) {
  const problem = entryTimeProblem(at.getTime(), now.getTime());
  if (problem) throw new Invalid(`This time ${ENTRY_TIME_REASONS[problem]}.`);
}

/** Where a dial came from when not typed in: the REST API's `api` and the caller's id for the call. */
export type DialOrigin = { source: string; sourceCallId: string | null };

/** Logs one dial; a voicemail is stamped with the script's current version. One transaction. */
export async function logAttempt(db: Db, actor: Actor, input: LogAttemptInput) {
  const at = input.at ?? new Date();
  requireEntryTime(at);
  return teamTransaction(db, actor.teamId, async (tx) => logAttemptIn(tx, actor, { ...input, at }));
}

/** logAttempt's work inside the caller's transaction (the REST API's idempotent dials). */
export async function logAttemptIn(tx: Tx, actor: Actor, input: LogAttemptInput & { at: Date }, origin?: DialOrigin) {
  const at = input.at;
  const target = await findOrCreateProspect(tx, actor, input.prospect);
  const version = input.outcome === "voicemail" && input.scriptId !== undefined ? await usableVersion(tx, actor, input.scriptId) : null;
  const attribution = input.outcome === "voicemail" ? await attributeNewVoicemail(tx, actor.teamId, target.id, at) : null;
  const inserted = await tx
    .insert(attempt)
    .values({
      teamId: actor.teamId,
      repId: actor.userId,
      prospectId: target.id,
      at,
      outcome: input.outcome,
      scriptVersionId: version?.id ?? null,
      messageSeconds: input.outcome === "voicemail" ? (input.messageSeconds ?? null) : null,
      notes: input.notes || null,
      source: origin?.source ?? null,
      sourceCallId: origin?.sourceCallId ?? null,
      ...attribution?.facts,
    })
    .onConflictDoNothing()
    .returning({ id: attempt.id })
    .get();
  if (!inserted) throw new Conflict("That dial is already logged.");
  await attribution?.store(inserted.id);
  if (attribution?.facts.voicemailNumber != null && input.scriptId !== undefined) {
    const voicemail = { attemptId: inserted.id, prospectId: target.id, voicemailNumber: attribution.facts.voicemailNumber, at, readScriptId: input.scriptId };
    await recordExperimentVoicemail(tx, actor, voicemail);
  }
  return { id: inserted.id, prospectId: target.id };
}

/** A dial of the actor's team that the actor may change: reps their own, managers any. */
async function changeableAttempt(db: Queryable, actor: Actor, id: number) {
  const row = await db.select().from(attempt).where(and(eq(attempt.id, id), eq(attempt.teamId, actor.teamId))).get();
  if (!row) throw new NotFound("Dial not found.");
  if (!isManager(actor) && row.repId !== actor.userId) throw new Forbidden("You can only change your own dials.");
  return row;
}


/** Edits a dial; the voicemail/script rule of logging still holds, and attribution re-runs. */
export async function updateAttempt(db: Db, actor: Actor, input: UpdateAttemptInput) {
  if (input.at) requireEntryTime(input.at);
  return db.transaction(async (tx) => {
    const row = await changeableAttempt(tx, actor, input.id);
    if (row.deletedAt) throw new Invalid("Restore this dial before editing it.");
    const outcome = input.outcome ?? row.outcome;
    if (outcome !== "voicemail" && input.scriptId != null) throw new Invalid("Only voicemails have a script.");
    let scriptVersionId = outcome === "voicemail" ? row.scriptVersionId : null;
    if (outcome === "voicemail" && input.scriptId != null) {
      const current = scriptVersionId === null ? null : await tx.select({ scriptId: scriptVersion.scriptId }).from(scriptVersion).where(eq(scriptVersion.id, scriptVersionId)).get();
      // Keeping the same script keeps the version the rep actually read.
      if (current?.scriptId !== input.scriptId) {
        scriptVersionId = (await usableVersion(tx, actor, input.scriptId)).id;
        await updateReadScript(tx, row.id, input.scriptId);
      }
    }
    if (outcome === "voicemail" && (scriptVersionId === null || input.scriptId === null)) throw new Invalid("Pick the script you used for this voicemail.");
    const changes = {
      outcome,
      scriptVersionId,
      messageSeconds: outcome === "voicemail" ? (input.messageSeconds !== undefined ? input.messageSeconds : row.messageSeconds) : null,
      notes: input.notes !== undefined ? input.notes || null : row.notes,
      at: input.at ?? row.at,
    };
    // Attribution derives facts for live voicemails only, so a dial that stops being one drops its own here.
    const derived = outcome === "voicemail" ? {} : { voicemailNumber: null, returnedAt: null, appointment: false };
    try {
      await tx.update(attempt).set({ ...changes, ...derived }).where(eq(attempt.id, row.id)).run();
    } catch (e) {
      if (isUniqueViolation(e)) throw new Conflict("Another dial to this prospect is logged at that exact time.");
      throw e;
    }
    await reattributeProspect(tx, actor.teamId, row.prospectId);
    return { id: row.id, prospectId: row.prospectId, ...changes };
  });
}

/** Soft-deletes a dial (restorable); a deleted voicemail's callbacks move to the previous one. */
export async function removeAttempt(db: Db, actor: Actor, id: number) {
  return setDeleted(db, actor, id, new Date());
}

export async function restoreAttempt(db: Db, actor: Actor, id: number) {
  return setDeleted(db, actor, id, null);
}

function setDeleted(db: Db, actor: Actor, id: number, deletedAt: Date | null) {
  return db.transaction(async (tx) => {
    const row = await changeableAttempt(tx, actor, id);
    if ((row.deletedAt === null) !== (deletedAt === null)) {
      await tx.update(attempt).set({ deletedAt }).where(eq(attempt.id, row.id)).run();
      await reattributeProspect(tx, actor.teamId, row.prospectId);
    }
    return { id: row.id, prospectId: row.prospectId, deletedAt };
  });
}

const dialColumns = {
  id: attempt.id,
  at: attempt.at,
  outcome: attempt.outcome,
  prospectId: prospect.id,
  prospectName: prospect.name,
  prospectCompany: prospect.company,
  prospectPhone: prospect.phone,
  scriptId: script.id,
  scriptTitle: script.title,
  versionNumber: scriptVersion.number,
  voicemailNumber: attempt.voicemailNumber,
  returnedAt: attempt.returnedAt,
  messageSeconds: attempt.messageSeconds,
  notes: attempt.notes,
  repName: user.name,
  deletedAt: attempt.deletedAt,
};

function myDials(db: Queryable, actor: Actor, since: Date, until: Date, deleted: boolean) {
  return db
    .select(dialColumns)
    .from(attempt)
    .innerJoin(prospect, eq(prospect.id, attempt.prospectId))
    .innerJoin(user, eq(user.id, attempt.repId))
    .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
    .leftJoin(script, eq(script.id, scriptVersion.scriptId))
    .where(
      and(
        eq(attempt.teamId, actor.teamId),
        eq(attempt.repId, actor.userId),
        deleted ? isNotNull(attempt.deletedAt) : isNull(attempt.deletedAt),
        gte(attempt.at, since),
        lt(attempt.at, until),
      ),
    )
    .orderBy(desc(attempt.at), desc(attempt.id))
    .limit(500)
    .all();
}

/** The actor's own dials since `since`, newest first, for the Today page. */
export async function listMyAttempts(db: Db, actor: Actor, since: Date, until: Date = new Date(8.64e15)) {
  return myDials(db, actor, since, until, false);
}

/**
 * Callbacks received since `since` that count for the actor: credited to one of their
 * voicemails, or unattributed and logged by them.
 */
async function myCallbacks(db: Queryable, actor: Actor, since: Date) {
  return await db
    .select({ callbacks: sql<number>`count(*)`, appointments: sql<number>`coalesce(sum(case when ${callback.result} = 'appointment' then 1 else 0 end), 0)` })
    .from(callback)
    .leftJoin(attempt, eq(attempt.id, callback.creditedAttemptId))
    .where(
      and(
        eq(callback.teamId, actor.teamId),
        isNull(callback.deletedAt),
        gte(callback.at, since),
        or(eq(attempt.repId, actor.userId), and(isNull(callback.creditedAttemptId), eq(callback.loggedById, actor.userId))),
      ),
    )
    .get() ?? { callbacks: 0, appointments: 0 };
}

/** The rep's day in the team's timezone: dials newest first, today's deleted ones, counters. One snapshot. */
export async function todaysDials(db: Db, actor: Actor, now: Date = new Date()) {
  return db.transaction(
    async (tx) => {
      const timezone = (await tx.select({ tz: organization.timezone }).from(organization).where(eq(organization.id, actor.teamId)).get())?.tz ?? "UTC";
      const since = startOfDayIn(timezone, now);
      const until = startOfDayIn(timezone, new Date(since.getTime() + 36 * 3_600_000));
      const dials = await myDials(tx, actor, since, until, false);
      const deleted = await myDials(tx, actor, since, until, true);
      const received = await myCallbacks(tx, actor, since);
      return {
        since,
        timezone,
        dials,
        deleted,
        counters: {
          dials: dials.length,
          voicemails: dials.filter((d) => d.outcome === "voicemail").length,
          callbacks: Number(received.callbacks),
          appointments: Number(received.appointments),
        },
      };
    },
    { behavior: "deferred" },
  );
}
