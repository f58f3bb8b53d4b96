import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, prospect, script, scriptVersion, user } from "@/db/schema";
import type { LogCallbackInput } from "@/lib/inputs/calls";
import type { Actor } from "./actor";
import { reattributeProspect } from "./attribution";
import { Conflict } from "./errors";
import { findOrCreateProspect } from "./prospects";

/** Records a callback, credits it to the voicemail that caused it, and reports that credit. */
export function logCallback(db: Db, actor: Actor, input: LogCallbackInput) {
  return db.transaction((tx) => {
    const target = findOrCreateProspect(tx, actor, input.prospect);
    const inserted = tx
      .insert(callback)
      .values({ teamId: actor.teamId, prospectId: target.id, at: input.at ?? new Date(), result: input.result, notes: input.notes || null, loggedById: actor.userId })
      .onConflictDoNothing()
      .returning({ id: callback.id })
      .get();
    if (!inserted) throw new Conflict("That callback is already logged.");
    reattributeProspect(tx, actor.teamId, target.id);
    if (input.result === "appointment") tx.update(prospect).set({ status: "appointment" }).where(eq(prospect.id, target.id)).run();
    return { id: inserted.id, prospectId: target.id, credit: creditedVoicemail(tx, inserted.id) };
  });
}

/** The voicemail a stored callback is credited to, described for people; null when unattributed. */
export function creditedVoicemail(db: Pick<Db, "select">, callbackId: number) {
  return (
    db
      .select({
        attemptId: attempt.id,
        at: attempt.at,
        voicemailNumber: attempt.voicemailNumber,
        scriptTitle: script.title,
        versionNumber: scriptVersion.number,
        repName: user.name,
      })
      .from(callback)
      .innerJoin(attempt, eq(attempt.id, callback.creditedAttemptId))
      .innerJoin(user, eq(user.id, attempt.repId))
      .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
      .leftJoin(script, eq(script.id, scriptVersion.scriptId))
      .where(and(eq(callback.id, callbackId), isNull(attempt.deletedAt)))
      .get() ?? null
  );
}
