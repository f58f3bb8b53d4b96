"use client";

import { CartesianGrid, ErrorBar, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type ScatterShapeProps } from "recharts";
import { countAxis, labelsThatFit, rateAxis } from "@/lib/chart-scale";
import { formatEvidence } from "@/lib/format";
import { SERIES_COLOURS } from "./chart-palette";
import { SCATTER_HEIGHT, type ReadTimePoint } from "./read-time-scatter";
import { useElementWidth } from "./use-element-width";

// The drawing of `ReadTimeScatter`, in its own module: recharts is fetched and evaluated only when
// the chart comes near the screen, not with the team overview's first screen (issue 12, item 19).

/** A measured point sits at the takes' length instead of the estimate, on the same rate. */
type MeasuredPoint = ReadTimePoint & { measured: true };

const pct = (x: number) => `${Math.round(x * 100)}%`;
const MARGIN = { top: 16, right: 24, bottom: 16, left: -4 };
// Axis sizes set on the axes below, which the label layout has to agree with.
const Y_AXIS_WIDTH = 60;
const X_AXIS_HEIGHT = 30;
const LABEL_FONT = 11;
/** A generous average glyph width of the system font at 11 px, so estimated boxes never undershoot. */
const CHAR_WIDTH = 6.4;
const labelWidth = (label: string) => label.length * CHAR_WIDTH + 4;
const [R_MIN, R_MAX] = [4, 13];

type Placed = ReadTimePoint & { r: number; labelSide: "left" | "right" | null };

/**
 * Each point's radius (area in proportion to voicemails) and which script names fit beside
 * their points without covering another name or point, biggest scripts first; a name goes to the
 * left of its point when the right would run off the chart. Positions are worked out from the
 * axes' domains and the measured width, the way Recharts draws them.
 */
function layout(data: ReadTimePoint[], measured: ReadTimePoint[], width: number, xTop: number, yTop: number): Map<string, Placed> {
  const most = Math.max(1, ...data.map((p) => p.voicemails));
  const plotLeft = MARGIN.left + Y_AXIS_WIDTH;
  const plotWidth = width - plotLeft - MARGIN.right;
  const plotHeight = SCATTER_HEIGHT - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT;
  const placed = data.map((p) => {
    const r = R_MIN + (R_MAX - R_MIN) * Math.sqrt(p.voicemails / most);
    const cx = plotLeft + (p.readSeconds / xTop) * plotWidth;
    const cy = MARGIN.top + (1 - Math.min(p.rate ?? 0, yTop) / yTop) * plotHeight;
    const w = labelWidth(p.label);
    const side = cx + r + 4 + w > width ? ("left" as const) : ("right" as const);
    const label = { key: p.key, x: side === "left" ? cx - r - 4 - w : cx + r + 4, y: cy, width: w, height: LABEL_FONT + 4, priority: p.voicemails };
    return { point: { ...p, r, labelSide: side }, label, circle: { key: p.key, x: cx - r, y: cy, width: 2 * r, height: 2 * r } };
  });
  // The measured diamonds are obstacles too: a name written over one would hide it.
  const diamonds = measured.map((p) => ({
    key: `measured-${p.key}`,
    x: plotLeft + (p.readSeconds / xTop) * plotWidth - 6,
    y: MARGIN.top + (1 - Math.min(p.rate ?? 0, yTop) / yTop) * plotHeight,
    width: 12,
    height: 12,
  }));
  const shown = width ? labelsThatFit(placed.map((x) => x.label), { width }, [...placed.map((x) => x.circle), ...diamonds]) : new Set<string>();
  return new Map(placed.map(({ point }) => [point.key, { ...point, labelSide: shown.has(point.key) ? point.labelSide : null }]));
}

/** A measured point: a hollow diamond, so it reads as a second kind of point, not another script. */
function MeasuredMark(props: ScatterShapeProps) {
  const cx = props.cx ?? 0;
  const cy = props.cy ?? 0;
  return <path d={`M${cx} ${cy - 6}L${cx + 6} ${cy}L${cx} ${cy + 6}L${cx - 6} ${cy}Z`} fill="var(--surface)" stroke={SERIES_COLOURS[1]} strokeWidth={2} />;
}

