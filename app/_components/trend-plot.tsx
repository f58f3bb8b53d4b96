"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { evenlySpaced, rateAxis } from "@/lib/chart-scale";
import { formatEvidence, type Evidence } from "@/lib/format";
import { SERIES_COLOURS, SERIES_DASHES } from "./chart-palette";
import type { TrendSeries } from "./trend-chart";
import { useElementWidth } from "./use-element-width";

// The drawing of `TrendChart`, in its own module: recharts is fetched and evaluated only when the
// chart comes near the screen, not with the first screen of the page (issue 12, item 19).

const pct = (x: number) => `${Math.round(x * 100)}%`;
const weekLabel = (week: string) => new Date(`${week}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** The charted `weeks` (the running week already left out) of each series; `evidence` by series key and week. */
export default function TrendPlot({ weeks, series, evidence }: { weeks: string[]; series: TrendSeries[]; evidence: Map<string, Map<string, Evidence>> }) {
  const rows = weeks.map((week, i) => {
    const row: Record<string, number | string | null> = { week };
    for (const s of series) row[s.key] = s.points[i]?.rate ?? null;
    return row;
  });
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const axis = rateAxis(Math.max(0, ...series.flatMap((s) => s.points.slice(0, weeks.length).map((p) => p.rate ?? 0))));
  // About one date label per 80 px, at even steps of weeks.
  const ticks = evenlySpaced(weeks, width ? Math.max(3, Math.floor(width / 80)) : 6);
  return (
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
  );
}
