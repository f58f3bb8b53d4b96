import { DATE_RANGE_LABELS, type DateRange } from "@/lib/inputs/leaderboard-url";

type Period = { range: DateRange; firstDate: string | null; lastDate: string | null; timezone: string };

const day = (date: string, withYear: boolean) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: withYear ? "numeric" : undefined, timeZone: "UTC" });

/** "Last 30 days · Oct 29 – Nov 27, 2026 (America/New_York)": what a chart's numbers cover. */
export function describePeriod(p: Period): string {
  const zone = ` (${p.timezone})`;
  if (!p.firstDate && !p.lastDate) return `${DATE_RANGE_LABELS[p.range]}${zone}`;
  const span =
    p.firstDate && p.lastDate
      ? p.firstDate === p.lastDate
        ? day(p.firstDate, true)
        : `${day(p.firstDate, p.firstDate.slice(0, 4) !== p.lastDate.slice(0, 4))} – ${day(p.lastDate, true)}`
      : p.firstDate
        ? `from ${day(p.firstDate, true)}`
        : `until ${day(p.lastDate!, true)}`;
  return `${p.range === "custom" ? "" : `${DATE_RANGE_LABELS[p.range]} · `}${span}${zone}`;
}
