import { addDays, DAY_MS } from "./time-buckets";

// Which rollup counters (db/schema.ts, stats_rollup) add up to a range of local dates: whole months
// from month counters, each edge month from its day counters or from its month counter less the
// days outside the range, whichever reads fewer. A "last 90 days" board sums about 5 rows per group
// (it read ~62 with day counters at both edges).

export type Span = { grain: "day" | "month"; from: string; to: string; sign: 1 | -1 };

const monthOf = (date: string) => date.slice(0, 7);
const nextMonth = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};
const monthStart = (month: string) => `${month}-01`;
const monthEnd = (month: string) => addDays(monthStart(nextMonth(month)), -1);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/**
 * Local dates `from`…`to` of one month, the cheaper way: their day counters, or the month's
 * counter less the day counters of the rest of the month. The second reads 1 row per key plus
 * the days left out — for a range ending today, days still to come, which hold no counters yet.
 */
function partOfMonth(from: string, to: string): Span[] {
  const month = monthOf(from);
  const [start, end] = [monthStart(month), monthEnd(month)];
  if (from === start && to === end) return [{ grain: "month", from: month, to: month, sign: 1 }];
  const left = [
    ...(from > start ? [{ grain: "day" as const, from: start, to: addDays(from, -1), sign: -1 as const }] : []),
    ...(to < end ? [{ grain: "day" as const, from: addDays(to, 1), to: end, sign: -1 as const }] : []),
  ];
  const leftDays = left.reduce((n, span) => n + daysBetween(span.from, span.to), 0);
  if (daysBetween(from, to) <= 1 + leftDays) return [{ grain: "day", from, to, sign: 1 }];
  return [{ grain: "month", from: month, to: month, sign: 1 }, ...left];
}

/** The local dates `first`…`last` (both included) as signed sums of month and day counters. */
export function rollupSpans(first?: string, last?: string): Span[] {
  if (!first || !last) return [{ grain: "month", from: "0000-00", to: "9999-99", sign: 1 }];
  const [firstMonth, lastMonth] = [monthOf(first), monthOf(last)];
  if (firstMonth === lastMonth) return partOfMonth(first, last);
  const spans = [...partOfMonth(first, monthEnd(firstMonth))];
  const [wholeFrom, wholeTo] = [nextMonth(firstMonth), monthOf(addDays(monthStart(lastMonth), -1))];
  if (wholeFrom <= wholeTo) spans.push({ grain: "month", from: wholeFrom, to: wholeTo, sign: 1 });
  return [...spans, ...partOfMonth(monthStart(lastMonth), last)];
}
