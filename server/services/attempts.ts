import { and, desc, eq, gte, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, prospect, script, scriptVersion, user } from "@/db/schema";
import type { LogAttemptInput } from "@/lib/inputs/calls";
import type { Actor } from "./actor";
import { reattributeProspect } from "./attribution";
import { Conflict } from "./errors";
import { findOrCreateProspect } from "./prospects";
import { usableVersion } from "./scripts";

/** Logs one dial; a voicemail is stamped with the script's current version. One transaction. */
export function logAttempt(db: Db, actor: Actor, input: LogAttemptInput) {
  return db.transaction((tx) => {
    const target = findOrCreateProspect(tx, actor, input.prospect);
    const version = input.outcome === "voicemail" && input.scriptId !== undefined ? usableVersion(tx, actor, input.scriptId) : null;
    const at = input.at ?? new Date();
    const inserted = tx
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
      })
      .onConflictDoNothing()
      .returning({ id: attempt.id })
      .get();
    if (!inserted) throw new Conflict("That dial is already logged.");
    if (input.outcome === "voicemail") reattributeProspect(tx, actor.teamId, target.id);
    return { id: inserted.id, prospectId: target.id };
  });
}

/** The actor's own dials since `since`, newest first, for the Today page. */
export function listMyAttempts(db: Db, actor: Actor, since: Date, until: Date = new Date(8.64e15)) {
  return db
    .select({
      id: attempt.id,
      at: attempt.at,
      outcome: attempt.outcome,
      prospectId: prospect.id,
      prospectName: prospect.name,
      prospectPhone: prospect.phone,
      scriptTitle: script.title,
      versionNumber: scriptVersion.number,
      voicemailNumber: attempt.voicemailNumber,
      returnedAt: attempt.returnedAt,
      repName: user.name,
    })
    .from(attempt)
    .innerJoin(prospect, eq(prospect.id, attempt.prospectId))
    .innerJoin(user, eq(user.id, attempt.repId))
    .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
    .leftJoin(script, eq(script.id, scriptVersion.scriptId))
    .where(and(eq(attempt.teamId, actor.teamId), eq(attempt.repId, actor.userId), isNull(attempt.deletedAt), gte(attempt.at, since), lt(attempt.at, until)))
    .orderBy(desc(attempt.at), desc(attempt.id))
    .limit(500)
    .all();
}
