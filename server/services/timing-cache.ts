import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Queryable } from "@/db/types";
import type { BoardDimension } from "@/lib/inputs/leaderboard";
import { sortedTimeToCallback } from "@/server/domain/stats";
import { DAY_MS } from "@/server/domain/time-buckets";

// Time-to-callback percentiles and the unattributed-callback count cannot come from counters: a
// median needs every delay. Reading them from the attempts costs a row per returned voicemail in
// the range (about 90 ms for a 90-day board at ten million dials a year), so each process keeps
// them in memory, per team and UTC day, with the day's generation (migration 0003): triggers move
// a day's generation in the same transaction as every write that changes its returned voicemails
// or callbacks, and a reader, inside its own snapshot, reloads only the days whose generation
// moved. The answer is therefore exactly what reading the attempts would give (a service test
// compares both under random writes). Unfiltered views only; filtered ones read the attempts.

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

/**
 * One board's percentiles (a dimension over a range), kept up to date by difference: each day's
 * minutes per group as counted, and per group every minute of the range in ascending order. A day
 * that moved takes its old minutes out and puts its new ones in, so a callback costs the board a
 * few hundred array edits instead of regrouping the whole range.
 */
type Board = {
  gens: Map<number, number>;
  byDay: Map<number, Map<string, number[]>>;
  sorted: Map<string, number[]>;
  quantiles: Quantiles;
};

export type TeamTiming = {
  days: Map<number, Day>;
  scriptOfVersion: Map<number, number>;
  boards: Map<string, Board>;
};

const BOARDS_KEPT = 32;
const caches = new WeakMap<Db, Map<string, TeamTiming>>();

/** The cache of one team on one database connection (a test's database gets its own). */
export function teamTiming(db: Db, teamId: string): TeamTiming {
  let teams = caches.get(db);
  if (!teams) caches.set(db, (teams = new Map()));
  let team = teams.get(teamId);
  if (!team) teams.set(teamId, (team = { days: new Map(), scriptOfVersion: new Map(), boards: new Map() }));
  return team;
}

type Range = { from?: Date; to?: Date };

/** The UTC days a range touches; an open end stops at the team's first or last row. */
async function dayBounds(q: Queryable, teamId: string, { from, to }: Range): Promise<[number, number] | null> {
  let first = from ? Math.floor(from.getTime() / DAY_MS) : null;
  let last = to ? Math.floor((to.getTime() - 1) / DAY_MS) : null;
  if (first === null || last === null) {
    // An integer literal, as in the triggers: a bound number would divide as a real.
    const day = sql.raw(String(DAY_MS));
    const [lo, hi] = (await q.values<[number | null, number | null]>(sql`
      select min(d), max(d) from (
        select min(at) / ${day} as d from attempt where team_id = ${teamId} union all
        select max(at) / ${day} from attempt where team_id = ${teamId} union all
        select min(at) / ${day} from callback where team_id = ${teamId} union all
        select max(at) / ${day} from callback where team_id = ${teamId}) as bounds`))[0];
    if (lo === null || hi === null) return null;
    first ??= lo;
    last ??= hi;
  }
  return first <= last ? [first, last] : null;
}

const emptyDay = (gen: number): Day => ({ gen, at: [], minutes: [], version: [], rep: [], voicemailNumber: [], unattributed: [] });

