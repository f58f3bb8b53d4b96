import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { attempt, callback, organization } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { creditCallbacks, type Attribution } from "@/server/domain/attribution";

async function prospectRows(db: Queryable, teamId: string, prospectId: number) {
  const windowDays =
    (await db.select({ days: organization.attributionWindowDays }).from(organization).where(eq(organization.id, teamId)).get())?.days ?? 14;
  const voicemails = await db
    .select({ id: attempt.id, at: attempt.at, voicemailNumber: attempt.voicemailNumber, returnedAt: attempt.returnedAt, appointment: attempt.appointment })
    .from(attempt)
    .where(and(eq(attempt.prospectId, prospectId), eq(attempt.outcome, "voicemail"), isNull(attempt.deletedAt)))
    .all();
  const callbacks = await db
    .select({ id: callback.id, at: callback.at, result: callback.result, creditedAttemptId: callback.creditedAttemptId })
    .from(callback)
    .where(and(eq(callback.prospectId, prospectId), isNull(callback.deletedAt)))
    .all();
  return { windowDays, voicemails, callbacks };
}

type ProspectRows = Awaited<ReturnType<typeof prospectRows>>;

const attribute = (rows: ProspectRows, extra: { id: number; at: number }[] = []) =>
  creditCallbacks(
    [...rows.voicemails.map((v) => ({ id: v.id, at: v.at.getTime() })), ...extra],
    rows.callbacks.map((c) => ({ id: c.id, at: c.at.getTime(), result: c.result })),
    rows.windowDays,
  );

/** Writes only what changed; `rename` maps a placeholder voicemail id to the stored one. */
async function storeChanges(db: Queryable, rows: ProspectRows, result: Attribution, rename: (id: number | null) => number | null = (id) => id) {
  for (const v of rows.voicemails) {
    const facts = result.voicemails.get(v.id)!;
    const returnedAt = facts.returnedAt === null ? null : new Date(facts.returnedAt);
    if (v.voicemailNumber !== facts.voicemailNumber || v.returnedAt?.getTime() !== returnedAt?.getTime() || v.appointment !== facts.appointment) {
      await db.update(attempt).set({ voicemailNumber: facts.voicemailNumber, returnedAt, appointment: facts.appointment }).where(eq(attempt.id, v.id)).run();
    }
  }
  for (const c of rows.callbacks) {
    const credited = rename(result.credits.get(c.id) ?? null);
    if (credited !== c.creditedAttemptId) await db.update(callback).set({ creditedAttemptId: credited }).where(eq(callback.id, c.id)).run();
  }
}

/**
 * Re-runs attribution for one prospect and stores what it derives (credited voicemail per
 * callback; voicemail number, returned time and appointment flag per voicemail). Callers run it
 * inside the transaction of the write that changed the prospect's attempts or callbacks.
 */
export async function reattributeProspect(db: Queryable, teamId: string, prospectId: number) {
  const rows = await prospectRows(db, teamId, prospectId);
  await storeChanges(db, rows, attribute(rows));
  // Deleted voicemails keep no derived facts, so stats and `verify` never see stale ones.
  await db.update(attempt)
    .set({ voicemailNumber: null, returnedAt: null, appointment: false })
    .where(and(eq(attempt.prospectId, prospectId), isNotNull(attempt.deletedAt), isNotNull(attempt.voicemailNumber)))
    .run();
}

// Stands for the voicemail being logged until it has its id. SQLite gives a new row an id above
// every existing one, so this sorts (on equal times) exactly where the stored row will.
const NEW_VOICEMAIL = Number.MAX_SAFE_INTEGER;

/**
 * Attribution for a voicemail about to be logged to this prospect: its own derived facts, to be
 * inserted with it (so the rollup triggers count it once instead of inserting and then
 * correcting it), and `store`, which brings the prospect's other rows in line once it has its id.
 * Same rule and same result as inserting it and calling `reattributeProspect`; logging adds a
 * live row only, so no deleted voicemail needs clearing.
 */
export async function attributeNewVoicemail(db: Queryable, teamId: string, prospectId: number, at: Date) {
  const rows = await prospectRows(db, teamId, prospectId);
  const result = attribute(rows, [{ id: NEW_VOICEMAIL, at: at.getTime() }]);
  const own = result.voicemails.get(NEW_VOICEMAIL)!;
  return {
    facts: { voicemailNumber: own.voicemailNumber, returnedAt: own.returnedAt === null ? null : new Date(own.returnedAt), appointment: own.appointment },
    store: (id: number) => storeChanges(db, rows, result, (credited) => (credited === NEW_VOICEMAIL ? id : credited)),
  };
}
