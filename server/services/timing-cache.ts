import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Queryable } from "@/db/types";
import type { BoardDimension } from "@/lib/inputs/leaderboard";
import { timeToCallback } from "@/server/domain/stats";

// Time-to-callback percentiles and the unattributed-callback count cannot come from counters: a
// median needs every delay. Reading them from the attempts costs a row per returned voicemail in
// the range (about 90 ms for a 90-day board at ten million dials a year), so each process keeps
// them in memory, per team and UTC day, with the day's generation (migration 0003): triggers move
// a day's generation in the same transaction as every write that changes its returned voicemails
// or callbacks, and a reader, inside its own snapshot, reloads only the days whose generation
// moved. The answer is therefore exactly what reading the attempts would give (a service test
// compares both under random writes). Unfiltered views only; filtered ones read the attempts.

const DAY_MS = 86_400_000;

type Day = {
  gen: number;
  /** The day's live returned voicemails: time, minutes to the first credited callback, grouping facts. */
  at: number[];
  minutes: number[];
  version: (number | null)[];
  rep: string[];
  voicemailNumber: (number | null)[];
  /** Times of the day's live callbacks credited to no voicemail. */
  unattributed: number[];
};

type Quantiles = Map<string, { median: number | null; p80: number | null }>;

export type TeamTiming = {
  days: Map<number, Day>;
  scriptOfVersion: Map<number, number>;
  /** Percentiles per (dimension, range), with the generations of the days they were computed from. */
  results: Map<string, { generations: string; quantiles: Quantiles }>;
};

const RESULTS_KEPT = 64;
const caches = new WeakMap<object, Map<string, TeamTiming>>();

/** The cache of one team on one database connection (a test's database gets its own). */
export function teamTiming(db: Db, teamId: string): TeamTiming {
  let teams = caches.get(db.$client);
  if (!teams) caches.set(db.$client, (teams = new Map()));
  let team = teams.get(teamId);
  if (!team) teams.set(teamId, (team = { days: new Map(), scriptOfVersion: new Map(), results: new Map() }));
  return team;
}

type Range = { from?: Date; to?: Date };

/** The UTC days a range touches; an open end stops at the team's first or last row. */
function dayBounds(q: Queryable, teamId: string, { from, to }: Range): [number, number] | null {
  let first = from ? Math.floor(from.getTime() / DAY_MS) : null;
  let last = to ? Math.floor((to.getTime() - 1) / DAY_MS) : null;
  if (first === null || last === null) {
    // An integer literal, as in the triggers: a bound number would divide as a real.
    const day = sql.raw(String(DAY_MS));
    const [lo, hi] = q.values<[number | null, number | null]>(sql`
      select min(d), max(d) from (
        select min(at) / ${day} as d from attempt where team_id = ${teamId} union all
        select max(at) / ${day} from attempt where team_id = ${teamId} union all
        select min(at) / ${day} from callback where team_id = ${teamId} union all
        select max(at) / ${day} from callback where team_id = ${teamId})`)[0];
    if (lo === null || hi === null) return null;
    first ??= lo;
    last ??= hi;
  }
  return first <= last ? [first, last] : null;
}

const emptyDay = (gen: number): Day => ({ gen, at: [], minutes: [], version: [], rep: [], voicemailNumber: [], unattributed: [] });

/** Loads days `first`…`last` (a run of stale ones) with one query per table. */
function loadDays(q: Queryable, teamId: string, first: number, last: number, generations: Map<number, number>, into: Map<number, Day>) {
  for (let d = first; d <= last; d++) into.set(d, emptyDay(generations.get(d) ?? 0));
  const [from, to] = [first * DAY_MS, (last + 1) * DAY_MS];
  const returned = q.values<[number, number, number | null, string, number | null]>(sql`
    select at, returned_at - at, script_version_id, rep_id, voicemail_number from attempt
    where team_id = ${teamId} and outcome = 'voicemail' and deleted_at is null and returned_at is not null
      and at >= ${from} and at < ${to}`);
  for (const [at, ms, version, rep, number] of returned) {
    const day = into.get(Math.floor(at / DAY_MS))!;
    day.at.push(at);
    // The same division SQL's `/ 60000.0` does, so this and the filtered path give identical minutes.
    day.minutes.push(ms / 60000);
    day.version.push(version);
    day.rep.push(rep);
    day.voicemailNumber.push(number);
  }
  const unattributed = q.values<[number]>(sql`
    select at from callback
    where team_id = ${teamId} and credited_attempt_id is null and deleted_at is null and at >= ${from} and at < ${to}`);
  for (const [at] of unattributed) into.get(Math.floor(at / DAY_MS))!.unattributed.push(at);
}

