import { and, asc, gte, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, organization, prospect, statsRollup } from "@/db/schema";
import { engineOf, type Queryable } from "@/db/types";
import { creditCallbacks } from "@/server/domain/attribution";
import { SLOT_MS, slotClock } from "@/server/domain/time-buckets";

// `ringback verify` (DESIGN.md): SQLite's own checks, then every derived number recomputed in
// memory from the rule in server/domain/attribution.ts and compared with what is stored.
// Nothing is written: a verify that "fixed" things would hide the bug that broke them.

export type Difference = {
  /** stats_rollup differences carry id 0 and prospect 0: a counter belongs to no one row. */
  table: "attempt" | "callback" | "stats_rollup";
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
  checked: { teams: number; prospects: number; attempts: number; voicemails: number; callbacks: number; rollups: number };
};

/** Prospects recomputed per round: bounds memory on large databases. */
const PROSPECTS_PER_ROUND = 5000;

const show = (value: unknown): string => {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return value.toISOString();
  return String(value);
};

export function describeDifference(d: Difference): string {
  if (d.table === "stats_rollup") return `stats_rollup ${d.column}: voicemails/returned/appointments are ${d.stored}, expected ${d.expected}`;
  return `${d.table} ${d.id} (prospect ${d.prospectId}): ${d.column} is ${d.stored}, expected ${d.expected}`;
}

export const problemCount = (report: VerifyReport) => report.integrity.length + report.foreignKeys.length + report.differences.length;

/**
 * The engine's own checks. SQLite: integrity_check and foreign_key_check. PostgreSQL enforces
 * every foreign key on every write (none can be switched off as SQLite's can), and page-level
 * corruption is pg_amcheck's job, an extension Ringback does not install: both lists are empty.
 */
async function engineChecks(db: Queryable): Promise<{ integrity: string[]; foreignKeys: string[] }> {
  if (engineOf(db) === "postgres") return { integrity: [], foreignKeys: [] };
  return sqliteChecks(db);
}

async function sqliteChecks(db: Queryable) {
  const integrity = (await db
    .all<{ integrity_check: string }>(sql.raw("PRAGMA integrity_check")))
    .map((r) => r.integrity_check)
    .filter((line) => line !== "ok");
  const foreignKeys = (await db
    .all<{ table: string; rowid: number | null; parent: string; fkid: number }>(sql.raw("PRAGMA foreign_key_check")))
    .map((r) => `${r.table} row ${r.rowid ?? "?"} refers to a missing ${r.parent} (constraint ${r.fkid})`);
  return { integrity, foreignKeys };
}

