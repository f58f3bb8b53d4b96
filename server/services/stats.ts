import { and, eq, gte, inArray, isNotNull, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, member, organization, script, scriptTag, scriptVersion, teamZoneOffset, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { BoardDimension, LeaderboardInput, RepStatsInput, StatsFilter } from "@/lib/inputs/leaderboard";
import { ATTEMPT_BUCKETS, PRIVATE_DRAFTS, STAGES } from "@/lib/vocabulary";
import { readSeconds } from "@/server/domain/script-template";
import { addCounts, rankByLowerBound, rateEvidence, timeToCallback, type Counts } from "@/server/domain/stats";
import { addDays, chartSpan, DAY_MS, localTime, resolvePeriod, SLOT_MS, weekStart, type LocalTime, type Period } from "@/server/domain/time-buckets";
import { offsetTableClock } from "@/server/domain/zone-offsets";
import { isManager, type Actor } from "./actor";
import { isUnfiltered, rollupDayCounts, rollupGroupCounts } from "./leaderboard-rollups";
import { cachedTimeToCallback, cachedUnattributedCallbacks, teamTiming, type TeamTiming } from "./timing-cache";
import { Forbidden, NotFound } from "./errors";
import { visibleTo } from "./scripts";
import { foldsDrafts, hiddenDrafts, isHiddenGroup, type HiddenDrafts } from "./private-drafts";
import { sharedTakeMedians } from "./takes";

// Every number on the leaderboard, the team overview, the rep drill-down, the leaderboard CSV
// and the CLI comes from here (DESIGN.md, "Metric definitions"). Counting stays in SQL (GROUP BY);
// what SQL cannot do portably — percentiles, and local days and hours in an IANA time zone — is
// done on the grouped rows with the pure functions of server/domain. Each public function reads
// one consistent snapshot: a deferred transaction, so concurrent writes land before or after it.

export type LeaderboardRow = {
  by: BoardDimension;
  key: string;
  label: string;
  voicemails: number;
  returned: number;
  rate: number | null;
  ciLow: number;
  ciHigh: number;
  appointments: number;
  appointmentRate: number | null;
  medianMinutesToCallback: number | null;
  p80MinutesToCallback: number | null;
  ranked: boolean;
  rank: number | null;
};

type TeamSettings = { id: string; timezone: string; minSample: number; wordsPerMinute: number; attributionWindowDays: number };

/**
 * The team, the resolved period and the filters: what every query of one request shares. `hidden`
 * are the viewer's teammates' drafts; `withoutHidden` leaves their voicemails out of the rows.
 */
type Scope = {
  team: TeamSettings;
  period: Period;
  filter: StatsFilter;
  timing: TeamTiming;
  hidden: HiddenDrafts;
  withoutHidden?: boolean;
  /** The team's clock, read once per request (scopeClock): its memo of local times is shared by every chart. */
  clock?: Promise<(slot: number) => LocalTime>;
};

async function teamSettings(q: Queryable, teamId: string): Promise<TeamSettings> {
  const team = await q
    .select({
      id: organization.id,
      timezone: organization.timezone,
      minSample: organization.minSample,
      wordsPerMinute: organization.wordsPerMinute,
      attributionWindowDays: organization.attributionWindowDays,
    })
    .from(organization)
    .where(eq(organization.id, teamId))
    .get();
  if (!team) throw new NotFound("Team not found.");
  return team;
}

async function scopeFor(db: Db, q: Queryable, actor: Actor, filter: StatsFilter, now: Date): Promise<Scope> {
  const team = await teamSettings(q, actor.teamId);
  const hidden = await hiddenDrafts(q, actor);
  // Filtering on a teammate's draft would show its numbers alone: it is as absent as its title.
  if ((filter.scriptId !== undefined && hidden.scriptIds.has(filter.scriptId)) || (filter.versionId !== undefined && hidden.versionIds.has(filter.versionId))) {
    throw new NotFound("No such script.");
  }
  return { team, period: resolvePeriod(filter.range, filter, now, team.timezone), filter, timing: teamTiming(db, team.id), hidden };
}

/** Local time of a quarter-hour slot, by the zone offsets the team's rollups are bucketed with. */
async function teamClock(q: Queryable, team: TeamSettings) {
  const stored = await q
    .select({ fromMs: teamZoneOffset.fromMs, offsetMs: teamZoneOffset.offsetMs })
    .from(teamZoneOffset)
    .where(and(eq(teamZoneOffset.teamId, team.id), eq(teamZoneOffset.timeZone, team.timezone)))
    .orderBy(teamZoneOffset.fromMs)
    .all();
  return offsetTableClock(team.timezone, stored.map((o) => ({ fromMs: Number(o.fromMs), offsetMs: Number(o.offsetMs) })));
}

/** The request's one team clock: every chart of one answer converts its slots through the same memo. */
const scopeClock = (q: Queryable, scope: Scope) => (scope.clock ??= teamClock(q, scope.team));

const readSnapshot = <T>(db: Db, read: (tx: Queryable) => Promise<T>): Promise<T> => db.transaction(async (tx) => read(tx), { behavior: "deferred" });

// --- Filters --------------------------------------------------------------------------------

const attemptBucketSql = sql<string>`case when ${attempt.voicemailNumber} >= 4 then '4+' else cast(${attempt.voicemailNumber} as text) end`;

/** Conditions on an attempt row joined with its script version and script. */
function attemptFilters(filter: StatsFilter): (SQL | undefined)[] {
  return [
    filter.repId ? eq(attempt.repId, filter.repId) : undefined,
    filter.scriptId ? eq(script.id, filter.scriptId) : undefined,
    filter.versionId ? eq(scriptVersion.id, filter.versionId) : undefined,
    filter.stage ? eq(script.stage, filter.stage) : undefined,
    filter.tag ? sql`exists (select 1 from ${scriptTag} as tag_filter where tag_filter.script_id = ${script.id} and tag_filter.tag = ${filter.tag})` : undefined,
    filter.attempt ? sql`${attemptBucketSql} = ${filter.attempt}` : undefined,
  ];
}

function attemptsInScope(scope: Scope, voicemailsOnly: boolean) {
  const { period, team, filter } = scope;
  return and(
    eq(attempt.teamId, team.id),
    isNull(attempt.deletedAt),
    voicemailsOnly ? eq(attempt.outcome, "voicemail") : undefined,
    period.from ? gte(attempt.at, period.from) : undefined,
    period.to ? lt(attempt.at, period.to) : undefined,
    ...attemptFilters(filter),
    scope.withoutHidden && scope.hidden.versionIds.size ? or(isNull(attempt.scriptVersionId), notInArray(attempt.scriptVersionId, [...scope.hidden.versionIds])) : undefined,
  );
}

// --- Dimensions: the one place each breakdown's grouping is defined ---------------------------

type Dimension = { group: SQL<string | number | null>; key: SQL<string | null>; label: SQL<string | null>; byTag?: boolean };

const DIMENSIONS: Record<BoardDimension, Dimension> = {
  script: { group: sql`${script.id}`, key: sql`${script.title}`, label: sql`${script.title}` },
  version: {
    group: sql`${scriptVersion.id}`,
    key: sql`${script.title} || ' v' || ${scriptVersion.number}`,
    label: sql`${script.title} || ' · v' || ${scriptVersion.number}`,
  },
  rep: { group: sql`${attempt.repId}`, key: sql`${user.email}`, label: sql`${user.name}` },
  "attempt-number": { group: attemptBucketSql, key: attemptBucketSql, label: sql`'Voicemail #' || ${attemptBucketSql}` },
  tag: { group: sql`${scriptTag.tag}`, key: sql`${scriptTag.tag}`, label: sql`${scriptTag.tag}`, byTag: true },
};

type Fields = Record<string, SQL<unknown>>;
type RowOf<T extends Fields> = { [K in keyof T]: T[K] extends SQL<infer V> ? V : never };
type VoicemailQuery<T extends Fields> = {
  where(condition: SQL | undefined): { all(): Promise<RowOf<T>[]>; values(): Promise<unknown[][]>; groupBy(...columns: SQL[]): { all(): Promise<RowOf<T>[]> } };
};

/**
 * Voicemail rows with their rep, version and script; by tag, one row per tag of the script.
 * Typed by hand: every selected field is an SQL expression, which Drizzle's generic join types
 * cannot follow through a helper.
 */
function fromVoicemails<T extends Fields>(q: Queryable, fields: T, by: BoardDimension | null): VoicemailQuery<T> {
  const joined = q
    .select(fields as Fields)
    .from(attempt)
    .innerJoin(user, eq(user.id, attempt.repId))
    .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
    .leftJoin(script, eq(script.id, scriptVersion.scriptId))
    .$dynamic();
  return (by && DIMENSIONS[by].byTag ? joined.innerJoin(scriptTag, eq(scriptTag.scriptId, script.id)) : joined) as unknown as VoicemailQuery<T>;
}

const countColumns = {
  voicemails: sql<number>`count(*)`,
  returned: sql<number>`count(${attempt.returnedAt})`,
  appointments: sql<number>`coalesce(sum(${attempt.appointment}), 0)`,
};

/** V, R and appointments per group, plus the mean spoken word count of the versions used. */
async function groupCounts(q: Queryable, scope: Scope, by: BoardDimension) {
  const { period } = scope;
  const fromRollups = scope.withoutHidden ? null : await rollupGroupCounts(q, scope.team.id, scope.filter, by, period.firstDate, period.lastDate);
  if (fromRollups) return fromRollups;
  const dim = DIMENSIONS[by];
  return (await fromVoicemails(q, { group: dim.group, key: dim.key, label: dim.label, ...countColumns, words: sql<number | null>`avg(${scriptVersion.wordCount})` }, by)
    .where(and(attemptsInScope(scope, true), sql`${dim.group} is not null`))
    // The key and label too: PostgreSQL groups a column of another table only when told to.
    .groupBy(dim.group, dim.key, dim.label)
    .all())
    .map((r) => ({ ...r, group: String(r.group), key: r.key ?? "", label: r.label ?? "", ...numbers(r) }));
}

/** Median and 80th percentile of minutes from voicemail to first credited callback, per group. */
async function groupTimes(q: Queryable, scope: Scope, by: BoardDimension): Promise<Map<string, { median: number | null; p80: number | null }>> {
  if (isUnfiltered(scope.filter) && !scope.withoutHidden) return cachedTimeToCallback(q, scope.team.id, scope.timing, by, scope.period);
  const dim = DIMENSIONS[by];
  // Arrays, not objects: a 90-day board at a million dials a year reads ~10k returned voicemails.
  const rows = (await fromVoicemails(q, { group: dim.group, minutes: sql<number>`(${attempt.returnedAt} - ${attempt.at}) / 60000.0` }, by)
    .where(and(attemptsInScope(scope, true), isNotNull(attempt.returnedAt), sql`${dim.group} is not null`))
    .values()) as [string | number, number][];
  const byGroup = new Map<string, number[]>();
  for (const [group, minutes] of rows) {
    const key = String(group);
    const list = byGroup.get(key);
    if (list) list.push(Number(minutes));
    else byGroup.set(key, [Number(minutes)]);
  }
  return new Map([...byGroup].map(([key, list]) => [key, timeToCallback(list)]));
}

// Constants inlined, not bound: PostgreSQL matches a GROUP BY expression to the selected one only
// when both are the same text, and two bound parameters are two different texts.
const slotSql = (column: typeof attempt.at | typeof callback.at) => sql<number>`${column} / ${sql.raw(String(SLOT_MS))}`;

/** Voicemail counts per UTC quarter-hour and group, for local weeks. */
async function slotCounts(q: Queryable, scope: Scope, by: BoardDimension) {
  const group = DIMENSIONS[by].group;
  const slot = slotSql(attempt.at);
  return (await fromVoicemails(q, { slot, group, ...countColumns }, by)
    .where(attemptsInScope(scope, true))
    .groupBy(slot, group)
    .all())
    .map((r) => ({ slot: Number(r.slot), group: String(r.group), ...numbers(r) }));
}

/** Whether the filter reads the script or version of a dial: without, a dial's own row answers. */
const filtersOnScript = (filter: StatsFilter) => Boolean(filter.scriptId || filter.versionId || filter.stage || filter.tag);

/**
 * Dials with their version and script only when the filter needs them: the team overview's
 * unfiltered scans of every dial spent a third of their time on those joins.
 */
function fromDials<T extends Fields>(q: Queryable, fields: T, filter: StatsFilter): VoicemailQuery<T> {
  if (filtersOnScript(filter)) return fromVoicemails(q, fields, null);
  return q.select(fields as Fields).from(attempt).$dynamic() as unknown as VoicemailQuery<T>;
}

/** Every dial (any outcome) per quarter-hour, with its voicemails' counts: the activity chart and the heatmap read one scan. */
async function dialSlots(q: Queryable, scope: Scope) {
  const slot = slotSql(attempt.at);
  const ifVoicemail = (value: SQL) => sql`case when ${attempt.outcome} = 'voicemail' then ${value} else 0 end`;
  return (await fromDials(
    q,
    {
      slot,
      dials: sql<number>`count(*)`,
      voicemails: sql<number>`sum(${ifVoicemail(sql`1`)})`,
      returned: sql<number>`sum(${ifVoicemail(sql`case when ${attempt.returnedAt} is not null then 1 else 0 end`)})`,
      appointments: sql<number>`sum(${ifVoicemail(sql`${attempt.appointment}`)})`,
    },
    scope.filter,
  )
    .where(attemptsInScope(scope, false))
    .groupBy(slot)
    .all())
    .map((r) => ({ slot: Number(r.slot), dials: Number(r.dials), ...numbers({ voicemails: Number(r.voicemails ?? 0), returned: Number(r.returned ?? 0), appointments: r.appointments }) }));
}

type DialSlot = Awaited<ReturnType<typeof dialSlots>>[number];

/**
 * Callbacks received per quarter-hour (by callback time). Filters apply to the voicemail each is
 * credited to, so a filtered view counts only credited callbacks; an unfiltered one counts all.
 */
async function callbackSlots(q: Queryable, scope: Scope) {
  const { period, team, filter } = scope;
  const slot = slotSql(callback.at);
  const filtered = attemptFilters(filter).some(Boolean);
  const callbacks = q
    .select({ slot, callbacks: sql<number>`count(*)`, appointments: sql<number>`sum(case when ${callback.result} = 'appointment' then 1 else 0 end)` })
    .from(callback)
    .$dynamic();
  // The credited voicemail, its version and script only to filter on: unfiltered, a callback's row answers.
  const credited = filtered
    ? callbacks
        .innerJoin(attempt, eq(attempt.id, callback.creditedAttemptId))
        .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
        .leftJoin(script, eq(script.id, scriptVersion.scriptId))
    : callbacks;
  return (await credited
    .where(
      and(
        eq(callback.teamId, team.id),
        isNull(callback.deletedAt),
        period.from ? gte(callback.at, period.from) : undefined,
        period.to ? lt(callback.at, period.to) : undefined,
        ...(filtered ? [isNotNull(callback.creditedAttemptId), ...attemptFilters(filter)] : []),
      ),
    )
    .groupBy(slot)
    .all())
    .map((r) => ({ slot: Number(r.slot), callbacks: Number(r.callbacks), appointments: Number(r.appointments ?? 0) }));
}

function unattributedCallbacks(q: Queryable, scope: Scope): Promise<number> {
  return cachedUnattributedCallbacks(q, scope.team.id, scope.timing, scope.period);
}

/** The rep's voicemails still inside the attribution window, not returned, and not followed by a later voicemail. */
async function awaitingCallback(q: Queryable, team: TeamSettings, repId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - team.attributionWindowDays * DAY_MS);
  const row = await q
    .select({ n: sql<number>`count(*)` })
    .from(attempt)
    .where(
      and(
        eq(attempt.teamId, team.id),
        eq(attempt.repId, repId),
        eq(attempt.outcome, "voicemail"),
        isNull(attempt.deletedAt),
        isNull(attempt.returnedAt),
        gte(attempt.at, since),
        sql`not exists (select 1 from ${attempt} as later where later.prospect_id = ${attempt.prospectId} and later.outcome = 'voicemail' and later.deleted_at is null and later.at > ${attempt.at})`,
      ),
    )
    .get();
  return Number(row?.n ?? 0);
}

