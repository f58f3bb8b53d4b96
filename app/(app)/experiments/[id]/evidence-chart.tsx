"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/app/_components/chart-frame";
import { SERIES_COLOURS } from "@/app/_components/chart-palette";
import { formatPValue } from "@/lib/format";

const TITLE = "Always-valid p-value after each stretch of voicemails";
const WINNER_LINE = 0.05;
// A log scale cannot show 0; a p below this is drawn at it (the table twin has the exact value).
const FLOOR = 1e-6;

/** The verdict's evidence over time: the p-value only ever falls, and a winner is called below 0.05. */
export function EvidenceChart({ points }: { points: { voicemails: number; p: number }[] }) {
  const rows = points.map((p) => ({ voicemails: p.voicemails, p: Math.max(FLOOR, p.p) }));
  const lowest = Math.min(WINNER_LINE / 10, ...rows.map((r) => r.p));
  const ticks = [1, 0.1, 0.01, 0.001, 1e-4, 1e-5, 1e-6].filter((t) => t >= lowest / 10);
  return (
    <ChartFrame
      drawWhenNear
      title={TITLE}
      testId="evidence-chart"
      height={260}
      state={rows.length ? "loaded" : "empty"}
      emptyText="No voicemails in this experiment yet."
      twin={
        <table className="w-full min-w-[280px] text-sm">
          <caption className="sr-only">{TITLE} — table</caption>
          <thead className="text-left text-xs text-faint">
            <tr>
              <th className="pb-1 font-medium">Voicemails so far</th>
              <th className="pb-1 font-medium">Always-valid p</th>
            </tr>
          </thead>
          <tbody className="tabular divide-y divide-border">
            {points.map((p) => (
              <tr key={p.voicemails}>
                <td className="py-1">{p.voicemails.toLocaleString("en-US")}</td>
                <td className="py-1">{formatPValue(p.p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="voicemails" type="number" domain={[0, "dataMax"]} stroke="var(--faint)" fontSize={11} />
          <YAxis dataKey="p" scale="log" domain={[ticks.at(-1)!, 1]} ticks={ticks} tickFormatter={formatPValue} stroke="var(--faint)" fontSize={11} width={48} allowDataOverflow />
          <ReferenceLine y={WINNER_LINE} stroke="var(--muted)" strokeDasharray="4 4" label={{ value: "winner below 0.05", position: "insideTopRight", fontSize: 11, fill: "var(--muted)" }} />
          <Tooltip
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
            labelFormatter={(v) => `${Number(v).toLocaleString("en-US")} voicemails`}
            formatter={(value) => [formatPValue(Number(value)), "Always-valid p"]}
          />
          <Line dataKey="p" stroke={SERIES_COLOURS[0]} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
