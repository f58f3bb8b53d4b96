"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatEvidence, type Evidence } from "@/lib/format";

export type RateBar = Evidence & { label: string };

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The 95% interval as a band, the observed rate as a bold tick inside it. */
function IntervalShape(props: BarShapeProps) {
  const { x = 0, y = 0, width = 0, height = 0 } = props;
  const entry = props.payload as RateBar;
  const span = entry.ciHigh - entry.ciLow;
  const rateX = x + (span > 0 ? (width * ((entry.rate ?? 0) - entry.ciLow)) / span : 0);
  return (
    <g>
      <rect x={x} y={y} width={Math.max(width, 1)} height={height} rx={3} fill="var(--chart-1)" fillOpacity={0.25} />
      <rect x={rateX - 2} y={y - 3} width={4} height={height + 6} rx={1} fill="var(--chart-1)" />
    </g>
  );
}

/**
 * Callback rate per entry on a 0–100% axis: the 95% interval as a band, the rate as a tick.
 * The figure is named by `title`; its table twin sits beside it in the page.
 */
export function RateChart({ title, data, testId }: { title: string; data: RateBar[]; testId: string }) {
  const rows = data
    .filter((d) => d.rate !== null)
    .map((d) => ({ ...d, interval: [d.ciLow, d.ciHigh] as [number, number] }));
  return (
    <figure role="figure" aria-label={title} data-testid={testId} data-state="loaded" className="m-0">
      {rows.length === 0 ? (
        <p className="py-10 text-center text-sm text-muted">No voicemails in this period yet.</p>
      ) : (
        <div style={{ height: Math.max(120, rows.length * 36 + 40) }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid horizontal={false} stroke="var(--border)" />
              <XAxis type="number" domain={[0, 1]} tickFormatter={pct} stroke="var(--faint)" fontSize={12} />
              <YAxis type="category" dataKey="label" width={170} stroke="var(--faint)" fontSize={12} tickLine={false} />
              <Tooltip
                cursor={{ fill: "var(--surface-2)" }}
                contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
                formatter={(_value, _name, item) => [formatEvidence(item.payload as Evidence), "Callback rate"]}
              />
              <Bar dataKey="interval" isAnimationActive={false} barSize={16} shape={IntervalShape} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
