import { sql } from "drizzle-orm";
import { attempt, callback, prospect } from "@/db/schema";
import { engineOf, type Tx } from "@/db/types";
import type { CallbackResult, Outcome } from "@/lib/vocabulary";

// The write path every import shares (`import attempts`, `import callbacks`, `import calls`):
// many rows into `prospect`, `attempt` or `callback`, the last two each skipped when a unique index already holds it (a
// repeated import adds nothing), saying which rows were written. SQLite runs one prepared
// statement per row: in-process, that is cheaper than building SQL for a chunk. PostgreSQL takes
// a chunk per statement: a round trip per row made a 100k-row import spend most of its time
// waiting on the socket.

const CHUNK = 1000;

export type AttemptInsert = {
  repId: string;
  prospectId: number;
  at: Date;
  outcome: Outcome;
  scriptVersionId: number | null;
  messageSeconds: number | null;
  notes: string | null;
  /** Attribution's facts, when known before the insert (a prospect the import creates); else left to reattribution. */
  voicemailNumber?: number | null;
  returnedAt?: number | null;
  appointment?: boolean;
  source?: string | null;
  sourceCallId?: string | null;
};

export type CallbackInsert = {
  prospectId: number;
  at: Date;
  result: CallbackResult;
  notes: string | null;
  loggedById: string;
  creditedAttemptId?: number | null;
  source?: string | null;
  sourceCallId?: string | null;
};

/** Which of `rows` the statement wrote, from the natural keys it returned: a key returned once marks its first row only. */
function writtenFlags<T>(rows: readonly T[], returned: readonly T[], keyOf: (row: T) => string): boolean[] {
  const keys = new Map<string, number>();
  for (const r of returned) keys.set(keyOf(r), (keys.get(keyOf(r)) ?? 0) + 1);
  return rows.map((row) => {
    const n = keys.get(keyOf(row)) ?? 0;
    if (n) keys.set(keyOf(row), n - 1);
    return n > 0;
  });
}

/** PostgreSQL: a chunk of rows per statement, which returns the natural keys of the rows it wrote. */
async function inChunks<R, K>(rows: readonly R[], insert: (chunk: readonly R[]) => Promise<K[]>, keyOf: (row: R | K) => string, onRow?: (done: number) => void) {
  const written: boolean[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    written.push(...writtenFlags<R | K>(chunk, await insert(chunk), keyOf));
    onRow?.(i + chunk.length);
  }
  return written;
}

/** SQLite: one prepared statement run per row; `changes` says whether it wrote. */
async function oneByOne<R>(rows: readonly R[], run: (row: R) => Promise<{ changes: number }>, onRow?: (done: number) => void) {
  const written: boolean[] = [];
  for (const [i, row] of rows.entries()) {
    written.push((await run(row)).changes > 0);
    onRow?.(i + 1);
  }
  return written;
}

const attemptKey = (r: { prospectId: number; repId: string; at: Date; outcome: string }) => `${r.prospectId}|${r.repId}|${r.at.getTime()}|${r.outcome}`;
const callbackKey = (r: { prospectId: number; at: Date; result: string }) => `${r.prospectId}|${r.at.getTime()}|${r.result}`;