/** The range's days, fresh: their generations read in the caller's snapshot, stale ones reloaded. */
function freshDays(q: Queryable, teamId: string, team: TeamTiming, range: Range): { days: Day[]; generations: string } | null {
  const bounds = dayBounds(q, teamId, range);
  if (!bounds) return null;
  const [first, last] = bounds;
  const generations = new Map(
    q.values<[number, number]>(sql`select day, gen from day_generation where team_id = ${teamId} and day >= ${first} and day <= ${last}`),
  );
  let runStart: number | null = null;
  for (let d = first; d <= last + 1; d++) {
    const stale = d <= last && team.days.get(d)?.gen !== (generations.get(d) ?? 0);
    if (stale && runStart === null) runStart = d;
    if (!stale && runStart !== null) {
      loadDays(q, teamId, runStart, d - 1, generations, team.days);
      runStart = null;
    }
  }
  const days: Day[] = [];
  for (let d = first; d <= last; d++) days.push(team.days.get(d)!);
  return { days, generations: `${first}:${days.map((day) => day.gen).join(",")}` };
}

const inRange = (at: number, { from, to }: Range) => (!from || at >= from.getTime()) && (!to || at < to.getTime());

/** Live callbacks credited to no voicemail in the range. */
export function cachedUnattributedCallbacks(q: Queryable, teamId: string, team: TeamTiming, range: Range): number {
  const fresh = freshDays(q, teamId, team, range);
  let n = 0;
  for (const day of fresh?.days ?? []) for (const at of day.unattributed) if (inRange(at, range)) n++;
  return n;
}

function groupKeys(q: Queryable, teamId: string, team: TeamTiming, by: BoardDimension): (day: Day, i: number) => string[] {
  const scriptOf = (version: number | null) => {
    if (version === null) return undefined;
    // Versions never move to another script, so the map only grows; a new version reloads it.
    if (!team.scriptOfVersion.has(version)) {
      const rows = q.values<[number, number]>(sql`select sv.id, sv.script_id from script_version sv join script s on s.id = sv.script_id where s.team_id = ${teamId}`);
      for (const [id, scriptId] of rows) team.scriptOfVersion.set(id, scriptId);
    }
    return team.scriptOfVersion.get(version);
  };
  const one = (key: string | number | null | undefined) => (key === null || key === undefined ? [] : [String(key)]);
  switch (by) {
    case "script":
      return (day, i) => one(scriptOf(day.version[i]));
    case "version":
      return (day, i) => one(day.version[i]);
    case "rep":
      return (day, i) => one(day.rep[i]);
    case "attempt-number":
      return (day, i) => {
        const n = day.voicemailNumber[i];
        return n === null ? [] : [n >= 4 ? "4+" : String(n)];
      };
    case "tag": {
      const tags = new Map<number, string[]>();
      for (const [scriptId, tag] of q.values<[number, string]>(sql`select st.script_id, st.tag from script_tag st join script s on s.id = st.script_id where s.team_id = ${teamId}`)) {
        tags.set(scriptId, [...(tags.get(scriptId) ?? []), tag]);
      }
      return (day, i) => tags.get(scriptOf(day.version[i]) ?? -1) ?? [];
    }
  }
}

/** Median and 80th percentile of minutes to callback per group of the range's returned voicemails. */
export function cachedTimeToCallback(q: Queryable, teamId: string, team: TeamTiming, by: BoardDimension, range: Range): Quantiles {
  const fresh = freshDays(q, teamId, team, range);
  if (!fresh) return new Map();
  // Tags can change without a day moving, so only the other dimensions reuse a computed answer.
  const memo = by === "tag" ? null : `${by}|${range.from?.getTime() ?? ""}|${range.to?.getTime() ?? ""}`;
  const kept = memo ? team.results.get(memo) : undefined;
  if (kept && kept.generations === fresh.generations) return kept.quantiles;

  const keysOf = groupKeys(q, teamId, team, by);
  const minutes = new Map<string, number[]>();
  for (const day of fresh.days) {
    for (let i = 0; i < day.at.length; i++) {
      if (!inRange(day.at[i], range)) continue;
      for (const key of keysOf(day, i)) {
        const list = minutes.get(key);
        if (list) list.push(day.minutes[i]);
        else minutes.set(key, [day.minutes[i]]);
      }
    }
  }
  const quantiles: Quantiles = new Map([...minutes].map(([key, list]) => [key, timeToCallback(list)]));
  if (memo) {
    if (team.results.size >= RESULTS_KEPT) team.results.clear();
    team.results.set(memo, { generations: fresh.generations, quantiles });
  }
  return quantiles;
}
