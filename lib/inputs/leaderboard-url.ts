import type { LeaderboardInput } from "./leaderboard";

// The parts of a stats view that browser code needs, free of zod so the leaderboard pages do not
// ship the schema library: the dimensions, the date ranges and the URL form of a view.

/** The leaderboard CSV's `by` values (DESIGN.md) plus script versions, which only the pages split. */
export const LEADERBOARD_DIMENSIONS = ["script", "rep", "attempt-number", "tag"] as const;
export const BOARD_DIMENSIONS = [...LEADERBOARD_DIMENSIONS, "version"] as const;
export type BoardDimension = (typeof BOARD_DIMENSIONS)[number];

export const DATE_RANGES = ["today", "week", "30d", "90d", "all", "custom"] as const;
export type DateRange = (typeof DATE_RANGES)[number];
export const DATE_RANGE_LABELS: Record<DateRange, string> = {
  today: "Today",
  week: "This week",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  all: "All time",
  custom: "Custom",
};

/** The local dates a stats range may span (stats walk every day of a range). */
export const EARLIEST_LOCAL_DATE = "2000-01-01";
export const LATEST_LOCAL_DATE = "2099-12-31";

/**
 * What is wrong with a custom range's dates, or null: the words the page shows instead of quietly
 * dropping the dates (a link with them would open as "All time"). `localDate` in leaderboard.ts
 * holds procedures to the same bounds.
 */
export function customRangeProblem(from: string | undefined, to: string | undefined): string | null {
  for (const date of [from, to]) {
    if (!date) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return `“${date}” is not a date like 2025-03-31.`;
    if (date < EARLIEST_LOCAL_DATE || date > LATEST_LOCAL_DATE) return `Dates must fall between the years 2000 and 2099 (not ${date}).`;
  }
  if (from && to && from > to) return "The range ends before it starts.";
  return null;
}

// --- The URL form of a view ----------------------------------------------------------------

/** Search-parameter names, short because people paste these links. */
export const VIEW_PARAMS = {
  by: "by",
  range: "range",
  from: "from",
  to: "to",
  repId: "rep",
  scriptId: "script",
  versionId: "version",
  stage: "stage",
  tag: "tag",
  attempt: "attempt",
} as const;

export type ViewParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function readParam(params: ViewParams, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === undefined || first === "" ? undefined : first;
}

/** The search string for a view, defaults left out; `overrides` replace single fields. */
export function leaderboardSearchString(view: Partial<LeaderboardInput>, overrides: Partial<LeaderboardInput> = {}): string {
  const merged = { ...view, ...overrides };
  const search = new URLSearchParams();
  for (const [key, name] of Object.entries(VIEW_PARAMS) as [keyof typeof VIEW_PARAMS, string][]) {
    const value = merged[key];
    if (value === undefined || value === null || value === "") continue;
    if (key === "range" && value === "all") continue;
    if (key === "by" && value === "script") continue;
    if ((key === "from" || key === "to") && merged.range !== "custom") continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
