import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { attempt, callback, organization } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { creditCallbacks } from "@/server/domain/attribution";

/**
 * Re-runs attribution for one prospect and stores what it derives (credited voicemail per
 * callback; voicemail number, returned time and appointment flag per voicemail). Callers run it
 * inside the transaction of the write that changed the prospect's attempts or callbacks.
 */
export function reattributeProspect(db: Queryable, teamId: string, prospectId: number) {
  const windowDays =
    db.select({ days: organization.attributionWindowDays }).from(organization).where(eq(organization.id, teamId)).get()?.days ?? 14;
  const voicemails = db
    .select({ id: attempt.id, at: attempt.at, voicemailNumber: attempt.voicemailNumber, returnedAt: attempt.returnedAt, appointment: attempt.appointment })
    .from(attempt)
    .where(and(eq(attempt.prospectId, prospectId), eq(attempt.outcome, "voicemail"), isNull(attempt.deletedAt)))
    .all();
  const callbacks = db
    .select({ id: callback.id, at: callback.at, result: callback.result, creditedAttemptId: callback.creditedAttemptId })
    .from(callback)
    .where(and(eq(callback.prospectId, prospectId), isNull(callback.deletedAt)))
    .all();

  const result = creditCallbacks(
    voicemails.map((v) => ({ id: v.id, at: v.at.getTime() })),
    callbacks.map((c) => ({ id: c.id, at: c.at.getTime(), result: c.result })),
    windowDays,
  );

  for (const v of voicemails) {
    const facts = result.voicemails.get(v.id)!;
    const returnedAt = facts.returnedAt === null ? null : new Date(facts.returnedAt);
    if (v.voicemailNumber !== facts.voicemailNumber || v.returnedAt?.getTime() !== returnedAt?.getTime() || v.appointment !== facts.appointment) {
      db.update(attempt).set({ voicemailNumber: facts.voicemailNumber, returnedAt, appointment: facts.appointment }).where(eq(attempt.id, v.id)).run();
    }
  }
  for (const c of callbacks) {
    const credited = result.credits.get(c.id) ?? null;
    if (credited !== c.creditedAttemptId) db.update(callback).set({ creditedAttemptId: credited }).where(eq(callback.id, c.id)).run();
  }
  // Deleted voicemails keep no derived facts, so stats and `verify` never see stale ones.
  db.update(attempt)
    .set({ voicemailNumber: null, returnedAt: null, appointment: false })
    .where(and(eq(attempt.prospectId, prospectId), isNotNull(attempt.deletedAt), isNotNull(attempt.voicemailNumber)))
    .run();
}
