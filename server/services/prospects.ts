import { and, asc, desc, eq, inArray, isNull, like, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, member, organization, prospect, script, scriptVersion, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { AwaitingCallbackInput, DialContextInput, ProspectListInput, UpdateProspectInput } from "@/lib/inputs/calls";
import { awaitingCallbackInput, prospectListInput } from "@/lib/inputs/calls";
import { stageVoicemailNumbers, suggestedStage, suggestScript, unreturnedInARow, type PickableScript } from "@/server/domain/next-voicemail";
import { keyedRandom } from "@/server/domain/random-source";
import type { Stage } from "@/lib/vocabulary";
import { formatPhone, normalisePhone } from "@/server/domain/phone";
import { firstName, renderScript } from "@/server/domain/script-template";
import { isManager, type Actor } from "./actor";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { armForVoicemail } from "./experiment-assignment";
import { listPickableScripts } from "./scripts";

export type ProspectRef = { id: number } | { name: string; phone: string; company?: string };

export async function teamRegion(db: Queryable, teamId: string): Promise<string> {
  return (await db.select({ region: organization.defaultRegion }).from(organization).where(eq(organization.id, teamId)).get())?.region ?? "US";
}

export async function getProspect(db: Queryable, actor: Actor, id: number) {
  const row = await db.select().from(prospect).where(and(eq(prospect.id, id), eq(prospect.teamId, actor.teamId))).get();
  if (!row) throw new NotFound("Prospect not found.");
  return row;
}

/** The team's prospect with this phone, created (owned by the actor) when there is none. */
export async function findOrCreateProspect(db: Queryable, actor: Actor, ref: ProspectRef) {
  if ("id" in ref) return getProspect(db, actor, ref.id);
  const phone = normalisePhone(ref.phone, await teamRegion(db, actor.teamId));
  if (!phone) throw new Invalid(`“${ref.phone}” is not a phone number.`);
  const existing = await db.select().from(prospect).where(and(eq(prospect.teamId, actor.teamId), eq(prospect.phone, phone))).get();
  if (existing) return existing;
  return db
    .insert(prospect)
    .values({ teamId: actor.teamId, name: ref.name.trim(), company: ref.company?.trim() || null, phone, ownerId: actor.userId })
    .returning()
    .get();
}

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/**
 * Name, company or phone in any format: the typed number is normalised with the team's region
 * so `(516) 541-8160` finds +15165418160; partial digits match anywhere in the stored number.
 */
async function matchesQuery(db: Queryable, teamId: string, query: string) {
  const q = query.trim();
  if (!q) return undefined;
  const pattern = likePattern(q);
  // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
  const conditions = [sql`lower(${prospect.name}) like lower(${pattern}) escape '\\'`, sql`lower(${prospect.company}) like lower(${pattern}) escape '\\'`];
  const digits = q.replace(/\D/g, "");
  if (digits.length >= 3) {
    const normalised = digits.length >= 7 ? normalisePhone(q, await teamRegion(db, teamId)) : null;
    conditions.push(normalised ? eq(prospect.phone, normalised) : like(prospect.phone, `%${digits}%`));
    if (normalised) conditions.push(like(prospect.phone, `%${digits}%`));
  }
  return or(...conditions);
}

/** Type-ahead over name, company and phone (any format). */
export async function searchProspects(db: Queryable, actor: Actor, query: string, limit = 20) {
  return db
    .select({ id: prospect.id, name: prospect.name, company: prospect.company, phone: prospect.phone, status: prospect.status })
    .from(prospect)
    .where(and(eq(prospect.teamId, actor.teamId), await matchesQuery(db, actor.teamId, query)))
    .orderBy(asc(prospect.name))
    .limit(limit)
    .all();
}

type ProspectRow = {
  id: number;
  name: string;
  company: string | null;
  phone: string;
  status: (typeof prospect.$inferSelect)["status"];
  ownerId: string | null;
  ownerName: string | null;
  voicemails: number;
  unreturned: number;
  lastVoicemailAt: Date | null;
  waitingSince: Date | null;
  lastCallbackAt: Date | null;
  /** Since the first unreturned voicemail, at the time of the query. */
  minutesWaiting: number | null;
};

/**
 * Prospects with their voicemail facts. "Unreturned" counts the voicemails since the prospect
 * last called back or was reached live (server/domain/next-voicemail: a connect ends the run as a
 * callback does); "awaiting callback" means open or engaged, at least one unreturned voicemail
 * and the latest still inside the attribution window (a callback now would be credited).
 */
async function prospectsWithVoicemailFacts(
  db: Queryable,
  actor: Actor,
  where: ReturnType<typeof sql>[],
  orderBy: ReturnType<typeof sql>,
  page: { limit: number; offset?: number },
  now: Date,
): Promise<{ rows: ProspectRow[]; total: number }> {
  const windowDays = (await db.select({ days: organization.attributionWindowDays }).from(organization).where(eq(organization.id, actor.teamId)).get())?.days ?? 14;
  const windowStart = now.getTime() - windowDays * 86_400_000;
  const rows = await db.all<Record<string, unknown>>(sql`
    with last_callback as (
      select prospect_id, max(at) as at from callback
      where team_id = ${actor.teamId} and deleted_at is null group by prospect_id
    ), run_end as (
      select prospect_id, max(at) as at from (
        select prospect_id, at from last_callback
        union all
        select prospect_id, max(at) from attempt
        where team_id = ${actor.teamId} and outcome = 'connected' and deleted_at is null group by prospect_id
      ) as ends group by prospect_id
    ), voicemail_facts as (
      select a.prospect_id,
        count(*) as voicemails,
        sum(case when re.at is null or a.at > re.at then 1 else 0 end) as unreturned,
        max(a.at) as last_voicemail_at,
        min(case when re.at is null or a.at > re.at then a.at end) as waiting_since
      from attempt a left join run_end re on re.prospect_id = a.prospect_id
      where a.team_id = ${actor.teamId} and a.outcome = 'voicemail' and a.deleted_at is null
      group by a.prospect_id
    ), awaiting_flag as (
      -- A column of its own, so that WHERE can test it: PostgreSQL cannot see a SELECT alias there.
      select p.id as prospect_id, (p.status in ('open', 'engaged') and coalesce(v.unreturned, 0) > 0 and v.last_voicemail_at >= ${windowStart}) as awaiting
      from prospect p left join voicemail_facts v on v.prospect_id = p.id
      where p.team_id = ${actor.teamId}
    )
    select p.id, p.name, p.company, p.phone, p.status, p.owner_id as "ownerId", u.name as "ownerName",
      coalesce(v.voicemails, 0) as voicemails, coalesce(v.unreturned, 0) as unreturned,
      v.last_voicemail_at as "lastVoicemailAt", v.waiting_since as "waitingSince", lc.at as "lastCallbackAt",
      aw.awaiting as awaiting,
      count(*) over () as total
    from prospect p
      left join voicemail_facts v on v.prospect_id = p.id
      left join last_callback lc on lc.prospect_id = p.id
      left join run_end re on re.prospect_id = p.id
      left join "user" u on u.id = p.owner_id
      left join awaiting_flag aw on aw.prospect_id = p.id
    where p.team_id = ${actor.teamId} ${sql.join(
      where.map((w) => sql` and ${w}`),
      sql``,
    )}
    order by ${orderBy}
    limit ${page.limit} offset ${page.offset ?? 0}
  `);
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)));
  // A page past the end has no row to carry the total: count again, without the page.
  const total = rows.length ? Number(rows[0].total) : page.offset ? (await prospectsWithVoicemailFacts(db, actor, where, orderBy, { limit: 1 }, now)).total : 0;
  const mapped = rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    company: (r.company as string | null) ?? null,
    phone: String(r.phone),
    status: r.status as ProspectRow["status"],
    ownerId: (r.ownerId as string | null) ?? null,
    ownerName: (r.ownerName as string | null) ?? null,
    voicemails: Number(r.voicemails),
    unreturned: Number(r.unreturned),
    lastVoicemailAt: date(r.lastVoicemailAt),
    waitingSince: date(r.waitingSince),
    lastCallbackAt: date(r.lastCallbackAt),
    minutesWaiting: r.waitingSince == null ? null : Math.max(0, Math.round((now.getTime() - Number(r.waitingSince)) / 60_000)),
  }));
  return { rows: mapped, total };
}

