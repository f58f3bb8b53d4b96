"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { evenlySpaced, rateAxis } from "@/lib/chart-scale";
import { partialLastWeek, partialWeekNote } from "@/lib/complete-weeks";
import { formatEvidence, type Evidence } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { TwinTable } from "./twin-table";
import { SERIES_COLOURS, SERIES_DASHES } from "./chart-palette";
import { useElementWidth } from "./use-element-width";

export type TrendSeries = { key: string; label: string; points: (Evidence & { week: string })[] };

export const TREND_HEIGHT = 280;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const weekLabel = (week: string) => new Date(`${week}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * Weekly callback rate per series (weeks start on Monday, in the team's zone). Series differ by
 * colour and by dash pattern; a week without voicemails is a gap, not a zero.
 */
export function TrendChart({
  title,
  testId,
  weeks: allWeeks,
  series,
  through,
}: {
  title: string;
  testId: string;
  weeks: string[];
  series: TrendSeries[];
  /** The last local date the data covers (today, or the range's end): a week running past it is left out. */
  through?: string;
}) {
  const partial = partialLastWeek(allWeeks, through);
  const weeks = partial ? allWeeks.slice(0, -1) : allWeeks;
  const rows = weeks.map((week, i) => {
    const row: Record<string, number | string | null> = { week };
    for (const s of series) row[s.key] = s.points[i]?.rate ?? null;
    return row;
  });
  const evidence = new Map(series.map((s) => [s.key, new Map(s.points.map((p) => [p.week, p]))]));
  const active = series.some((s) => s.points.slice(0, weeks.length).some((p) => p.voicemails > 0));
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const axis = rateAxis(Math.max(0, ...series.flatMap((s) => s.points.slice(0, weeks.length).map((p) => p.rate ?? 0))));
  // About one date label per 80 px, at even steps of weeks.
  const ticks = evenlySpaced(weeks, width ? Math.max(3, Math.floor(width / 80)) : 6);
  return (
    <ChartFrame
      drawWhenNear
      title={title}
      testId={testId}
      height={TREND_HEIGHT}
      state={active ? "loaded" : "empty"}
      emptyText="No voicemails in this period."
      twin={
        <TwinTable
          caption={`${title} — table`}
          rows={allWeeks}
          rowKey={(week) => week}
          name={{
            header: "Week of",
            cell: (week) => (
              <span className="whitespace-nowrap">
                {week}
                {week === partial?.week && <span className="text-faint"> (so far; not charted)</span>}
              </span>
            ),
            text: (week) => week,
          }}
          columns={series.map((s) => ({ key: s.key, header: s.label, cell: (week: string) => formatEvidence(evidence.get(s.key)!.get(week)!), nowrap: true, wide: true }))}
        />
      }
      note={partial ? partialWeekNote(partial, "left out") : undefined}
    >
      <div ref={ref} className="h-full w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 0, left: -8 }}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis dataKey="week" ticks={ticks} interval={0} tickFormatter={weekLabel} stroke="var(--faint)" fontSize={11} />
            <YAxis tickFormatter={pct} stroke="var(--faint)" fontSize={11} domain={[0, axis.top]} ticks={axis.ticks} />
            <Tooltip
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
              labelFormatter={(w) => `Week of ${weekLabel(String(w))}`}
              formatter={(_value, _name, item) => {
                const s = series.find((x) => x.key === item.dataKey);
                const point = s && evidence.get(s.key)?.get(String((item.payload as { week: string }).week));
                return [point ? formatEvidence(point) : "—", s?.label ?? ""];
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: "var(--muted)" }}>{value}</span>} />
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]}
                strokeDasharray={SERIES_DASHES[i % SERIES_DASHES.length]}
                strokeWidth={2}
                dot={{ r: 2 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
