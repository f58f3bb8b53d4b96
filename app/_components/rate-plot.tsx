"use client";

import { rateAxis } from "@/lib/chart-scale";
import { formatEvidence, formatPercent } from "@/lib/format";
import type { RateBar } from "./rate-chart";
import { useElementWidth } from "./use-element-width";

// The drawing of `RateChart`: plain SVG. It was a recharts bar chart, and recharts' store,
// selectors and measuring made each of these small charts a 100–200 ms task on this machine after
// hydration — the longest on the leaderboard and, with the activity chart, the team overview
// (issue 12, item 19). Bands on a linear axis need none of that.

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Below this width the entry names get a narrower column, so the bands keep most of a phone screen. */
const NARROW = 480;
const MAX_CHARS = 24;
const shorten = (max: number) => (label: string) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/** Left edge of the names written above the bands on a phone, and of the plot there (room for "0%"). */
const NARROW_LEFT = 4;
const NARROW_PLOT_LEFT = 12;
const MARGIN = { top: 4, right: 36, bottom: 4 };
const X_AXIS_HEIGHT = 30;
const TICK = 6;
const BAR = 14;

/** Entries with a rate, in the order given, in a frame `height` pixels tall. */
export default function RatePlot({ data, tone, height }: { data: RateBar[]; tone: "accent" | "muted"; height: number }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const narrow = width > 0 && width < NARROW;
  const axis = rateAxis(Math.max(0, ...data.map((r) => r.ciHigh)));
  // As wide as the longest name needs (about 7 px a character at 12 px), up to the cap.
  const labelWidth = narrow ? 0 : Math.min(160, 16 + 7 * Math.min(MAX_CHARS, Math.max(4, ...data.map((r) => r.label.length))));
  const left = narrow ? NARROW_PLOT_LEFT : NARROW_LEFT + labelWidth;
  const right = Math.max(left + 1, width - MARGIN.right);
  const bottom = height - MARGIN.bottom - X_AXIS_HEIGHT;
  const band = data.length ? (bottom - MARGIN.top) / data.length : 0;
  const x = (rate: number) => left + ((right - left) * rate) / axis.top;
  const colourOf = (entry: RateBar) => (entry.ranked === false || tone === "muted" ? "var(--faint)" : "var(--chart-1)");
  return (
    <div ref={ref} className="h-full w-full">
      {width > 0 && (
        <svg width={width} height={height} role="presentation" className="overflow-visible">
          {axis.ticks.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={bottom} stroke="var(--border)" strokeDasharray="3 3" />
              <line x1={x(t)} x2={x(t)} y1={bottom} y2={bottom + TICK} stroke="var(--faint)" />
              <text x={x(t)} y={bottom + TICK + 2} dy="0.71em" textAnchor="middle" fontSize={12} fill="var(--faint)">
                {pct(t)}
              </text>
            </g>
          ))}
          <line x1={left} x2={right} y1={bottom} y2={bottom} stroke="var(--faint)" />
          {!narrow && <line x1={left} x2={left} y1={MARGIN.top} y2={bottom} stroke="var(--faint)" />}
          {data.map((entry, i) => {
            const top = MARGIN.top + i * band;
            const y = top + (band - BAR) / 2 + (narrow ? 5 : 0);
            const from = x(entry.ciLow);
            const span = Math.max(1, x(entry.ciHigh) - from);
            const colour = colourOf(entry);
            return (
              <g key={`${entry.label}-${i}`}>
                <title>{`${entry.label}: ${formatEvidence(entry)} (callback rate, 95% interval · returned/voicemails)`}</title>
                <rect x={0} y={top} width={width} height={band} className="fill-transparent hover:fill-(--surface-2)" />
                {narrow ? (
                  <text x={NARROW_LEFT} y={y - 5} fontSize={11} fill="var(--text)">
                    {shorten(44)(entry.label)}
                  </text>
                ) : (
                  <text x={left - TICK - 2} y={top + band / 2} dy="0.355em" textAnchor="end" fontSize={12} fill="var(--faint)">
                    {shorten(MAX_CHARS)(entry.label)}
                  </text>
                )}
                <rect x={from} y={y} width={span} height={BAR} rx={3} fill={colour} fillOpacity={0.22} stroke={colour} strokeOpacity={0.5} />
                <rect x={x(entry.rate ?? 0) - 2} y={y - 3} width={4} height={BAR + 6} rx={1} fill={colour} />
                <text x={from + span + 6} y={y + BAR / 2} dominantBaseline="central" fontSize={11} fill="var(--muted)" className="tabular">
                  {formatPercent(entry.rate, 0)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}