const AWAITING = sql`aw.awaiting`;

/** The team's prospects, searched and filtered, by name. */
export async function listProspects(db: Queryable, actor: Actor, raw: ProspectListInput, now: Date = new Date()) {
  const input = prospectListInput.parse(raw);
  const where: ReturnType<typeof sql>[] = [];
  const q = input.query.trim();
  if (q) {
    const pattern = likePattern(q);
    const digits = q.replace(/\D/g, "");
    const normalised = digits.length >= 7 ? normalisePhone(q, await teamRegion(db, actor.teamId)) : null;
    const phoneMatch = digits.length >= 3 ? sql` or p.phone like ${`%${digits}%`} or p.phone = ${normalised ?? ""}` : sql``;
    where.push(sql`(lower(p.name) like lower(${pattern}) escape '\\' or lower(p.company) like lower(${pattern}) escape '\\'${phoneMatch})`);
  }
  if (input.ownerId) where.push(sql`p.owner_id = ${input.ownerId}`);
  if (input.status) where.push(sql`p.status = ${input.status}`);
  if (input.awaitingCallback !== undefined) where.push(input.awaitingCallback ? sql`${AWAITING}` : sql`not ${AWAITING}`);
  if (input.minUnreturned !== undefined && input.minUnreturned > 0) where.push(sql`coalesce(v.unreturned, 0) >= ${input.minUnreturned}`);
  return (await prospectsWithVoicemailFacts(db, actor, where, sql`lower(p.name), p.id`, { limit: input.limit }, now)).rows;
}