const numbers = (r: { voicemails: number; returned: number; appointments: number }): Counts => ({
  voicemails: Number(r.voicemails),
  returned: Number(r.returned),
  appointments: Number(r.appointments ?? 0),
});

// --- Assembling rows --------------------------------------------------------------------------

type GroupRow = { group: string; key: string; label: string; words: number | null } & Counts;
type Quantiles = { median: number | null; p80: number | null };

function boardRow(by: BoardDimension, r: GroupRow, minutes: Quantiles = { median: null, p80: null }) {
  return {
    by,
    group: r.group,
    key: r.key,
    label: r.label,
    words: r.words === null ? null : Number(r.words),
    ...rateEvidence(r.returned, r.voicemails),
    appointments: r.appointments,
    appointmentRate: r.voicemails ? r.appointments / r.voicemails : null,
    medianMinutesToCallback: minutes.median,
    p80MinutesToCallback: minutes.p80,
  };
}

/** Teammates' drafts' voicemails in scope as one row with its times, or null when there are none. */
async function foldedDrafts(q: Queryable, scope: Scope): Promise<{ row: GroupRow; minutes: Quantiles } | null> {
  if (!scope.hidden.versionIds.size) return null;
  const drafts = and(attemptsInScope(scope, true), inArray(attempt.scriptVersionId, [...scope.hidden.versionIds]));
  const [counts] = await fromVoicemails(q, countColumns, null).where(drafts).all();
  if (!counts || !Number(counts.voicemails)) return null;
  const minutes = (await fromVoicemails(q, { minutes: sql<number>`(${attempt.returnedAt} - ${attempt.at}) / 60000.0` }, null)
    .where(and(drafts, isNotNull(attempt.returnedAt)))
    .values())
    .map(([m]) => Number(m));
  return { row: { group: PRIVATE_DRAFTS.key, ...PRIVATE_DRAFTS, words: null, ...numbers(counts) }, minutes: timeToCallback(minutes) };
}

