import { sql, type SQL } from "drizzle-orm";
import { script, scriptTag, scriptVersion, statsRollup, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { BoardDimension, StatsFilter } from "@/lib/inputs/leaderboard";
import { rollupSpans, type Span } from "@/server/domain/rollup-spans";

// The leaderboard's counts (voicemails, returned, appointments per group) read from the rollups
// (db/schema.ts, stats_rollup) instead of the attempts, as signed sums of month and day counters
// (server/domain/rollup-spans.ts). Only an unfiltered view can be served this way; the caller
// falls back to counting attempts for any filter, whose rows the rollups do not separate.

export type GroupCounts = { group: string; key: string; label: string; voicemails: number; returned: number; appointments: number; words: number | null };

export const isUnfiltered = (f: StatsFilter) => !f.repId && f.scriptId === undefined && f.versionId === undefined && !f.stage && !f.tag && !f.attempt;

/** Counters of one rollup dimension over the spans, summed per key. */
function summed(teamId: string, dim: "version" | "rep" | "attempt", spans: Span[]): SQL {
  const parts = spans.map(
    (s) =>
      sql`select ${statsRollup.key} as key, ${sql.raw(String(s.sign))} * ${statsRollup.voicemails} as voicemails,
          ${sql.raw(String(s.sign))} * ${statsRollup.returned} as returned, ${sql.raw(String(s.sign))} * ${statsRollup.appointments} as appointments
          from ${statsRollup} where ${statsRollup.teamId} = ${teamId} and ${statsRollup.dim} = ${dim} and ${statsRollup.grain} = ${s.grain}
          and ${statsRollup.period} >= ${s.from} and ${statsRollup.period} <= ${s.to}`,
  );
  return sql`(select key, sum(voicemails) as voicemails, sum(returned) as returned, sum(appointments) as appointments
              from (${sql.join(parts, sql` union all `)}) as signed group by key having sum(voicemails) > 0)`;
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
export async function rollupGroupCounts(q: Queryable, teamId: string, filter: StatsFilter, by: BoardDimension, firstDate?: string, lastDate?: string): Promise<GroupCounts[] | null> {
  // A range open at one end is rare (a custom range with one date); it is counted from attempts.
  if (!isUnfiltered(filter) || (firstDate === undefined) !== (lastDate === undefined)) return null;
  const spans = rollupSpans(firstDate, lastDate);
  let rows: Raw[];
  const versionDim = BY_VERSION[by];
  if (versionDim) {
    rows = await q.all<Raw>(sql`
      select ${versionDim.group} as "group", ${versionDim.key} as key, ${versionDim.label} as label,
        sum(c.voicemails) as voicemails, sum(c.returned) as returned, sum(c.appointments) as appointments,
        sum(c.voicemails * ${scriptVersion.wordCount}) * 1.0 / sum(c.voicemails) as words
      from ${summed(teamId, "version", spans)} c
      join ${scriptVersion} on ${scriptVersion.id} = cast(c.key as integer)
      join ${script} on ${script.id} = ${scriptVersion.scriptId}
      ${versionDim.byTag ? sql`join ${scriptTag} on ${scriptTag.scriptId} = ${script.id}` : sql``}
      group by ${versionDim.group}, ${versionDim.key}, ${versionDim.label}`);
  } else if (by === "rep") {
    rows = await q.all<Raw>(sql`
      select ${user.id} as "group", ${user.email} as key, ${user.name} as label, c.voicemails, c.returned, c.appointments, null as words
      from ${summed(teamId, "rep", spans)} c join ${user} on ${user.id} = c.key`);
  } else {
    rows = await q.all<Raw>(sql`
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

export type DayGroupCounts = { date: string; group: string; voicemails: number; returned: number; appointments: number };

/**
 * Voicemails, returned and appointments per local date and script (or rep) from the day counters,
 * for an unfiltered view over `firstDate`…`lastDate` (or all time); null when the view has
 * filters. A weekly trend sums these instead of counting every voicemail per quarter-hour.
 */
export async function rollupDayCounts(q: Queryable, teamId: string, filter: StatsFilter, by: "script" | "rep", firstDate?: string, lastDate?: string): Promise<DayGroupCounts[] | null> {
  if (!isUnfiltered(filter) || (firstDate === undefined) !== (lastDate === undefined)) return null;
  const inRange = firstDate === undefined ? sql`` : sql`and ${statsRollup.period} >= ${firstDate} and ${statsRollup.period} <= ${lastDate}`;
  const rows =
    by === "script"
      ? await q.all<DayGroupCounts>(sql`
          select ${statsRollup.period} as date, ${scriptVersion.scriptId} as "group", sum(${statsRollup.voicemails}) as voicemails,
            sum(${statsRollup.returned}) as returned, sum(${statsRollup.appointments}) as appointments
          from ${statsRollup} join ${scriptVersion} on ${scriptVersion.id} = cast(${statsRollup.key} as integer)
          where ${statsRollup.teamId} = ${teamId} and ${statsRollup.dim} = 'version' and ${statsRollup.grain} = 'day' ${inRange}
          group by ${statsRollup.period}, ${scriptVersion.scriptId}`)
      : await q.all<DayGroupCounts>(sql`
          select ${statsRollup.period} as date, ${statsRollup.key} as "group", ${statsRollup.voicemails} as voicemails,
            ${statsRollup.returned} as returned, ${statsRollup.appointments} as appointments
          from ${statsRollup}
          where ${statsRollup.teamId} = ${teamId} and ${statsRollup.dim} = 'rep' and ${statsRollup.grain} = 'day' ${inRange}`);
  return rows
    .map((r) => ({ date: r.date, group: String(r.group), voicemails: Number(r.voicemails), returned: Number(r.returned), appointments: Number(r.appointments ?? 0) }))
    .filter((r) => r.voicemails > 0);
}