/** The script the actor's last voicemail used, or null. */
async function lastUsedScriptId(db: Queryable, actor: Actor): Promise<number | null> {
  return (
    (await db
      .select({ scriptId: scriptVersion.scriptId })
      .from(attempt)
      .innerJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
      .where(and(eq(attempt.teamId, actor.teamId), eq(attempt.repId, actor.userId), eq(attempt.outcome, "voicemail"), isNull(attempt.deletedAt)))
      .orderBy(desc(attempt.at), desc(attempt.id))
      .limit(1)
      .get())?.scriptId ?? null
  );
}

async function pickableWithTeamPick(db: Queryable, actor: Actor) {
  const scripts = await listPickableScripts(db, actor);
  const picks = new Set(
    scripts.length
      ? (await db
          .select({ id: script.id })
          .from(script)
          .where(and(inArray(script.id, scripts.map((s) => s.id)), eq(script.teamPick, true)))
          .all())
          .map((r) => r.id)
      : [],
  );
  return scripts.map((s) => ({ ...s, teamPick: picks.has(s.id) }));
}

type Pickable = Awaited<ReturnType<typeof pickableWithTeamPick>>[number];

/**
 * Each script's voicemails and returned at the attempt numbers of `stage` (DESIGN.md: scripts are
 * compared at the attempt numbers they are read at), for Thompson sampling. Reads through the
 * version index, so only these scripts' voicemails are visited.
 */
async function stageEvidence(db: Queryable, actor: Actor, scripts: readonly Pickable[], stage: Exclude<Stage, "any">) {
  const { from, to } = stageVoicemailNumbers(stage);
  const ids = scripts.filter((s) => s.stage === stage || s.stage === "any").map((s) => s.id);
  const counts = ids.length
    ? await db.all<{ scriptId: number; voicemails: number; returned: number }>(sql`
        select sv.script_id as "scriptId", count(*) as voicemails, count(a.returned_at) as returned
        from ${attempt} a join ${scriptVersion} sv on sv.id = a.script_version_id
        where a.script_version_id in (select id from ${scriptVersion} where script_id in ${ids})
          and a.team_id = ${actor.teamId} and a.outcome = 'voicemail' and a.deleted_at is null
          and a.voicemail_number >= ${from} and (cast(${to} as integer) is null or a.voicemail_number <= ${to})
        group by sv.script_id`)
    : [];
  const byScript = new Map(counts.map((c) => [c.scriptId, { voicemails: Number(c.voicemails), returned: Number(c.returned) }]));
  return scripts.map((s) => ({ ...s, evidence: byScript.get(s.id) ?? { voicemails: 0, returned: 0 } }));
}