async function boardRows(q: Queryable, scope: Scope, by: BoardDimension): Promise<(LeaderboardRow & { group: string; words: number | null })[]> {
  const folded = foldsDrafts(by) ? await foldedDrafts(q, scope) : null;
  // A tag row sums several scripts, so a draft's share is left out in SQL; script and version
  // rows are one script each and are simply dropped.
  const visible: Scope = folded && by === "tag" ? { ...scope, withoutHidden: true } : scope;
  const times = await groupTimes(q, visible, by);
  const rows = (await groupCounts(q, visible, by))
    .filter((r) => !folded || !isHiddenGroup(scope.hidden, by, r.group))
    .map((r) => boardRow(by, r, times.get(r.group)));
  const ranked = rankByLowerBound(rows, scope.team.minSample);
  return folded ? [...ranked, { ...boardRow(by, folded.row, folded.minutes), ranked: false, rank: null }] : ranked;
}

/** A row as callers see it, without the grouping id and word count used inside this module. */
function publicRow(internal: LeaderboardRow & { group: string; words: number | null }): LeaderboardRow {
  const row: Partial<typeof internal> = { ...internal };
  delete row.group;
  delete row.words;
  return row as LeaderboardRow;
}

/** Attempt-number rows in their natural order 1, 2, 3, 4+ (for reading a cadence, not a contest). */
const inAttemptOrder = <T extends { key: string }>(rows: T[]) =>
  [...rows].sort((a, b) => ATTEMPT_BUCKETS.indexOf(a.key as never) - ATTEMPT_BUCKETS.indexOf(b.key as never));

