import type { Db } from "@/db/client";
import { leaderboardInput, type LeaderboardInput } from "@/lib/inputs/leaderboard";
import { apiLeaderboardQuery } from "@/server/domain/api-bodies";
import { formatCsv } from "@/server/domain/csv";
import type { Actor } from "./actor";
import { leaderboard, type LeaderboardRow } from "./stats";

// The leaderboard CSV (DESIGN.md, "leaderboard" file format), written from the same rows the page
// shows: the download route and `ringback export leaderboard` both call `leaderboardCsv`.

export const LEADERBOARD_CSV_COLUMNS = [
  "by",
  "key",
  "label",
  "voicemails",
  "returned",
  "rate",
  "ci_low",
  "ci_high",
  "appointments",
  "median_minutes_to_callback",
  "ranked",
  "rank",
] as const;

/** Rates and bounds as fractions with 4 decimals; empty when there is none. */
export const csvFraction = (x: number | null) => (x === null ? "" : x.toFixed(4));

export function leaderboardCsvRow(row: LeaderboardRow) {
  return {
    by: row.by,
    key: row.key,
    label: row.label,
    voicemails: row.voicemails,
    returned: row.returned,
    rate: csvFraction(row.rate),
    ci_low: csvFraction(row.ciLow),
    ci_high: csvFraction(row.ciHigh),
    appointments: row.appointments,
    median_minutes_to_callback: row.medianMinutesToCallback === null ? "" : row.medianMinutesToCallback.toFixed(1),
    ranked: row.ranked ? "true" : "false",
    rank: row.rank ?? "",
  };
}

export async function leaderboardCsv(db: Db, actor: Actor, input: LeaderboardInput, now: Date = new Date()): Promise<string> {
  const board = await leaderboard(db, actor, input, now);
  return formatCsv(LEADERBOARD_CSV_COLUMNS, board.rows.map(leaderboardCsvRow));
}

/** A file name that says what the file holds: `ringback-leaderboard-script-2025-03-01-to-2025-03-31.csv`. */
export function leaderboardCsvFileName(input: LeaderboardInput): string {
  const span = input.range === "custom" ? `${input.from ?? "start"}-to-${input.to ?? "now"}` : input.range;
  return `ringback-leaderboard-${input.by}-${span}.csv`;
}

/** A CSV cell back as the JSON value it spells: numbers as numbers, `true`/`false`, empty as null. */
const jsonValue = (column: (typeof LEADERBOARD_CSV_COLUMNS)[number], cell: string | number) => {
  if (cell === "") return null;
  if (column === "ranked") return cell === "true";
  return ["by", "key", "label"].includes(column) ? cell : Number(cell);
};

/** GET /api/v1/leaderboard: the CSV's rows as JSON objects, same column names, same values. */
export async function apiLeaderboard(db: Db, actor: Actor, query: unknown, now: Date = new Date()) {
  const { by, from, to } = apiLeaderboardQuery.parse(query);
  const input = leaderboardInput.parse({ by, range: from !== undefined || to !== undefined ? "custom" : "all", from, to });
  const board = await leaderboard(db, actor, input, now);
  const rows = board.rows.map((row) => {
    const cells = leaderboardCsvRow(row);
    return Object.fromEntries(LEADERBOARD_CSV_COLUMNS.map((c) => [c, jsonValue(c, cells[c])]));
  });
  return { by, from: from ?? null, to: to ?? null, rows };
}
