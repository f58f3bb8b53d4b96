"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatEvidence, type Evidence } from "@/lib/format";
import { ChartFrame } from "./chart-frame";

export type RateBar = Evidence & { label: string };

const pct = (x: number) => `${Math.round(x * 100)}%`;
const ROW_HEIGHT = 34;
/** The height a chart of `rows` entries takes; loading placeholders use the same rule. */
export const rateChartHeight = (rows: number) => Math.max(160, rows * ROW_HEIGHT + 44);
const shortLabel = (label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label);

function intervalShape(colour: string) {
  /** The 95% interval as a band, the observed rate as a bold tick inside it. */
  return function IntervalShape(props: BarShapeProps) {
    const { x = 0, y = 0, width = 0, height = 0 } = props;
    const entry = props.payload as RateBar;
    const span = entry.ciHigh - entry.ciLow;
    const rateX = x + (span > 0 ? (width * ((entry.rate ?? 0) - entry.ciLow)) / span : 0);
    return (
      <g>
        <rect x={x} y={y} width={Math.max(width, 1)} height={height} rx={3} fill={colour} fillOpacity={0.22} stroke={colour} strokeOpacity={0.5} />
        <rect x={rateX - 2} y={y - 3} width={4} height={height + 6} rx={1} fill={colour} />
      </g>
    );
  };
}

const accentShape = intervalShape("var(--chart-1)");
const mutedShape = intervalShape("var(--faint)");

/**
 * Callback rate per entry on a 0–100% axis, in the order given: the 95% interval as a band, the
 * rate as a tick. The figure is named by `title`; its table twin sits beside it in the page.
 */
export function RateChart({
  title,
  data,
  testId,
  tone = "accent",
  emptyText = "No voicemails in this period yet.",
  height,
}: {
  title: string;
  data: RateBar[];
  testId: string;
  tone?: "accent" | "muted";
  emptyText?: string;
  height?: number;
}) {
  const rows = data.filter((d) => d.rate !== null).map((d) => ({ ...d, interval: [d.ciLow, d.ciHigh] as [number, number] }));
  return (
    <ChartFrame title={title} testId={testId} height={height ?? rateChartHeight(rows.length)} state={rows.length ? "loaded" : "empty"} emptyText={emptyText}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={pct} stroke="var(--faint)" fontSize={12} />
          <YAxis type="category" dataKey="label" width={150} stroke="var(--faint)" fontSize={12} tickLine={false} tickFormatter={shortLabel} />
          <Tooltip
            cursor={{ fill: "var(--surface-2)" }}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
            formatter={(_value, _name, item) => [formatEvidence(item.payload as Evidence), "Callback rate (95% interval) · returned/voicemails"]}
          />
          <Bar dataKey="interval" isAnimationActive={false} barSize={14} shape={tone === "accent" ? accentShape : mutedShape} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