function periodSummary(scope: Scope) {
  return {
    range: scope.filter.range,
    from: scope.period.from ?? null,
    to: scope.period.to ?? null,
    firstDate: scope.period.firstDate ?? null,
    lastDate: scope.period.lastDate ?? null,
    timezone: scope.team.timezone,
  };
}

/** The team's first and last dated dial or callback as local dates; four index probes. */
async function activitySpan(q: Queryable, scope: Scope): Promise<{ first: string; last: string } | null> {
  const bound = async (table: typeof attempt | typeof callback, pick: "min" | "max") =>
    (await q.get<{ at: number | null }>(sql`select ${sql.raw(pick)}(at) as at from ${table} where team_id = ${scope.team.id}`)).at;
  const instants = [await bound(attempt, "min"), await bound(attempt, "max"), await bound(callback, "min"), await bound(callback, "max")].filter((at): at is number => at !== null);
  if (!instants.length) return null;
  const local = (ms: number) => localTime(ms, scope.team.timezone).date;
  return { first: local(Math.min(...instants)), last: local(Math.max(...instants)) };
}

/** The local dates a per-day chart spans (server/domain/time-buckets.ts, chartSpan). */
async function chartDates(q: Queryable, scope: Scope, seen: string[], now: Date): Promise<string[]> {
  const today = localTime(now, scope.team.timezone).date;
  return chartSpan(scope.period, [...seen].sort()[0], await activitySpan(q, scope), today);
}

