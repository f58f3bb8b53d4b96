import { eq, sql } from "drizzle-orm";
import { organization, statsRollup, teamZoneOffset } from "./schema";
import { engineOf, type Queryable } from "./types";
import { zoneOffsetTable } from "@/server/domain/zone-offsets";

// Keeping the leaderboard rollups whole (schema.ts, migration 0002). The triggers keep them in
// step with every attempt write; what they cannot do is follow a change of a team's time zone or
// fill them for rows written before they existed. Both come here: recompute the team's offsets,
// then recount its counters from the attempts, in the caller's transaction.

/**
 * The team's local date of `attempt.at` for row alias `a`, as the triggers compute it: inline on
 * SQLite, and PostgreSQL's trigger function of the same rule (db/migrations/postgres/0001).
 */
const localDay = (q: Queryable) => (engineOf(q) === "postgres" ? sql.raw(`rollup_local_day(a.team_id, a.at)`) : sqliteLocalDay);
const sqliteLocalDay = sql.raw(
  `date((a.at + coalesce((select z.offset_ms from team_zone_offset z where z.team_id = a.team_id and z.from_ms <= a.at order by z.from_ms desc limit 1), ` +
    `(select z.offset_ms from team_zone_offset z where z.team_id = a.team_id order by z.from_ms limit 1), 0)) / 1000, 'unixepoch')`,
);

/** Recounts the rollups of one team (or all) from the attempts. */
export async function rebuildRollups(q: Queryable, teamId?: string) {
  await q.run(teamId ? sql`delete from ${statsRollup} where team_id = ${teamId}` : sql`delete from ${statsRollup}`);
  await q.run(sql`
    with v as materialized (
      select a.team_id, ${localDay(q)} as day, cast(a.script_version_id as text) as version, a.rep_id,
        case when a.voicemail_number >= 4 then '4+' else cast(a.voicemail_number as text) end as bucket,
        case when a.returned_at is not null then 1 else 0 end as returned, a.appointment
      from attempt a
      where a.outcome = 'voicemail' and a.deleted_at is null ${teamId ? sql`and a.team_id = ${teamId}` : sql``}
    ),
    k as materialized (
      select team_id, day, 'version' as dim, version as key, returned, appointment from v where version is not null
      union all select team_id, day, 'rep', rep_id, returned, appointment from v
      union all select team_id, day, 'attempt', bucket, returned, appointment from v where bucket is not null
    )
    insert into stats_rollup (team_id, dim, grain, period, key, voicemails, returned, appointments)
    select team_id, dim, 'day', day, key, count(*), sum(returned), sum(appointment) from k group by team_id, dim, day, key
    union all
    select team_id, dim, 'month', substr(day, 1, 7), key, count(*), sum(returned), sum(appointment) from k group by team_id, dim, substr(day, 1, 7), key
  `);
}

/** Stores the team's zone as offsets and recounts its rollups; for a new team or a changed zone. */
export async function syncTeamZone(q: Queryable, teamId: string, timeZone: string) {
  await q.delete(teamZoneOffset).where(eq(teamZoneOffset.teamId, teamId)).run();
  const rows = zoneOffsetTable(timeZone).map((o) => ({ teamId, timeZone, fromMs: o.fromMs, offsetMs: o.offsetMs }));
  for (let i = 0; i < rows.length; i += 200) await q.insert(teamZoneOffset).values(rows.slice(i, i + 200)).run();
  await rebuildRollups(q, teamId);
}

/** Teams whose stored offsets are missing or for another zone: at open, after migrations. */
export function staleZoneTeams(q: Queryable): Promise<{ id: string; timezone: string }[]> {
  return q
    .select({ id: organization.id, timezone: organization.timezone })
    .from(organization)
    .where(
      sql`not exists (select 1 from ${teamZoneOffset} z where z.team_id = ${organization.id} and z.time_zone = ${organization.timezone})`,
    )
    .all();
}