export default function ReadTimePlot({ points, wordsPerMinute }: { points: ReadTimePoint[]; wordsPerMinute: number }) {
  const data = points
    .filter((p) => p.rate !== null)
    .map((p) => ({ ...p, error: [p.rate! - p.ciLow, p.ciHigh - p.rate!] as [number, number] }));
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const measured: MeasuredPoint[] = data.filter((p) => p.measuredSeconds != null).map((p) => ({ ...p, readSeconds: p.measuredSeconds!, measured: true }));
  const x = countAxis(Math.max(0, ...data.map((p) => p.readSeconds), ...measured.map((p) => p.readSeconds)));
  // Every point's whisker fits: topping the axis at ranked points only clipped the wide intervals of small samples.
  const y = rateAxis(Math.max(0, ...data.map((p) => p.ciHigh)));
  const placed = layout(data, measured, width, x.top, y.top);
  const Point = (props: ScatterShapeProps) => {
    const p = placed.get((props.payload as ReadTimePoint).key);
    if (!p) return <g />;
    const cx = props.cx ?? 0;
    const cy = props.cy ?? 0;
    return (
      <g>
        <circle
          cx={cx}
          cy={cy}
          r={p.r}
          fill={p.ranked ? SERIES_COLOURS[0] : "var(--surface)"}
          fillOpacity={p.ranked ? 0.75 : 1}
          stroke={p.ranked ? "var(--surface)" : SERIES_COLOURS[0]}
          strokeWidth={p.ranked ? 1 : 2}
        />
        {p.labelSide && (
          <text
            x={p.labelSide === "left" ? cx - p.r - 4 : cx + p.r + 4}
            y={cy}
            textAnchor={p.labelSide === "left" ? "end" : "start"}
            dominantBaseline="central"
            fontSize={LABEL_FONT}
            fill="var(--muted)"
          >
            {p.label}
          </text>
        )}
      </g>
    );
  };
  return (
    <div ref={ref} className="h-full w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={MARGIN}>
          <CartesianGrid stroke="var(--border)" />
          <XAxis
            type="number"
            dataKey="readSeconds"
            name="Read time"
            unit=" s"
            stroke="var(--faint)"
            fontSize={11}
            domain={[0, x.top]}
            ticks={x.ticks}
            height={X_AXIS_HEIGHT}
            label={{
              value: measured.length ? `Read time: ● at ${wordsPerMinute} words/min, ◇ measured in shared takes` : `Read time at ${wordsPerMinute} words/min`,
              position: "insideBottom",
              offset: -10,
              fontSize: 11,
              fill: "var(--faint)",
            }}
          />
          <YAxis
            type="number"
            dataKey="rate"
            name="Callback rate"
            tickFormatter={pct}
            stroke="var(--faint)"
            fontSize={11}
            width={Y_AXIS_WIDTH}
            domain={[0, y.top]}
            ticks={y.ticks}
            allowDataOverflow
          />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as (ReadTimePoint & { measured?: true }) | undefined;
              if (!p) return null;
              return (
                <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-sm">
                  <p className="font-medium">{p.label}</p>
                  <p className="tabular text-muted">
                    {p.words} words · {p.readSeconds} s {p.measured ? "measured (median of shared takes)" : "read time"}
                  </p>
                  <p className="tabular">{formatEvidence(p)}</p>
                  {!p.ranked && <p className="text-faint">Needs more data to be ranked</p>}
                </div>
              );
            }}
          />
          <Scatter data={data} fill={SERIES_COLOURS[0]} shape={Point} isAnimationActive={false}>
            <ErrorBar dataKey="error" direction="y" width={0} stroke={SERIES_COLOURS[0]} strokeOpacity={0.5} />
          </Scatter>
          {measured.length > 0 && <Scatter data={measured} shape={MeasuredMark} isAnimationActive={false} />}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
