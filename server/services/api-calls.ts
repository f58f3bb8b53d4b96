import { and, eq, sql } from "drizzle-orm";
import { teamTransaction } from "@/db/team-writes";
import type { Db } from "@/db/client";
import { attempt, callback, member, prospect, script, scriptVersion, user } from "@/db/schema";
import type { Queryable, Tx } from "@/db/types";
import { apiCallbackBody, apiDialBody, type ApiDialBody } from "@/server/domain/api-bodies";
import { formatPhone, normalisePhone } from "@/server/domain/phone";
import type { Actor } from "./actor";
import { logAttemptIn, requireEntryTime, type DialOrigin } from "./attempts";
import { logCallbackIn, previewCallback } from "./callbacks";
import { Forbidden, Invalid, InvalidField, NotFound } from "./errors";
import { teamRegion } from "./prospects";

// The REST API's writes (POST /api/v1/dials and /callbacks), shared with the signed generic
// webhook. A dial or callback posted with an `external_id` (or an Idempotency-Key header) is
// stored with source `api` and that id; a retry finds it and answers as the first time. Both
// the look-up and the write run in one write transaction, which both engines serialise (SQLite's
// BEGIN IMMEDIATE, PostgreSQL's writer lock), so two concurrent retries still make one row.

export const API_SOURCE = "api";

type CallOptions = { idempotencyKey?: string };

/** Ids a caller gives live in two spaces: its own call ids and its request keys never collide. */
function callIdOf(externalId: string | undefined, options: CallOptions): string | null {
  if (externalId !== undefined) return `ext:${externalId}`;
  return options.idempotencyKey !== undefined ? `key:${options.idempotencyKey}` : null;
}
const externalIdOf = (callId: string | null) => (callId?.startsWith("ext:") ? callId.slice(4) : null);

/** The entry-time rule of forms and files, naming the field. */
function entryTime(time: Date | undefined): Date {
  const at = time ?? new Date();
  try {
    requireEntryTime(at);
  } catch (error) {
    if (error instanceof Invalid) throw new InvalidField("time", error.message);
    throw error;
  }
  return at;
}

async function prospectPhone(db: Queryable, teamId: string, raw: string): Promise<string> {
  const phone = normalisePhone(raw, await teamRegion(db, teamId));
  if (!phone) throw new InvalidField("prospect_phone", `“${raw}” is not a phone number.`);
  return phone;
}

async function earlierCall(tx: Tx, table: typeof attempt | typeof callback, teamId: string, callId: string | null) {
  if (callId === null) return null;
  return (await tx.select({ id: table.id }).from(table).where(and(eq(table.teamId, teamId), eq(table.source, API_SOURCE), eq(table.sourceCallId, callId))).get()) ?? null;
}

/** The member a dial is logged for: a rep key may name only its own member; others any member. */
async function dialler(tx: Tx, actor: Actor, repEmail: string): Promise<Actor> {
  if (actor.role === "rep") {
    const own = await tx.select({ email: user.email }).from(user).where(eq(user.id, actor.userId)).get();
    if (own?.email.toLowerCase() !== repEmail) throw new Forbidden("A rep key logs only its own rep's dials.");
    return actor;
  }
  const rep = await tx
    .select({ userId: member.userId, role: member.role })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, actor.teamId), sql`lower(${user.email}) = ${repEmail}`))
    .get();
  if (!rep) throw new InvalidField("rep_email", "No member of this team has this e-mail address.");
  return { userId: rep.userId, teamId: actor.teamId, role: rep.role };
}

/** A script of the team by its title: exactly, else ignoring case and spacing when that names one. */
async function scriptByTitle(tx: Tx, teamId: string, title: string): Promise<number> {
  const fold = (t: string) => t.toLowerCase().replace(/\s+/g, " ").trim();
  const scripts = await tx.select({ id: script.id, title: script.title, deletedAt: script.deletedAt }).from(script).where(eq(script.teamId, teamId)).all();
  const live = scripts.filter((s) => !s.deletedAt);
  const exact = live.find((s) => s.title === title);
  const folded = live.filter((s) => fold(s.title) === fold(title));
  const found = exact ?? (folded.length === 1 ? folded[0] : undefined);
  if (!found) throw new InvalidField("script", "No script of this team has this title.");
  return found.id;
}

