import { and, desc, eq, gt, isNull, max, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, prospect, script, scriptVersion } from "@/db/schema";
import type { Actor } from "./actor";

// What the rep's open Today announces (issue 14): callbacks that somebody or something else
// logged — a teammate, an import, a webhook — and that were credited to one of the rep's
// voicemails. Opening Today fixes a cursor (the team's newest callback id); later reads, made
// when the live feed reports a callback, return what came after it.

export type CallbackNotice = { id: number; prospectName: string; voicemailNumber: number | null; scriptTitle: string | null };

const NOTICES_SHOWN = 10;

/** The team's newest callback id: where an opening Today starts announcing. */
export async function callbackCursor(db: Db, actor: Actor): Promise<number> {
  const newest = await db.select({ id: max(callback.id) }).from(callback).where(eq(callback.teamId, actor.teamId)).get();
  return Number(newest?.id ?? 0);
}

export function callbacksCreditedToMe(db: Db, actor: Actor, afterId: number): Promise<CallbackNotice[]> {
  return db
    .select({ id: callback.id, prospectName: prospect.name, voicemailNumber: attempt.voicemailNumber, scriptTitle: script.title })
    .from(callback)
    .innerJoin(attempt, eq(attempt.id, callback.creditedAttemptId))
    .innerJoin(prospect, eq(prospect.id, callback.prospectId))
    .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
    .leftJoin(script, eq(script.id, scriptVersion.scriptId))
    .where(
      and(
        eq(callback.teamId, actor.teamId),
        eq(attempt.teamId, actor.teamId),
        eq(attempt.repId, actor.userId),
        gt(callback.id, afterId),
        isNull(callback.deletedAt),
        or(isNull(callback.loggedById), ne(callback.loggedById, actor.userId)),
      ),
    )
    .orderBy(desc(callback.id))
    .limit(NOTICES_SHOWN)
    .all();
}
