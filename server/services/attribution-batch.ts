import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { attempt, callback, organization } from "@/db/schema";
import type { Tx } from "@/db/types";
import { creditCallbacks } from "@/server/domain/attribution";

const CHUNK = 500;

/** The team's attribution window in days (14 unless the team set another). */
export async function attributionWindowDays(tx: Tx, teamId: string): Promise<number> {
  return (await tx.select({ days: organization.attributionWindowDays }).from(organization).where(eq(organization.id, teamId)).get())?.days ?? 14;
}

/**
 * `reattributeProspect` (services/attribution.ts) for many prospects at once, for imports: the
 * same rule and the same stored facts, but read 500 prospects per query and written through
 * prepared statements, because per-prospect queries made a 100k-row import spend most of its
 * time here. `verify` recomputes attribution independently and would flag any drift.
 */
export async function reattributeProspects(tx: Tx, teamId: string, prospectIds: Iterable<number>, onProgress?: (done: number, total: number) => void) {
  const ids = [...new Set(prospectIds)];
  if (!ids.length) return;
  const windowDays = await attributionWindowDays(tx, teamId);
  const storeVoicemail = tx
    .update(attempt)
    // Raw placeholders (bound as stored: epoch ms, 0/1), since a column's encoder cannot take null.
    .set({ voicemailNumber: sql`${sql.placeholder("voicemailNumber")}`, returnedAt: sql`${sql.placeholder("returnedAt")}`, appointment: sql`${sql.placeholder("appointment")}` })
    .where(eq(attempt.id, sql.placeholder("id")))
    .prepare();
  const storeCredit = tx.update(callback).set({ creditedAttemptId: sql`${sql.placeholder("credited")}` }).where(eq(callback.id, sql.placeholder("id"))).prepare();

  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const voicemails = await tx
      .select({ id: attempt.id, prospectId: attempt.prospectId, at: attempt.at, voicemailNumber: attempt.voicemailNumber, returnedAt: attempt.returnedAt, appointment: attempt.appointment })
      .from(attempt)
      .where(and(eq(attempt.teamId, teamId), inArray(attempt.prospectId, chunk), eq(attempt.outcome, "voicemail"), isNull(attempt.deletedAt)))
      .all();
    const callbacks = await tx
      .select({ id: callback.id, prospectId: callback.prospectId, at: callback.at, result: callback.result, creditedAttemptId: callback.creditedAttemptId })
      .from(callback)
      .where(and(eq(callback.teamId, teamId), inArray(callback.prospectId, chunk), isNull(callback.deletedAt)))
      .all();
    const byProspect = new Map<number, { voicemails: typeof voicemails; callbacks: typeof callbacks }>();
    const of = (id: number) => {
      let entry = byProspect.get(id);
      if (!entry) byProspect.set(id, (entry = { voicemails: [], callbacks: [] }));
      return entry;
    };
    for (const v of voicemails) of(v.prospectId).voicemails.push(v);
    for (const c of callbacks) of(c.prospectId).callbacks.push(c);

    for (const entry of byProspect.values()) {
      const result = creditCallbacks(
        entry.voicemails.map((v) => ({ id: v.id, at: v.at.getTime() })),
        entry.callbacks.map((c) => ({ id: c.id, at: c.at.getTime(), result: c.result })),
        windowDays,
      );
      for (const v of entry.voicemails) {
        const facts = result.voicemails.get(v.id)!;
        if (v.voicemailNumber !== facts.voicemailNumber || (v.returnedAt?.getTime() ?? null) !== facts.returnedAt || v.appointment !== facts.appointment) {
          await storeVoicemail.run({ id: v.id, voicemailNumber: facts.voicemailNumber, returnedAt: facts.returnedAt, appointment: facts.appointment ? 1 : 0 });
        }
      }
      for (const c of entry.callbacks) {
        const credited = result.credits.get(c.id) ?? null;
        if (credited !== c.creditedAttemptId) await storeCredit.run({ id: c.id, credited });
      }
    }
    // Deleted voicemails keep no derived facts (as in reattributeProspect).
    await tx.update(attempt)
      .set({ voicemailNumber: null, returnedAt: null, appointment: false })
      .where(and(inArray(attempt.prospectId, chunk), isNotNull(attempt.deletedAt), isNotNull(attempt.voicemailNumber)))
      .run();
    onProgress?.(Math.min(i + CHUNK, ids.length), ids.length);
  }
}