/** Loads days `first`…`last` (a run of stale ones) with one query per table. */
async function loadDays(q: Queryable, teamId: string, first: number, last: number, generations: Map<number, number>, into: Map<number, Day>) {
  for (let d = first; d <= last; d++) into.set(d, emptyDay(generations.get(d) ?? 0));
  const [from, to] = [first * DAY_MS, (last + 1) * DAY_MS];
  const returned = await q.values<[number, number, number | null, string, number | null]>(sql`
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
  const unattributed = await q.values<[number]>(sql`
    select at from callback
    where team_id = ${teamId} and credited_attempt_id is null and deleted_at is null and at >= ${from} and at < ${to}`);
  for (const [at] of unattributed) into.get(Math.floor(at / DAY_MS))!.unattributed.push(at);
}

/** The range's days, fresh: their generations read in the caller's snapshot, stale ones reloaded. */
async function freshDays(q: Queryable, teamId: string, team: TeamTiming, range: Range): Promise<Map<number, Day> | null> {
  const bounds = await dayBounds(q, teamId, range);
  if (!bounds) return null;
  const [first, last] = bounds;
  const generations = new Map(
    await q.values<[number, number]>(sql`select day, gen from day_generation where team_id = ${teamId} and day >= ${first} and day <= ${last}`),
  );
  let runStart: number | null = null;
  for (let d = first; d <= last + 1; d++) {
    const stale = d <= last && team.days.get(d)?.gen !== (generations.get(d) ?? 0);
    if (stale && runStart === null) runStart = d;
    if (!stale && runStart !== null) {
      await loadDays(q, teamId, runStart, d - 1, generations, team.days);
      runStart = null;
    }
  }
  const days = new Map<number, Day>();
  for (let d = first; d <= last; d++) days.set(d, team.days.get(d)!);
  return days;
}

const inRange = (at: number, { from, to }: Range) => (!from || at >= from.getTime()) && (!to || at < to.getTime());

/** Live callbacks credited to no voicemail in the range. */
export async function cachedUnattributedCallbacks(q: Queryable, teamId: string, team: TeamTiming, range: Range): Promise<number> {
  const fresh = await freshDays(q, teamId, team, range);
  let n = 0;
  for (const day of fresh?.values() ?? []) for (const at of day.unattributed) if (inRange(at, range)) n++;
  return n;
}

async function groupKeys(q: Queryable, teamId: string, team: TeamTiming, by: BoardDimension, days: Iterable<Day>): Promise<(day: Day, i: number) => string[]> {
  if (by === "script" || by === "tag") {
    // Versions never move to another script, so the map only grows; a version it lacks reloads it.
    const known = (version: number | null) => version === null || team.scriptOfVersion.has(version);
    if (![...days].every((day) => day.version.every(known))) {
      const rows = await q.values<[number, number]>(sql`select sv.id, sv.script_id from script_version sv join script s on s.id = sv.script_id where s.team_id = ${teamId}`);
      for (const [id, scriptId] of rows) team.scriptOfVersion.set(id, scriptId);
    }
  }
  const scriptOf = (version: number | null) => (version === null ? undefined : team.scriptOfVersion.get(version));
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
      for (const [scriptId, tag] of await q.values<[number, string]>(sql`select st.script_id, st.tag from script_tag st join script s on s.id = st.script_id where s.team_id = ${teamId}`)) {
        tags.set(scriptId, [...(tags.get(scriptId) ?? []), tag]);
      }
      return (day, i) => tags.get(scriptOf(day.version[i]) ?? -1) ?? [];
    }
  }
}

/** First index in ascending `list` whose value is not below `value`. */
function lowerBound(list: number[], value: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function newBoard(days: Map<number, Day>, minutesByGroup: (day: Day) => Map<string, number[]>): Board {
  const board: Board = { gens: new Map(), byDay: new Map(), sorted: new Map(), quantiles: new Map() };
  for (const [d, day] of days) {
    const groups = minutesByGroup(day);
    board.gens.set(d, day.gen);
    board.byDay.set(d, groups);
    for (const [key, list] of groups) {
      const sorted = board.sorted.get(key);
      if (sorted) for (const m of list) sorted.push(m);
      else board.sorted.set(key, [...list]);
    }
  }
  for (const [key, sorted] of board.sorted) {
    sorted.sort((a, b) => a - b);
    board.quantiles.set(key, sortedTimeToCallback(sorted));
  }
  return board;
}

/** Replaces the minutes of the days whose generation moved; recomputes only the groups touched. */
function updateBoard(board: Board, days: Map<number, Day>, minutesByGroup: (day: Day) => Map<string, number[]>) {
  const touched = new Set<string>();
  for (const [d, day] of days) {
    if (board.gens.get(d) === day.gen) continue;
    for (const [key, list] of board.byDay.get(d)!) {
      const sorted = board.sorted.get(key)!;
      for (const m of list) sorted.splice(lowerBound(sorted, m), 1);
      touched.add(key);
    }
    const groups = minutesByGroup(day);
    for (const [key, list] of groups) {
      let sorted = board.sorted.get(key);
      if (!sorted) board.sorted.set(key, (sorted = []));
      for (const m of list) sorted.splice(lowerBound(sorted, m), 0, m);
      touched.add(key);
    }
    board.gens.set(d, day.gen);
    board.byDay.set(d, groups);
  }
  if (!touched.size) return;
  // A new map, so an answer already handed out never changes under its reader.
  board.quantiles = new Map(board.quantiles);
  for (const key of touched) {
    const sorted = board.sorted.get(key)!;
    if (sorted.length) board.quantiles.set(key, sortedTimeToCallback(sorted));
    else {
      board.sorted.delete(key);
      board.quantiles.delete(key);
    }
  }
}

const sameDays = (board: Board, days: Map<number, Day>) => board.gens.size === days.size && [...days.keys()].every((d) => board.gens.has(d));

/** Median and 80th percentile of minutes to callback per group of the range's returned voicemails. */
export async function cachedTimeToCallback(q: Queryable, teamId: string, team: TeamTiming, by: BoardDimension, range: Range): Promise<Quantiles> {
  const days = await freshDays(q, teamId, team, range);
  if (!days) return new Map();
  const keysOf = await groupKeys(q, teamId, team, by, days.values());
  const minutesByGroup = (day: Day) => {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < day.at.length; i++) {
      if (!inRange(day.at[i], range)) continue;
      for (const key of keysOf(day, i)) {
        const list = groups.get(key);
        if (list) list.push(day.minutes[i]);
        else groups.set(key, [day.minutes[i]]);
      }
    }
    return groups;
  };
  // Tags can change without a day moving, so a tag board is always counted afresh.
  if (by === "tag") return newBoard(days, minutesByGroup).quantiles;
  const memo = `${by}|${range.from?.getTime() ?? ""}|${range.to?.getTime() ?? ""}`;
  const board = team.boards.get(memo);
  if (board && sameDays(board, days)) {
    updateBoard(board, days, minutesByGroup);
    return board.quantiles;
  }
  if (team.boards.size >= BOARDS_KEPT) team.boards.clear();
  const fresh = newBoard(days, minutesByGroup);
  team.boards.set(memo, fresh);
  return fresh.quantiles;
}