// --- Public reads -------------------------------------------------------------------------------

/** Callback rate by one dimension, ranked by the Wilson lower bound; one snapshot. */
export async function leaderboard(db: Db, actor: Actor, input: LeaderboardInput, now: Date = new Date()) {
  return readSnapshot(db, async (tx) => {
    const scope = await scopeFor(db, tx, actor, input, now);
    const rows = (await boardRows(tx, scope, input.by)).map(publicRow);
    return {
      by: input.by,
      period: periodSummary(scope),
      minSample: scope.team.minSample,
      unattributedCallbacks: await unattributedCallbacks(tx, scope),
      rows,
    };
  });
}

/** What the filter controls offer: the team's reps, scripts, stages and tags. */
export async function leaderboardFilters(db: Db, actor: Actor) {
  return readSnapshot(db, async (tx) => {
    const reps = await tx
      .select({ id: user.id, name: user.name, email: user.email, role: member.role })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(eq(member.organizationId, actor.teamId))
      .orderBy(user.name)
      .all();
    // As the library shows them: shared scripts and the viewer's own drafts (private-drafts.ts).
    const visible = visibleTo(actor);
    const scripts = await tx
      .select({ id: script.id, title: script.title, stage: script.stage, archived: script.archived })
      .from(script)
      .where(visible)
      .orderBy(script.title)
      .all();
    const tags = (await tx
      .selectDistinct({ tag: scriptTag.tag })
      .from(scriptTag)
      .innerJoin(script, eq(script.id, scriptTag.scriptId))
      .where(visible)
      .orderBy(scriptTag.tag)
      .all())
      .map((t) => t.tag);
    return { reps, scripts, tags, stages: [...STAGES], me: actor.userId, canSeeTeam: isManager(actor) };
  });
}