/**
 * The script to suggest for a prospect's next voicemail. The Thompson draw is keyed on the
 * prospect and voicemail number, so the suggestion holds still while the rep looks at it.
 */
async function suggestionFor(db: Queryable, actor: Actor, scripts: readonly Pickable[], stage: Exclude<Stage, "any">, lastUsed: number | null, key: string, cache: Map<string, PickableScript[]>) {
  let withEvidence = cache.get(stage);
  if (!withEvidence) {
    withEvidence = await stageEvidence(db, actor, scripts, stage);
    cache.set(stage, withEvidence);
  }
  return suggestScript(withEvidence, stage, lastUsed, keyedRandom(key));
}

/**
 * Prospects waiting on the actor's voicemails (owned by them, or with an unreturned voicemail of
 * theirs), a page at a time with the true total. Freshest voicemail first: the chance of a
 * callback falls with every day since the message, so the top of the queue is who is likeliest to
 * call (or answer) now — longest-waiting first buried them under prospects gone cold.
 */
export async function awaitingCallback(db: Db, actor: Actor, raw: AwaitingCallbackInput = {}, now: Date = new Date()) {
  const page = awaitingCallbackInput.parse(raw);
  return db.transaction(
    async (tx) => {
      const mine = sql`(p.owner_id = ${actor.userId} or exists (
        select 1 from attempt mine where mine.prospect_id = p.id and mine.rep_id = ${actor.userId}
          and mine.outcome = 'voicemail' and mine.deleted_at is null and mine.at > coalesce(re.at, 0)))`;
      const { rows, total } = await prospectsWithVoicemailFacts(tx, actor, [AWAITING, mine], sql`v.last_voicemail_at desc, p.id`, page, now);
      const scripts = await pickableWithTeamPick(tx, actor);
      const lastUsed = await lastUsedScriptId(tx, actor);
      const cache = new Map<string, PickableScript[]>();
      const items = [];
      for (const r of rows) {
        const stage = suggestedStage(r.voicemails + 1, r.unreturned);
        // A running experiment's arm comes first, as on the dial form (looked up, not assigned, here).
        const arm = await armForVoicemail(tx, actor, r.id, r.voicemails + 1, now, false);
        const armScript = arm ? scripts.find((s) => s.id === arm.scriptId) : undefined;
        const suggestion = armScript ? null : await suggestionFor(tx, actor, scripts, stage, lastUsed, `${actor.userId}:${r.id}:${r.voicemails + 1}`, cache);
        const suggested = armScript ?? (suggestion ? scripts.find((s) => s.id === suggestion.scriptId)! : null);
        items.push({
          ...r,
          minutesSinceLastVoicemail: r.lastVoicemailAt ? Math.max(0, Math.round((now.getTime() - r.lastVoicemailAt.getTime()) / 60_000)) : null,
          nextVoicemailNumber: r.voicemails + 1,
          suggestedStage: stage,
          suggestedScript: suggested ? { id: suggested.id, title: suggested.title, stage: suggested.stage } : null,
        });
      }
      return { total, offset: page.offset, limit: page.limit, items };
    },
    { behavior: "deferred" },
  );
}

/**
 * What the quick-log form shows once a prospect is picked: the next voicemail number, the script
 * suggested for it, and every pickable script rendered for this prospect and rep.
 */