/** Recomputes attribution for prospects with ids in [low, high] and collects every mismatch. */
async function checkProspects(db: Queryable, windows: Map<string, number>, low: number, high: number, report: VerifyReport) {
  const prospects = await db
    .select({ id: prospect.id, teamId: prospect.teamId })
    .from(prospect)
    .where(and(gte(prospect.id, low), lte(prospect.id, high)))
    .all();
  const attempts = await db
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
  const callbacks = await db
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

const ATTEMPTS_PER_ROUND = 100_000;

/**
 * Recounts every leaderboard rollup counter from the stored attempts — local days from the
 * team's zone through Intl, not the offset table the triggers use — and reports each counter
 * that differs, is missing, or should not exist.
 */
async function checkRollups(db: Queryable, zones: Map<string, string>, report: VerifyReport) {
  const expected = new Map<string, [number, number, number]>();
  const clocks = new Map([...zones].map(([team, zone]) => [team, slotClock(zone)]));
  const add = (key: string, returned: number, appointment: number) => {
    const counts = expected.get(key);
    if (counts) {
      counts[0]++;
      counts[1] += returned;
      counts[2] += appointment;
    } else expected.set(key, [1, returned, appointment]);
  };
  const range = await db.select({ high: sql<number | null>`max(${attempt.id})` }).from(attempt).get();
  for (let low = 0; low <= (range?.high ?? -1); low += ATTEMPTS_PER_ROUND) {
    const rows = await db.values<[string, number, number | null, string, number | null, number, number]>(sql`
      select team_id, at, script_version_id, rep_id, voicemail_number, case when returned_at is not null then 1 else 0 end, appointment from ${attempt}
      where id >= ${low} and id < ${low + ATTEMPTS_PER_ROUND} and outcome = 'voicemail' and deleted_at is null`);
    for (const [team, at, version, rep, number, returned, appointment] of rows) {
      const day = clocks.get(team)?.(Math.floor(at / SLOT_MS)).date ?? new Date(at).toISOString().slice(0, 10);
      const keys: [string, string | null][] = [
        ["version", version === null ? null : String(version)],
        ["rep", rep],
        ["attempt", number === null ? null : number >= 4 ? "4+" : String(number)],
      ];
      for (const [dim, key] of keys) {
        if (key === null) continue;
        add(`${team}\t${dim}\tday\t${day}\t${key}`, returned, appointment);
        add(`${team}\t${dim}\tmonth\t${day.slice(0, 7)}\t${key}`, returned, appointment);
      }
    }
  }
  const stored = await db.values<[string, string, string, string, string, number, number, number]>(sql`
    select team_id, dim, grain, period, key, voicemails, returned, appointments from ${statsRollup}
    where voicemails <> 0 or returned <> 0 or appointments <> 0`);
  const differ = (key: string, found: readonly number[] | undefined, wanted: readonly number[] | undefined) => {
    const [, dim, grain, period, name] = key.split("\t");
    report.differences.push({ table: "stats_rollup", id: 0, prospectId: 0, column: `${dim} ${grain} ${period} ${name}`, stored: (found ?? [0, 0, 0]).join("/"), expected: (wanted ?? [0, 0, 0]).join("/") });
  };
  for (const [team, dim, grain, period, key, voicemails, returned, appointments] of stored) {
    const id = `${team}\t${dim}\t${grain}\t${period}\t${key}`;
    const wanted = expected.get(id);
    const found = [voicemails, returned, appointments];
    if (!wanted || wanted.some((n, i) => n !== found[i])) differ(id, found, wanted);
    expected.delete(id);
  }
  for (const [id, wanted] of expected) differ(id, undefined, wanted);
  report.checked.rollups = stored.length;
}

async function verifyIn(db: Queryable): Promise<VerifyReport> {
  const report: VerifyReport = {
    ...(await engineChecks(db)),
    differences: [],
    checked: { teams: 0, prospects: 0, attempts: 0, voicemails: 0, callbacks: 0, rollups: 0 },
  };
  const teams = await db.select({ id: organization.id, days: organization.attributionWindowDays, timezone: organization.timezone }).from(organization).all();
  report.checked.teams = teams.length;
  const windows = new Map(teams.map((t) => [t.id, t.days]));
  const range = await db.select({ low: sql<number | null>`min(${prospect.id})`, high: sql<number | null>`max(${prospect.id})` }).from(prospect).get();
  if (range?.low != null && range.high != null) {
    for (let low = range.low; low <= range.high; low += PROSPECTS_PER_ROUND) {
      await checkProspects(db, windows, low, Math.min(low + PROSPECTS_PER_ROUND - 1, range.high), report);
    }
  }
  await checkRollups(db, new Map(teams.map((t) => [t.id, t.timezone])), report);
  return report;
}

/**
 * Integrity and foreign-key checks, then attribution recomputed for every prospect of every team
 * and compared with the stored derived columns (attempt.voicemail_number, returned_at,
 * appointment; callback.credited_attempt_id), then the leaderboard rollups recounted from the
 * attempts. Reads one consistent snapshot; writes nothing.
 */
export async function verifyDatabase(db: Db): Promise<VerifyReport> {
  return db.transaction(async (tx) => verifyIn(tx), { behavior: "deferred" });
}