type DayActivity = { date: string; dials: number; voicemails: number; callbacks: number; appointments: number };

async function dailyActivity(q: Queryable, scope: Scope, now: Date, slots?: DialSlot[]): Promise<DayActivity[]> {
  const clock = await scopeClock(q, scope);
  const byDate = new Map<string, DayActivity>();
  const day = (date: string) => {
    let entry = byDate.get(date);
    if (!entry) byDate.set(date, (entry = { date, dials: 0, voicemails: 0, callbacks: 0, appointments: 0 }));
    return entry;
  };
  for (const r of slots ?? (await dialSlots(q, scope))) {
    const entry = day(clock(r.slot).date);
    entry.dials += r.dials;
    entry.voicemails += r.voicemails;
  }
  for (const r of await callbackSlots(q, scope)) {
    const entry = day(clock(r.slot).date);
    entry.callbacks += r.callbacks;
    entry.appointments += r.appointments;
  }
  return (await chartDates(q, scope, [...byDate.keys()], now)).map((date) => byDate.get(date) ?? { date, dials: 0, voicemails: 0, callbacks: 0, appointments: 0 });
}

export type HeatCell = Counts & { weekday: number; hour: number; rate: number | null; ciLow: number; ciHigh: number };

/** Callback rate by local weekday and hour of the voicemail. */
async function hourByWeekday(q: Queryable, scope: Scope, slots: DialSlot[]): Promise<HeatCell[]> {
  const clock = await scopeClock(q, scope);
  const cells = new Map<string, Counts>();
  for (const r of slots) {
    if (!r.voicemails) continue;
    const local = clock(r.slot);
    addCounts(cells, `${local.weekday}:${local.hour}`, r);
  }
  return [...cells].map(([key, counts]) => {
    const [weekday, hour] = key.split(":").map(Number);
    return { weekday, hour, ...counts, ...rateEvidence(counts.returned, counts.voicemails) };
  });
}

