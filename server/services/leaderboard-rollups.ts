import { sql, type SQL } from "drizzle-orm";
import { script, scriptTag, scriptVersion, statsRollup, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { BoardDimension, StatsFilter } from "@/lib/inputs/leaderboard";
import { addDays } from "@/server/domain/time-buckets";

// The leaderboard's counts (voicemails, returned, appointments per group) read from the rollups
// (db/schema.ts, stats_rollup) instead of the attempts: whole months of the range from month
// counters, the days at its edges from day counters. A 90-day board sums about 60 day rows and
// 2 month rows per group. Only an unfiltered view can be served this way; the caller falls back
// to counting attempts for any filter, whose rows the rollups do not separate.

export type GroupCounts = { group: string; key: string; label: string; voicemails: number; returned: number; appointments: number; words: number | null };

type Span = { grain: "day" | "month"; from: string; to: string };

const monthOf = (date: string) => date.slice(0, 7);
const nextMonth = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};
const previousMonth = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
};

/** The local dates `first`…`last` (both included) as whole months plus the days at either edge. */
export function rollupSpans(first?: string, last?: string): Span[] {
  if (!first || !last) return [{ grain: "month", from: "0000-00", to: "9999-99" }];
  const firstMonth = first.endsWith("-01") ? monthOf(first) : nextMonth(monthOf(first));
  const lastMonth = addDays(last, 1).endsWith("-01") ? monthOf(last) : previousMonth(monthOf(last));
  if (firstMonth > lastMonth) return [{ grain: "day", from: first, to: last }];
  const spans: Span[] = [{ grain: "month", from: firstMonth, to: lastMonth }];
  if (first < `${firstMonth}-01`) spans.push({ grain: "day", from: first, to: addDays(`${firstMonth}-01`, -1) });
  const afterLast = `${nextMonth(lastMonth)}-01`;
  if (afterLast <= last) spans.push({ grain: "day", from: afterLast, to: last });
  return spans;
}

export const isUnfiltered = (f: StatsFilter) => !f.repId && f.scriptId === undefined && f.versionId === undefined && !f.stage && !f.tag && !f.attempt;

/** Counters of one rollup dimension over the spans, summed per key. */
function summed(teamId: string, dim: "version" | "rep" | "attempt", spans: Span[]): SQL {
  const parts = spans.map(
    (s) =>
      sql`select ${statsRollup.key} as key, ${statsRollup.voicemails} as voicemails, ${statsRollup.returned} as returned, ${statsRollup.appointments} as appointments
          from ${statsRollup} where ${statsRollup.teamId} = ${teamId} and ${statsRollup.dim} = ${dim} and ${statsRollup.grain} = ${s.grain}
          and ${statsRollup.period} >= ${s.from} and ${statsRollup.period} <= ${s.to}`,
  );
  return sql`(select key, sum(voicemails) as voicemails, sum(returned) as returned, sum(appointments) as appointments
              from (${sql.join(parts, sql` union all `)}) group by key having sum(voicemails) > 0)`;
}

type Raw = { group: string | number; key: string | null; label: string | null; voicemails: number; returned: number; appointments: number; words: number | null };

const BY_VERSION: Partial<Record<BoardDimension, { group: SQL; key: SQL; label: SQL; byTag?: boolean }>> = {
  script: { group: sql`${script.id}`, key: sql`${script.title}`, label: sql`${script.title}` },
  version: { group: sql`${scriptVersion.id}`, key: sql`${script.title} || ' v' || ${scriptVersion.number}`, label: sql`${script.title} || ' · v' || ${scriptVersion.number}` },
  tag: { group: sql`${scriptTag.tag}`, key: sql`${scriptTag.tag}`, label: sql`${scriptTag.tag}`, byTag: true },
};

/**
 * The same rows as counting attempts would give for an unfiltered view over local dates
 * `firstDate`…`lastDate` (or all time), or null when the view has filters.
 */
export function rollupGroupCounts(q: Queryable, teamId: string, filter: StatsFilter, by: BoardDimension, firstDate?: string, lastDate?: string): GroupCounts[] | null {
  // A range open at one end is rare (a custom range with one date); it is counted from attempts.
  if (!isUnfiltered(filter) || (firstDate === undefined) !== (lastDate === undefined)) return null;
  const spans = rollupSpans(firstDate, lastDate);
  let rows: Raw[];
  const versionDim = BY_VERSION[by];
  if (versionDim) {
    rows = q.all<Raw>(sql`
      select ${versionDim.group} as "group", ${versionDim.key} as key, ${versionDim.label} as label,
        sum(c.voicemails) as voicemails, sum(c.returned) as returned, sum(c.appointments) as appointments,
        sum(c.voicemails * ${scriptVersion.wordCount}) * 1.0 / sum(c.voicemails) as words
      from ${summed(teamId, "version", spans)} c
      join ${scriptVersion} on ${scriptVersion.id} = cast(c.key as integer)
      join ${script} on ${script.id} = ${scriptVersion.scriptId}
      ${versionDim.byTag ? sql`join ${scriptTag} on ${scriptTag.scriptId} = ${script.id}` : sql``}
      group by ${versionDim.group}`);
  } else if (by === "rep") {
    rows = q.all<Raw>(sql`
      select ${user.id} as "group", ${user.email} as key, ${user.name} as label, c.voicemails, c.returned, c.appointments, null as words
      from ${summed(teamId, "rep", spans)} c join ${user} on ${user.id} = c.key`);
  } else {
    rows = q.all<Raw>(sql`
      select c.key as "group", c.key as key, 'Voicemail #' || c.key as label, c.voicemails, c.returned, c.appointments, null as words
      from ${summed(teamId, "attempt", spans)} c`);
  }
  return rows.map((r) => ({
    group: String(r.group),
    key: r.key ?? "",
    label: r.label ?? "",
    voicemails: Number(r.voicemails),
    returned: Number(r.returned),
    appointments: Number(r.appointments ?? 0),
    words: r.words === null ? null : Number(r.words),
  }));
}
