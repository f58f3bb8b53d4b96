import { and, asc, gte, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, organization, prospect } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { creditCallbacks } from "@/server/domain/attribution";

// `ringback verify` (DESIGN.md): SQLite's own checks, then every derived number recomputed in
// memory from the rule in server/domain/attribution.ts and compared with what is stored.
// Nothing is written: a verify that "fixed" things would hide the bug that broke them.

export type Difference = {
  table: "attempt" | "callback";
  id: number;
  prospectId: number;
  column: string;
  stored: string;
  expected: string;
};

export type VerifyReport = {
  integrity: string[];
  foreignKeys: string[];
  differences: Difference[];
  checked: { teams: number; prospects: number; attempts: number; voicemails: number; callbacks: number };
};

/** Prospects recomputed per round: bounds memory on large databases. */
const PROSPECTS_PER_ROUND = 5000;

const show = (value: unknown): string => {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return value.toISOString();
  return String(value);
};

export function describeDifference(d: Difference): string {
  return `${d.table} ${d.id} (prospect ${d.prospectId}): ${d.column} is ${d.stored}, expected ${d.expected}`;
}

export const problemCount = (report: VerifyReport) => report.integrity.length + report.foreignKeys.length + report.differences.length;

function sqliteChecks(db: Queryable) {
  const integrity = db
    .all<{ integrity_check: string }>(sql.raw("PRAGMA integrity_check"))
    .map((r) => r.integrity_check)
    .filter((line) => line !== "ok");
  const foreignKeys = db
    .all<{ table: string; rowid: number | null; parent: string; fkid: number }>(sql.raw("PRAGMA foreign_key_check"))
    .map((r) => `${r.table} row ${r.rowid ?? "?"} refers to a missing ${r.parent} (constraint ${r.fkid})`);
  return { integrity, foreignKeys };
}

/** Recomputes attribution for prospects with ids in [low, high] and collects every mismatch. */
function checkProspects(db: Queryable, windows: Map<string, number>, low: number, high: number, report: VerifyReport) {
  const prospects = db
    .select({ id: prospect.id, teamId: prospect.teamId })
    .from(prospect)
    .where(and(gte(prospect.id, low), lte(prospect.id, high)))
    .all();
  const attempts = db
    .select({
      id: attempt.id,
      teamId: attempt.teamId,
      prospectId: attempt.prospectId,
      at: attempt.at,
      outcome: attempt.outcome,
      deletedAt: attempt.deletedAt,
      voicemailNumber: attempt.voicemailNumber,
      returnedAt: attempt.returnedAt,
      appointment: attempt.appointment,
    })
    .from(attempt)
    .where(and(gte(attempt.prospectId, low), lte(attempt.prospectId, high)))
    .orderBy(asc(attempt.id))
    .all();
  const callbacks = db
    .select({
      id: callback.id,
      teamId: callback.teamId,
      prospectId: callback.prospectId,
      at: callback.at,
      result: callback.result,
      deletedAt: callback.deletedAt,
      creditedAttemptId: callback.creditedAttemptId,
    })
    .from(callback)
    .where(and(gte(callback.prospectId, low), lte(callback.prospectId, high)))
    .orderBy(asc(callback.id))
    .all();

  const byProspect = new Map(prospects.map((p) => [p.id, { teamId: p.teamId, attempts: [] as typeof attempts, callbacks: [] as typeof callbacks }]));
  for (const a of attempts) byProspect.get(a.prospectId)?.attempts.push(a);
  for (const c of callbacks) byProspect.get(c.prospectId)?.callbacks.push(c);

  const differ = (d: Omit<Difference, "stored" | "expected">, stored: unknown, expected: unknown) =>
    report.differences.push({ ...d, stored: show(stored), expected: show(expected) });

  for (const [prospectId, p] of byProspect) {
    const live = (row: { deletedAt: Date | null }) => row.deletedAt === null;
    const voicemails = p.attempts.filter((a) => a.outcome === "voicemail" && live(a));
    const liveCallbacks = p.callbacks.filter(live);
    const result = creditCallbacks(
      voicemails.map((v) => ({ id: v.id, at: v.at.getTime() })),
      liveCallbacks.map((c) => ({ id: c.id, at: c.at.getTime(), result: c.result })),
      windows.get(p.teamId) ?? 14,
    );

    for (const a of p.attempts) {
      const where = { table: "attempt" as const, id: a.id, prospectId };
      if (a.teamId !== p.teamId) differ({ ...where, column: "team_id" }, a.teamId, p.teamId);
      // Other outcomes and deleted voicemails carry no derived facts.
      const facts = result.voicemails.get(a.id) ?? { voicemailNumber: null, returnedAt: null, appointment: false };
      if (a.voicemailNumber !== facts.voicemailNumber) differ({ ...where, column: "voicemail_number" }, a.voicemailNumber, facts.voicemailNumber);
      if ((a.returnedAt?.getTime() ?? null) !== facts.returnedAt) {
        differ({ ...where, column: "returned_at" }, a.returnedAt, facts.returnedAt === null ? null : new Date(facts.returnedAt));
      }
      if (a.appointment !== facts.appointment) differ({ ...where, column: "appointment" }, a.appointment, facts.appointment);
    }
    for (const c of p.callbacks) {
      const where = { table: "callback" as const, id: c.id, prospectId };
      if (c.teamId !== p.teamId) differ({ ...where, column: "team_id" }, c.teamId, p.teamId);
      // A deleted callback is outside every number, so its stored credit is not derived any more.
      if (!live(c)) continue;
      const expected = result.credits.get(c.id) ?? null;
      if (c.creditedAttemptId !== expected) differ({ ...where, column: "credited_attempt_id" }, c.creditedAttemptId, expected);
    }

    report.checked.prospects++;
    report.checked.attempts += p.attempts.length;
    report.checked.voicemails += voicemails.length;
    report.checked.callbacks += p.callbacks.length;
  }
}

function verifyIn(db: Queryable): VerifyReport {
  const report: VerifyReport = {
    ...sqliteChecks(db),
    differences: [],
    checked: { teams: 0, prospects: 0, attempts: 0, voicemails: 0, callbacks: 0 },
  };
  const teams = db.select({ id: organization.id, days: organization.attributionWindowDays }).from(organization).all();
  report.checked.teams = teams.length;
  const windows = new Map(teams.map((t) => [t.id, t.days]));
  const range = db.select({ low: sql<number | null>`min(${prospect.id})`, high: sql<number | null>`max(${prospect.id})` }).from(prospect).get();
  if (range?.low != null && range.high != null) {
    for (let low = range.low; low <= range.high; low += PROSPECTS_PER_ROUND) {
      checkProspects(db, windows, low, Math.min(low + PROSPECTS_PER_ROUND - 1, range.high), report);
    }
  }
  return report;
}

/**
 * Integrity and foreign-key checks, then attribution recomputed for every prospect of every team
 * and compared with the stored derived columns (attempt.voicemail_number, returned_at,
 * appointment; callback.credited_attempt_id). Reads one consistent snapshot; writes nothing.
 */
export function verifyDatabase(db: Db): VerifyReport {
  return db.transaction((tx) => verifyIn(tx), { behavior: "deferred" });
}