export type TrendPoint = Counts & { week: string; rate: number | null; ciLow: number; ciHigh: number };

/**
 * Weekly counts per group (local Monday-start weeks), zero-filled across the period. Unfiltered
 * views by script or rep sum the rollups' day counters; others count voicemails per quarter-hour.
 */
async function weeklyTrend(q: Queryable, scope: Scope, by: "script" | "rep", now: Date, keep?: Set<string>) {
  const series = new Map<string, Map<string, Counts>>();
  const seen: string[] = [];
  const add = (date: string, counts: Counts & { group: string }) => {
    const r = isHiddenGroup(scope.hidden, by, counts.group) ? { ...counts, group: PRIVATE_DRAFTS.key } : counts;
    if (keep && !keep.has(r.group)) return;
    const week = weekStart(date);
    seen.push(week);
    if (!series.has(r.group)) series.set(r.group, new Map());
    addCounts(series.get(r.group)!, week, r);
  };
  const days = scope.withoutHidden ? null : await rollupDayCounts(q, scope.team.id, scope.filter, by, scope.period.firstDate, scope.period.lastDate);
  if (days) for (const day of days) add(day.date, day);
  else {
    const clock = await scopeClock(q, scope);
    for (const slot of await slotCounts(q, scope, by)) add(clock(slot.slot).date, slot);
  }
  const dates = await chartDates(q, scope, seen, now);
  const weeks = dates.length ? weeksBetween(weekStart(dates[0]), weekStart(dates[dates.length - 1])) : [];
  const points = (counts: Map<string, Counts> | undefined): TrendPoint[] =>
    weeks.map((week) => {
      const c = counts?.get(week) ?? { voicemails: 0, returned: 0, appointments: 0 };
      return { week, ...c, ...rateEvidence(c.returned, c.voicemails) };
    });
  return { weeks, series, points };
}

function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let w = first; w <= last; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

const TOP_SCRIPTS_IN_TREND = 4;

