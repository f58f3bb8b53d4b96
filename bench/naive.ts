import Database from "better-sqlite3";
import { resolvePeriod } from "@/server/domain/time-buckets";
import { median } from "./load";

// The "quick app" baseline: the leaderboard's aggregate (voicemails, returned, appointments per
// script and per rep over the last 90 days) as one plain GROUP BY over the attempts table, on
// better-sqlite3 directly, with the indexes the schema has — no HTTP, no auth, no ranking.

const COUNTS = "count(*) as voicemails, count(a.returned_at) as returned, sum(a.appointment) as appointments";
const SCOPE = "a.team_id = ? and a.outcome = 'voicemail' and a.deleted_at is null and a.at >= ? and a.at < ?";

export function naiveGroupByMs(file: string, teamId: string, timezone: string, rounds: number): { ms: number; rows: number } {
  const db = new Database(file, { readonly: true });
  const byScript = db.prepare(
    `select sv.script_id as key, ${COUNTS} from attempt a join script_version sv on sv.id = a.script_version_id where ${SCOPE} group by sv.script_id`,
  );
  const byRep = db.prepare(`select a.rep_id as key, ${COUNTS} from attempt a where ${SCOPE} group by a.rep_id`);
  const period = resolvePeriod("90d", {}, new Date(), timezone);
  const args = [teamId, period.from!.getTime(), period.to!.getTime()];
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
