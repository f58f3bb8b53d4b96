"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { rateAxis } from "@/lib/chart-scale";
import { formatEvidence, formatPercent, type Evidence } from "@/lib/format";
import type { RateBar } from "./rate-chart";
import { useElementWidth } from "./use-element-width";

// The drawing of `RateChart`, in its own module so recharts loads after the page's first paint.

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Below this width the entry names get a narrower column, so the bands keep most of a phone screen. */
const NARROW = 480;
const MAX_CHARS = 24;
const shorten = (max: number) => (label: string) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/** Left edge of the plot when the name column is hidden: the chart's left margin. */
const NARROW_LEFT = 4;

type TickProps = { x?: number | string; y?: number | string; payload?: { value: string | number } };

/**
 * Axis labels as plain SVG text. Recharts' own tick text measures every word in the DOM (and, to
 * thin out crowded ticks, every label): with a hundred entries that forced layout over and over
 * and blocked the page for hundreds of milliseconds. Every name is shown (`interval={0}`) anyway;
 * the few rate ticks are still thinned to fit, which measures only them.
 */
function axisTick(format: (value: string | number) => string, anchor: "end" | "middle", dy: string) {
  return function AxisTick({ x, y, payload }: TickProps) {
    return (
      <text x={x} y={y} dy={dy} textAnchor={anchor} fontSize={12} fill="var(--faint)">
        {format(payload?.value ?? "")}
      </text>
    );
  };
}
const RATE_TICK = axisTick((v) => pct(Number(v)), "middle", "0.71em");
const NAME_TICK = axisTick((v) => shorten(MAX_CHARS)(String(v)), "end", "0.355em");

function intervalShape(tone: string, narrow: boolean) {
  /**
   * The 95% interval as a band, the observed rate as a bold tick inside it, the rate written after
   * it. On a phone the entry's name is written above its band instead of in a column beside it.
   */
  return function IntervalShape(props: BarShapeProps) {
    const { x = 0, width = 0, height = 0 } = props;
    const y = (props.y ?? 0) + (narrow ? 5 : 0);
    const entry = props.payload as RateBar;
    const colour = entry.ranked === false ? "var(--faint)" : tone;
    const span = entry.ciHigh - entry.ciLow;
    const rateX = x + (span > 0 ? (width * ((entry.rate ?? 0) - entry.ciLow)) / span : 0);
    return (
      <g>
        {narrow && (
          <text x={NARROW_LEFT} y={y - 5} fontSize={11} fill="var(--text)">
            {shorten(44)(entry.label)}
          </text>
        )}
        <rect x={x} y={y} width={Math.max(width, 1)} height={height} rx={3} fill={colour} fillOpacity={0.22} stroke={colour} strokeOpacity={0.5} />
        <rect x={rateX - 2} y={y - 3} width={4} height={height + 6} rx={1} fill={colour} />
        <text x={x + Math.max(width, 1) + 6} y={y + height / 2} dominantBaseline="central" fontSize={11} fill="var(--muted)" className="tabular">
          {formatPercent(entry.rate, 0)}
        </text>
      </g>
    );
  };
}

const SHAPES = {
  accent: { wide: intervalShape("var(--chart-1)", false), narrow: intervalShape("var(--chart-1)", true) },
  muted: { wide: intervalShape("var(--faint)", false), narrow: intervalShape("var(--faint)", true) },
};

/** Entries with a rate, in the order given. */
export default function RatePlot({ data, tone }: { data: RateBar[]; tone: "accent" | "muted" }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const narrow = width > 0 && width < NARROW;
  const rows = data.map((d) => ({ ...d, interval: [d.ciLow, d.ciHigh] as [number, number] }));
  const axis = rateAxis(Math.max(0, ...rows.map((r) => r.ciHigh)));
  // As wide as the longest name needs (about 7 px a character at 12 px), up to the cap.
  const labelWidth = Math.min(160, 16 + 7 * Math.min(MAX_CHARS, Math.max(4, ...rows.map((r) => r.label.length))));
  return (
    <div ref={ref} className="h-full w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: narrow ? NARROW_LEFT : 4 }}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis type="number" domain={[0, axis.top]} ticks={axis.ticks} tick={RATE_TICK} stroke="var(--faint)" />
          <YAxis
            type="category"
            dataKey="label"
            hide={narrow}
            width={labelWidth}
            stroke="var(--faint)"
            tickLine={false}
            interval={0}
            tick={NAME_TICK}
          />
          <Tooltip
            cursor={{ fill: "var(--surface-2)" }}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
            formatter={(_value, _name, item) => [formatEvidence(item.payload as Evidence), "Callback rate (95% interval) · returned/voicemails"]}
          />
          <Bar dataKey="interval" isAnimationActive={false} barSize={14} shape={SHAPES[tone][narrow ? "narrow" : "wide"]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