/** The team overview for managers: activity, funnel, cadence, timing, read time and trends; one snapshot. */
export async function teamOverview(db: Db, actor: Actor, input: StatsFilter, now: Date = new Date()) {
  if (!isManager(actor)) throw new Forbidden("The team overview is for managers.");
  return readSnapshot(db, async (tx) => {
    const scope = await scopeFor(db, tx, actor, input, now);
    const scripts = await boardRows(tx, scope, "script");
    const total = scripts.reduce((sum, r) => ({ voicemails: sum.voicemails + r.voicemails, returned: sum.returned + r.returned, appointments: sum.appointments + r.appointments }), {
      voicemails: 0,
      returned: 0,
      appointments: 0,
    });
    const lateScope: Scope = { ...scope, filter: { ...scope.filter, attempt: scope.filter.attempt ?? "4+" } };
    const top = [...scripts].sort((a, b) => b.voicemails - a.voicemails || a.label.localeCompare(b.label)).slice(0, TOP_SCRIPTS_IN_TREND);
    const trend = await weeklyTrend(tx, scope, "script", now, new Set(top.map((s) => s.group)));
    const stageOf = new Map(
      (await tx
        .select({ id: script.id, stage: script.stage })
        .from(script)
        .where(eq(script.teamId, actor.teamId))
        .all())
        .map((s) => [String(s.id), s.stage]),
    );
    const measured = await sharedTakeMedians(tx, actor);
    const slots = await dialSlots(tx, scope);
    return {
      period: periodSummary(scope),
      minSample: scope.team.minSample,
      wordsPerMinute: scope.team.wordsPerMinute,
      unattributedCallbacks: await unattributedCallbacks(tx, scope),
      activity: await dailyActivity(tx, scope, now, slots),
      funnel: { ...total, ...rateEvidence(total.returned, total.voicemails), appointmentRate: total.voicemails ? total.appointments / total.voicemails : null },
      byAttempt: inAttemptOrder((await boardRows(tx, scope, "attempt-number")).map(publicRow)),
      lateAttemptScripts: (await boardRows(tx, lateScope, "script")).map((r) => ({ ...publicRow(r), stage: stageOf.get(r.group) ?? "any" })),
      heatmap: await hourByWeekday(tx, scope, slots),
      readTime: scripts
        .filter((r) => r.words !== null)
        .map((r) => ({
          ...publicRow(r),
          stage: stageOf.get(r.group) ?? "any",
          words: Math.round(r.words!),
          readSeconds: readSeconds(r.words!, scope.team.wordsPerMinute),
          // Rehearsal takes the team shared (issue 17): how long the script runs when read aloud.
          measuredSeconds: measured.get(Number(r.group)) ?? null,
        })),
      trend: { weeks: trend.weeks, series: top.map((s) => ({ key: s.key, label: s.label, points: trend.points(trend.series.get(s.group)) })) },
    };
  });
}

/** One rep's numbers against the team's; reps may open only their own. One snapshot. */
export async function repStats(db: Db, actor: Actor, input: RepStatsInput, now: Date = new Date()) {
  const repId = input.repId ?? actor.userId;
  if (!isManager(actor) && repId !== actor.userId) throw new Forbidden("Reps see their own numbers; a manager can open a colleague's.");
  return readSnapshot(db, async (tx) => {
    const rep = await tx
      .select({ id: user.id, name: user.name, email: user.email, role: member.role })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(and(eq(member.organizationId, actor.teamId), eq(member.userId, repId)))
      .get();
    if (!rep) throw new NotFound("No such member of this team.");
    const teamScope = await scopeFor(db, tx, actor, { ...input, repId: undefined }, now);
    const repScope: Scope = { ...teamScope, filter: { ...teamScope.filter, repId } };
    const byRep = await weeklyTrend(tx, teamScope, "rep", now);
    const teamWeeks = new Map<string, Counts>();
    for (const weeks of byRep.series.values()) for (const [week, counts] of weeks) addCounts(teamWeeks, week, counts);
    const scripts = (await boardRows(tx, repScope, "script")).map(publicRow);
    const overall = scripts.reduce((sum, r) => ({ voicemails: sum.voicemails + r.voicemails, returned: sum.returned + r.returned, appointments: sum.appointments + r.appointments }), {
      voicemails: 0,
      returned: 0,
      appointments: 0,
    });
    const team = [...teamWeeks.values()].reduce((sum, c) => ({ voicemails: sum.voicemails + c.voicemails, returned: sum.returned + c.returned }), { voicemails: 0, returned: 0 });
    return {
      rep,
      period: periodSummary(teamScope),
      minSample: teamScope.team.minSample,
      attributionWindowDays: teamScope.team.attributionWindowDays,
      overall: { ...overall, ...rateEvidence(overall.returned, overall.voicemails) },
      team: { ...team, ...rateEvidence(team.returned, team.voicemails) },
      trend: { weeks: byRep.weeks, rep: byRep.points(byRep.series.get(repId)), team: byRep.points(teamWeeks) },
      scripts,
      activity: await dailyActivity(tx, repScope, now),
      awaitingCallback: await awaitingCallback(tx, teamScope.team, repId, now),
    };
  });
}