export async function dialContext(db: Db, actor: Actor, input: DialContextInput) {
  return db.transaction(
    async (tx) => {
      let target: { id: number | null; name: string; company: string | null } = { id: null, name: "", company: null };
      let voicemails = 0;
      let unreturned = 0;
      if ("prospectId" in input) {
        const found = await getProspect(tx, actor, input.prospectId);
        target = { id: found.id, name: found.name, company: found.company };
        const times = (await tx
          .select({ at: attempt.at })
          .from(attempt)
          .where(and(eq(attempt.prospectId, found.id), eq(attempt.outcome, "voicemail"), isNull(attempt.deletedAt)))
          .all())
          .map((v) => v.at.getTime());
        const lastCallback = (await tx
          .select({ at: sql<number | null>`max(${callback.at})` })
          .from(callback)
          .where(and(eq(callback.prospectId, found.id), isNull(callback.deletedAt)))
          .get())?.at;
        const lastConnect = (await tx
          .select({ at: sql<number | null>`max(${attempt.at})` })
          .from(attempt)
          .where(and(eq(attempt.prospectId, found.id), eq(attempt.outcome, "connected"), isNull(attempt.deletedAt)))
          .get())?.at;
        voicemails = times.length;
        unreturned = unreturnedInARow(times, { lastCallbackAt: lastCallback == null ? null : Number(lastCallback), lastConnectAt: lastConnect == null ? null : Number(lastConnect) });
      } else {
        target = { id: null, name: input.name.trim(), company: input.company?.trim() || null };
      }
      const rep = await tx
        .select({ name: user.name, phone: member.phone })
        .from(member)
        .innerJoin(user, eq(user.id, member.userId))
        .where(and(eq(member.organizationId, actor.teamId), eq(member.userId, actor.userId)))
        .get();
      const values = {
        "prospect.firstName": target.name ? firstName(target.name) : null,
        "prospect.name": target.name || null,
        "prospect.company": target.company,
        "rep.name": rep?.name,
        "rep.phone": rep?.phone ? formatPhone(rep.phone) : null,
      };
      const scripts = await pickableWithTeamPick(tx, actor);
      const nextVoicemailNumber = voicemails + 1;
      const stage = suggestedStage(nextVoicemailNumber, unreturned);
      const key = `${actor.userId}:${target.id ?? target.name.toLowerCase()}:${nextVoicemailNumber}`;
      const arm = await armForVoicemail(tx, actor, target.id, nextVoicemailNumber, new Date(), true);
      const experiment = arm && scripts.some((s) => s.id === arm.scriptId) ? arm : null;
      return {
        prospectId: target.id,
        voicemails,
        unreturned,
        nextVoicemailNumber,
        suggestedStage: stage,
        suggestion: experiment
          ? { scriptId: experiment.scriptId, reason: "experiment" as const }
          : await suggestionFor(tx, actor, scripts, stage, await lastUsedScriptId(tx, actor), key, new Map()),
        experiment: experiment ? { name: experiment.experimentName, arm: experiment.arm, scriptId: experiment.scriptId } : null,
        rendered: scripts.map((s) => ({ scriptId: s.id, versionNumber: s.latestVersion.number, text: renderScript(s.latestVersion.body, values) })),
      };
    },
    { behavior: "deferred" },
  );
}