async function dialAnswer(db: Queryable, id: number) {
  const row = (await db
    .select({
      id: attempt.id,
      at: attempt.at,
      outcome: attempt.outcome,
      voicemailNumber: attempt.voicemailNumber,
      repEmail: user.email,
      prospectId: prospect.id,
      prospectName: prospect.name,
      prospectPhone: prospect.phone,
      script: script.title,
      callId: attempt.sourceCallId,
    })
    .from(attempt)
    .innerJoin(user, eq(user.id, attempt.repId))
    .innerJoin(prospect, eq(prospect.id, attempt.prospectId))
    .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
    .leftJoin(script, eq(script.id, scriptVersion.scriptId))
    .where(eq(attempt.id, id))
    .get())!;
  return {
    id: row.id,
    attempt_number: row.outcome === "voicemail" ? row.voicemailNumber : null,
    time: row.at.toISOString(),
    outcome: row.outcome,
    rep_email: row.repEmail,
    prospect: { id: row.prospectId, name: row.prospectName, phone: row.prospectPhone },
    script: row.script,
    external_id: externalIdOf(row.callId),
  };
}

/** POST /api/v1/dials: logs the dial (or finds the one a retry names) and answers what was logged. */
export async function recordApiDial(db: Db, actor: Actor, body: unknown, options: CallOptions = {}) {
  const dial: ApiDialBody = apiDialBody.parse(body);
  const at = entryTime(dial.time);
  const callId = callIdOf(dial.external_id, options);
  const origin: DialOrigin = { source: API_SOURCE, sourceCallId: callId };
  return teamTransaction(db, actor.teamId, async (tx) => {
    const rep = await dialler(tx, actor, dial.rep_email);
    const earlier = await earlierCall(tx, attempt, actor.teamId, callId);
    if (earlier) return dialAnswer(tx, earlier.id);
    const phone = await prospectPhone(tx, actor.teamId, dial.prospect_phone);
    const scriptId = dial.outcome === "voicemail" && dial.script ? await scriptByTitle(tx, actor.teamId, dial.script) : undefined;
    const input = {
      prospect: { name: dial.prospect_name || formatPhone(phone), phone, company: dial.prospect_company },
      outcome: dial.outcome,
      scriptId,
      messageSeconds: dial.outcome === "voicemail" ? dial.message_seconds : undefined,
      notes: dial.notes,
      at,
    };
    try {
      return dialAnswer(tx, (await logAttemptIn(tx, rep, input, origin)).id);
    } catch (error) {
      // The rep cannot read that script (another rep's draft): to them it does not exist.
      if (error instanceof NotFound || (error instanceof Invalid && !(error instanceof InvalidField) && /script/i.test(error.message))) throw new InvalidField("script", error.message);
      throw error;
    }
  });
}

async function callbackAnswer(db: Queryable, actor: Actor, id: number) {
  const row = (await db.select().from(callback).where(eq(callback.id, id)).get())!;
  const credited = row.creditedAttemptId
    ? await db
        .select({ dialId: attempt.id, repEmail: user.email, script: script.title, voicemailNumber: attempt.voicemailNumber })
        .from(attempt)
        .innerJoin(user, eq(user.id, attempt.repId))
        .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
        .leftJoin(script, eq(script.id, scriptVersion.scriptId))
        .where(eq(attempt.id, row.creditedAttemptId))
        .get()
    : undefined;
  const base = { id: row.id, time: row.at.toISOString(), result: row.result, prospect_id: row.prospectId, external_id: externalIdOf(row.sourceCallId) };
  if (credited) return { ...base, credited_to: { dial_id: credited.dialId, rep_email: credited.repEmail, script: credited.script, voicemail_number: credited.voicemailNumber } };
  // The same rule attribution applied says why nothing was credited.
  const preview = await previewCallback(db, actor, { prospectId: row.prospectId, at: row.at });
  return { ...base, credited_to: null, reason: preview.reason ?? "no-voicemail-before" };
}

/** POST /api/v1/callbacks: logs the callback, credits it by attribution, and answers the credit. */
export async function recordApiCallback(db: Db, actor: Actor, body: unknown, options: CallOptions = {}) {
  const given = apiCallbackBody.parse(body);
  const at = entryTime(given.time);
  const callId = callIdOf(given.external_id, options);
  return teamTransaction(db, actor.teamId, async (tx) => {
    const earlier = await earlierCall(tx, callback, actor.teamId, callId);
    if (earlier) return callbackAnswer(tx, actor, earlier.id);
    const phone = await prospectPhone(tx, actor.teamId, given.prospect_phone);
    const input = { prospect: { name: formatPhone(phone), phone }, result: given.result ?? ("other" as const), notes: given.notes, at };
    const logged = await logCallbackIn(tx, actor, input, { source: API_SOURCE, sourceCallId: callId });
    return callbackAnswer(tx, actor, logged.id);
  });
}