/** Inserts the attempts of a team; `written[i]` says whether row i was new. `onRow` follows progress. */
export async function insertAttempts(tx: Tx, teamId: string, rows: readonly AttemptInsert[], onRow?: (done: number) => void): Promise<boolean[]> {
  const values = (r: AttemptInsert) => ({
    teamId,
    repId: r.repId,
    prospectId: r.prospectId,
    at: r.at,
    outcome: r.outcome,
    scriptVersionId: r.scriptVersionId,
    messageSeconds: r.messageSeconds,
    notes: r.notes,
    voicemailNumber: r.voicemailNumber ?? null,
    returnedAt: r.returnedAt === undefined || r.returnedAt === null ? null : new Date(r.returnedAt),
    appointment: r.appointment ?? false,
    source: r.source ?? null,
    sourceCallId: r.sourceCallId ?? null,
  });
  if (engineOf(tx) === "postgres") {
    const returning = { prospectId: attempt.prospectId, repId: attempt.repId, at: attempt.at, outcome: attempt.outcome };
    return inChunks(rows, (chunk) => tx.insert(attempt).values(chunk.map(values)).onConflictDoNothing().returning(returning).all(), attemptKey, onRow);
  }
  // No RETURNING: `changes` says enough, and RETURNING doubled the insert time of a 100k-row file
  // (measured: 1.9 s → 1.0 s of CPU). Raw placeholders where a column's encoder cannot take null.
  const insert = tx
    .insert(attempt)
    .values({
      teamId,
      repId: sql.placeholder("repId"),
      prospectId: sql.placeholder("prospectId"),
      at: sql.placeholder("at"),
      outcome: sql.placeholder("outcome"),
      scriptVersionId: sql.placeholder("scriptVersionId"),
      messageSeconds: sql.placeholder("messageSeconds"),
      notes: sql.placeholder("notes"),
      voicemailNumber: sql.placeholder("voicemailNumber"),
      returnedAt: sql`${sql.placeholder("returnedAt")}`,
      appointment: sql`${sql.placeholder("appointment")}`,
      source: sql.placeholder("source"),
      sourceCallId: sql.placeholder("sourceCallId"),
    })
    .onConflictDoNothing()
    .prepare();
  return oneByOne(rows, (r) => insert.run({ ...values(r), returnedAt: r.returnedAt ?? null, appointment: r.appointment ? 1 : 0 }), onRow);
}

/** Inserts the callbacks of a team; `written[i]` says whether row i was new. */
export async function insertCallbacks(tx: Tx, teamId: string, rows: readonly CallbackInsert[], onRow?: (done: number) => void): Promise<boolean[]> {
  const values = (r: CallbackInsert) => ({
    teamId,
    prospectId: r.prospectId,
    at: r.at,
    result: r.result,
    notes: r.notes,
    loggedById: r.loggedById,
    creditedAttemptId: r.creditedAttemptId ?? null,
    source: r.source ?? null,
    sourceCallId: r.sourceCallId ?? null,
  });
  if (engineOf(tx) === "postgres") {
    const returning = { prospectId: callback.prospectId, at: callback.at, result: callback.result };
    return inChunks(rows, (chunk) => tx.insert(callback).values(chunk.map(values)).onConflictDoNothing().returning(returning).all(), callbackKey, onRow);
  }
  const insert = tx
    .insert(callback)
    .values({
      teamId,
      prospectId: sql.placeholder("prospectId"),
      at: sql.placeholder("at"),
      result: sql.placeholder("result"),
      notes: sql.placeholder("notes"),
      loggedById: sql.placeholder("loggedById"),
      creditedAttemptId: sql.placeholder("creditedAttemptId"),
      source: sql.placeholder("source"),
      sourceCallId: sql.placeholder("sourceCallId"),
    })
    .onConflictDoNothing()
    .prepare();
  return oneByOne(rows, (r) => insert.run(values(r)), onRow);
}

export type ProspectInsert = { name: string; company: string | null; phone: string; ownerId: string };

/** Creates prospects with distinct phones the team lacks; returns their ids by phone. */
export async function insertProspects(tx: Tx, teamId: string, rows: readonly ProspectInsert[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (engineOf(tx) === "postgres") {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const created = await tx.insert(prospect).values(rows.slice(i, i + CHUNK).map((r) => ({ teamId, ...r }))).returning({ id: prospect.id, phone: prospect.phone }).all();
      for (const p of created) ids.set(p.phone!, p.id);
    }
    return ids;
  }
  const insert = tx
    .insert(prospect)
    .values({ teamId, name: sql.placeholder("name"), company: sql.placeholder("company"), phone: sql.placeholder("phone"), ownerId: sql.placeholder("ownerId") })
    .returning({ id: prospect.id })
    .prepare();
  for (const r of rows) ids.set(r.phone, (await insert.get(r))!.id);
  return ids;
}
