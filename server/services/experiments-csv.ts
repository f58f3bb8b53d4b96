import type { Db } from "@/db/client";
import { formatCsv } from "@/server/domain/csv";
import type { Actor } from "./actor";
import { experimentCsvRows } from "./experiments";
import { csvFraction } from "./leaderboard-csv";

// `ringback export experiments` (issue 16's contract for tools): one row per arm of every
// experiment, counted by assignment (intention to treat), rates as in the leaderboard CSV.

export const EXPERIMENTS_CSV_COLUMNS = [
  "experiment",
  "status",
  "arm",
  "script",
  "assigned",
  "voicemails",
  "returned",
  "rate",
  "ci_low",
  "ci_high",
  "always_valid_p",
  "verdict",
] as const;

export async function experimentsCsv(db: Db, actor: Actor): Promise<string> {
  const rows = (await experimentCsvRows(db, actor)).map((r) => ({
    experiment: r.experiment,
    status: r.status,
    arm: r.arm,
    script: r.title,
    assigned: r.assigned,
    voicemails: r.voicemails,
    returned: r.returned,
    rate: csvFraction(r.rate),
    ci_low: csvFraction(r.ciLow),
    ci_high: csvFraction(r.ciHigh),
    // A p-value keeps 4 significant digits: at 4 decimals every strong verdict would read 0.0000.
    always_valid_p: Number(r.alwaysValidP.toPrecision(4)),
    verdict: r.verdict,
  }));
  return formatCsv(EXPERIMENTS_CSV_COLUMNS, rows);
}