/** One prospect with its owner and a timeline of attempts and callbacks (deleted ones flagged). */
export async function prospectDetail(db: Db, actor: Actor, id: number) {
  return db.transaction(
    async (tx) => {
      const [details] = (await prospectsWithVoicemailFacts(tx, actor, [sql`p.id = ${id}`], sql`p.id`, { limit: 1 }, new Date())).rows;
      if (!details) throw new NotFound("Prospect not found.");
      const attempts = await tx
        .select({
          id: attempt.id,
          at: attempt.at,
          outcome: attempt.outcome,
          repId: attempt.repId,
          repName: user.name,
          scriptId: script.id,
          scriptTitle: script.title,
          versionNumber: scriptVersion.number,
          voicemailNumber: attempt.voicemailNumber,
          returnedAt: attempt.returnedAt,
          appointment: attempt.appointment,
          messageSeconds: attempt.messageSeconds,
          notes: attempt.notes,
          deletedAt: attempt.deletedAt,
        })
        .from(attempt)
        .innerJoin(user, eq(user.id, attempt.repId))
        .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
        .leftJoin(script, eq(script.id, scriptVersion.scriptId))
        .where(and(eq(attempt.prospectId, id), eq(attempt.teamId, actor.teamId)))
        .orderBy(desc(attempt.at), desc(attempt.id))
        .all();
      // Scalar subqueries rather than aliased joins: Drizzle's pg dialect renders an alias only of
      // its own tables, and these are the SQLite table objects both engines query with.
      const credited = (column: SQL) => sql`(select ${column} from ${attempt} credited where credited.id = ${callback.creditedAttemptId})`;
      const callbacks = await tx
        .select({
          id: callback.id,
          at: callback.at,
          result: callback.result,
          notes: callback.notes,
          deletedAt: callback.deletedAt,
          loggedById: callback.loggedById,
          loggedByName: sql<string | null>`(select logged_by.name from ${user} logged_by where logged_by.id = ${callback.loggedById})`,
          creditedAttemptId: callback.creditedAttemptId,
          creditedAt: credited(sql.raw("credited.at")).mapWith(attempt.at),
          creditedVoicemailNumber: credited(sql.raw("credited.voicemail_number")).mapWith(Number) as SQL.Aliased<number | null> | SQL<number | null>,
          creditedRepName: credited(sql`(select credited_rep.name from ${user} credited_rep where credited_rep.id = credited.rep_id)`) as SQL<string | null>,
        })
        .from(callback)
        .where(and(eq(callback.prospectId, id), eq(callback.teamId, actor.teamId)))
        .orderBy(desc(callback.at), desc(callback.id))
        .all();
      return {
        ...details,
        attempts: attempts.map((a) => ({
          ...a,
          minutesToCallback: a.returnedAt ? Math.round((a.returnedAt.getTime() - a.at.getTime()) / 60_000) : null,
          canChange: isManager(actor) || a.repId === actor.userId,
        })),
        callbacks: callbacks.map((c) => ({
          ...c,
          minutesAfterVoicemail: c.creditedAt ? Math.round((c.at.getTime() - c.creditedAt.getTime()) / 60_000) : null,
          canChange: isManager(actor) || c.loggedById === actor.userId,
        })),
      };
    },
    { behavior: "deferred" },
  );
}

/** Changes a prospect's details or status; only managers reassign the owner, and only to a member. */
export async function updateProspect(db: Db, actor: Actor, input: UpdateProspectInput) {
  return db.transaction(async (tx) => {
    const row = await getProspect(tx, actor, input.id);
    if (input.ownerId !== undefined && input.ownerId !== row.ownerId) {
      if (!isManager(actor)) throw new Forbidden("Only managers reassign prospects.");
      const isMember = await tx
        .select({ id: member.id })
        .from(member)
        .where(and(eq(member.organizationId, actor.teamId), eq(member.userId, input.ownerId)))
        .get();
      // NotFound, as for any other id outside the team: a user of another team is no one here.
      if (!isMember) throw new NotFound("The new owner is not a member of this team.");
    }
    let phone: string | undefined;
    if (input.phone !== undefined) {
      phone = normalisePhone(input.phone, await teamRegion(tx, actor.teamId)) ?? undefined;
      if (!phone) throw new Invalid(`“${input.phone}” is not a phone number.`);
      const taken = await tx
        .select({ id: prospect.id, name: prospect.name })
        .from(prospect)
        .where(and(eq(prospect.teamId, actor.teamId), eq(prospect.phone, phone), ne(prospect.id, row.id)))
        .get();
      // Prospects are told apart by phone: two with one number would split one person's history.
      if (taken) throw new Conflict(`${taken.name} already has that number.`);
    }
    const changes = {
      ...(input.name !== undefined && { name: input.name }),
      ...(phone !== undefined && { phone }),
      ...(input.company !== undefined && { company: input.company || null }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.ownerId !== undefined && { ownerId: input.ownerId }),
    };
    if (Object.keys(changes).length === 0) return row;
    return tx
      .update(prospect)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(prospect.id, row.id))
      .returning()
      .get();
  });
}
