import Database from "better-sqlite3";
import pg from "pg";
import { resolvePeriod } from "@/server/domain/time-buckets";
import { median } from "./load";

// The "quick app" baseline: the leaderboard's aggregate (voicemails, returned, appointments per
// script and per rep over the last 90 days) as one plain GROUP BY over the attempts table, on
// better-sqlite3 directly (or one pg connection, with the same SQL), with the indexes the schema
// has — no HTTP, no auth, no ranking.

const COUNTS = "count(*) as voicemails, count(a.returned_at) as returned, sum(a.appointment) as appointments";
const SCOPE = "a.team_id = ? and a.outcome = 'voicemail' and a.deleted_at is null and a.at >= ? and a.at < ?";
const BY_SCRIPT = `select sv.script_id as key, ${COUNTS} from attempt a join script_version sv on sv.id = a.script_version_id where ${SCOPE} group by sv.script_id`;
const BY_REP = `select a.rep_id as key, ${COUNTS} from attempt a where ${SCOPE} group by a.rep_id`;

function scope(teamId: string, timezone: string) {
  const period = resolvePeriod("90d", {}, new Date(), timezone);
  return [teamId, period.from!.getTime(), period.to!.getTime()];
}

export function naiveGroupByMs(file: string, teamId: string, timezone: string, rounds: number): { ms: number; rows: number } {
  const db = new Database(file, { readonly: true });
  const byScript = db.prepare(BY_SCRIPT);
  const byRep = db.prepare(BY_REP);
  const args = scope(teamId, timezone);
  let rows = 0;
  const once = () => {
    const started = performance.now();
    rows = byScript.all(...args).length + byRep.all(...args).length;
    return (performance.now() - started) / 2;
  };
  once();
  const times = Array.from({ length: rounds }, once);
  db.close();
  return { ms: median(times), rows };
}

/** The same two queries on PostgreSQL, as named prepared statements on one connection. */
export async function naiveGroupByMsPostgres(url: string, teamId: string, timezone: string, rounds: number): Promise<{ ms: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const numbered = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  const args = scope(teamId, timezone);
  let rows = 0;
  const once = async () => {
    const started = performance.now();
    const script = await client.query({ name: "naive_by_script", text: numbered(BY_SCRIPT), values: args });
    const rep = await client.query({ name: "naive_by_rep", text: numbered(BY_REP), values: args });
    rows = script.rowCount! + rep.rowCount!;
    return (performance.now() - started) / 2;
  };
  try {
    await once();
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) times.push(await once());
    return { ms: median(times), rows };
  } finally {
    await client.end();
  }
}
