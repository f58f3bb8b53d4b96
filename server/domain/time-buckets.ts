import type { DateRange } from "@/lib/inputs/leaderboard";

// Days, weeks and hours in the team's time zone (DESIGN.md: "bucketing into days and hours uses
// the team's timezone"). Pure: instants in, local calendar facts out. Offsets come from
// Intl.DateTimeFormat with `timeZone`, so daylight-saving changes are the IANA database's, not
// a fixed offset's. Local dates are "YYYY-MM-DD" strings; weeks start on Monday (ISO 8601).

export type LocalTime = {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  /** 0–23 on the zone's wall clock. */
  hour: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
};

export const WEEKDAY_LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const isoDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The wall-clock reading of an instant in a zone, as if that reading were UTC (whole seconds). */
export function wallClockAsUtc(ms: number, timeZone: string): number {
  const p = wallClock(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** Local time − UTC in milliseconds at an instant. */
export function zoneOffset(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return wallClockAsUtc(ms, timeZone) - Math.floor(ms / 1000) * 1000;
}

/** Weekday of a calendar date, 0 = Monday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function localTime(instant: Date | number, timeZone: string): LocalTime {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const p = wallClock(ms, timeZone);
  const date = isoDate(p.year, p.month, p.day);
  return { date, hour: p.hour, weekday: weekdayOf(date) };
}

export const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The Monday that starts the week holding `date`. */
export const weekStart = (date: string) => addDays(date, -weekdayOf(date));

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/**
 * The instant the zone's wall clock shows `date` at midnight. Two passes, because the offset at
 * the first guess can differ from the offset at the answer when a clock change lies between.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d);
  const first = wall - zoneOffset(wall, timeZone);
  const second = wall - zoneOffset(first, timeZone);
  return new Date(second);
}

/**
 * Stats queries group rows by quarter-hour of UTC time in SQL; every zone offset in use is a
 * multiple of 15 minutes, so all rows of one quarter-hour share one local hour and day. This
 * maps a quarter-hour number to its local time, remembering each answer (one Intl call per slot).
 */
export const SLOT_MS = 15 * 60_000;

export function slotClock(timeZone: string): (slot: number) => LocalTime {
  const seen = new Map<number, LocalTime>();
  return (slot) => {
    let local = seen.get(slot);
    if (!local) {
      local = localTime(slot * SLOT_MS, timeZone);
      seen.set(slot, local);
    }
    return local;
  };
}

// --- Date ranges -----------------------------------------------------------------------


export type Period = {
  /** Inclusive start instant; absent for "from the beginning". */
  from?: Date;
  /** Exclusive end instant; absent for "until now and beyond". */
  to?: Date;
  /** First and last local dates covered, when bounded. */
  firstDate?: string;
  lastDate?: string;
};

/**
 * A preset or custom range as instants, in the team's zone: "today" is the local calendar day,
 * "week" the local Monday-to-Sunday week, "30d"/"90d" the last 30/90 local days including today,
 * custom `from`/`to` local dates with both days included.
 */
export function resolvePeriod(range: DateRange, bounds: { from?: string; to?: string }, now: Date, timeZone: string): Period {
  const today = localTime(now, timeZone).date;
  const span = (first?: string, last?: string): Period => ({
    from: first ? startOfLocalDay(first, timeZone) : undefined,
    to: last ? startOfLocalDay(addDays(last, 1), timeZone) : undefined,
    firstDate: first,
    lastDate: last,
  });
  switch (range) {
    case "today":
      return span(today, today);
    case "week":
      return span(weekStart(today), addDays(weekStart(today), 6));
    case "30d":
      return span(addDays(today, -29), today);
    case "90d":
      return span(addDays(today, -89), today);
    case "custom":
      return span(bounds.from, bounds.to);
    case "all":
      return {};
  }
}

/**
 * The local dates a per-day chart spans (issue 11: a custom range of a century gave every chart
 * 36,524 entries): the period's dates, or from the first date with data when unbounded, clamped
 * to the team's activity — its first dial or callback up to today (or its last dated row, when
 * an import brought rows dated ahead). Empty when the team has no activity in the period.
 */
export function chartSpan(period: Pick<Period, "firstDate" | "lastDate">, firstSeen: string | undefined, activity: { first: string; last: string } | null, today: string): string[] {
  const start = period.firstDate ?? firstSeen;
  if (!start || !activity) return [];
  const end = period.lastDate ?? today;
  const first = start > activity.first ? start : activity.first;
  const latest = activity.last > today ? activity.last : today;
  const last = end < latest ? end : latest;
  if (last < first) return period.firstDate ? [] : [first];
  return datesBetween(first, last);
}
