"use client";

import { countAxis, evenlySpaced, type RateAxis } from "@/lib/chart-scale";
import { partialLastWeek, partialWeekNote } from "@/lib/complete-weeks";
import { SERIES_COLOURS } from "./chart-palette";
import { ChartFrame } from "./chart-frame";
import { TwinTable } from "./twin-table";
import { useElementSize } from "./use-element-width";

export type DayActivity = { date: string; dials: number; voicemails: number; callbacks: number; appointments: number };

export const ACTIVITY_HEIGHT = 280;
const shortDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
/** Beyond about two months, daily bars are a pixel wide and weekends zig-zag the lines: show weeks. */
const MAX_DAILY_BARS = 62;

/** Whether the chart of these days shows weeks, so its title can say "each week". */
export const activityIsWeekly = (days: readonly DayActivity[]) => days.length > MAX_DAILY_BARS;

/** The Monday (ISO weekday 1) of a local date's week, as the team's stats service counts weeks. */
function mondayOf(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function byWeek(days: DayActivity[]): DayActivity[] {
  const weeks = new Map<string, DayActivity>();
  for (const d of days) {
    const week = mondayOf(d.date);
    const sum = weeks.get(week) ?? { date: week, dials: 0, voicemails: 0, callbacks: 0, appointments: 0 };
    weeks.set(week, { date: week, dials: sum.dials + d.dials, voicemails: sum.voicemails + d.voicemails, callbacks: sum.callbacks + d.callbacks, appointments: sum.appointments + d.appointments });
  }
  return [...weeks.values()];
}

/**
 * Dials and voicemails per day as bars (left axis), callbacks and appointments as lines (right
 * axis, as they run an order of magnitude lower). Exact counts in the tooltip and the table twin.
 */
export function ActivityChart({ title, testId, days }: { title: string; testId: string; days: DayActivity[] }) {
  const active = days.some((d) => d.dials || d.callbacks);
  const weekly = activityIsWeekly(days);
  const data = weekly ? byWeek(days) : days;
  // Counts of a week still running are low because it is not over: marked, not left out.
  const partial = weekly ? partialLastWeek(data.map((d) => d.date), days.at(-1)?.date) : null;
  const left = countAxis(Math.max(0, ...data.map((d) => d.dials)));
  const right = countAxis(Math.max(0, ...data.map((d) => d.callbacks)));
  const when = (date: string) => (weekly ? `Week of ${shortDate(date)}${date === partial?.week ? " (so far)" : ""}` : shortDate(date));
  return (
    <ChartFrame
      drawWhenNear
      title={title}
      testId={testId}
      height={ACTIVITY_HEIGHT}
      state={active ? "loaded" : "empty"}
      emptyText="No dials or callbacks in this period."
      twin={<ActivityTable title={title} days={days} />}
      note={partial ? partialWeekNote(partial, "marked “so far”") : undefined}
    >
      <ActivityPlot data={data} weekly={weekly} partialWeek={partial?.week} left={left} right={right} when={when} />
    </ChartFrame>
  );
}

// Drawn as plain SVG: as a recharts ComposedChart this first chart of the team overview was a
// 300 ms main-thread task after hydration (issue 12, item 19), for bars and two lines on a linear scale.
const PLOT = { top: 8, left: 44, right: 40, xAxis: 22 };
const DIALS = "var(--faint)";
const LINES = [
  { key: "callbacks", colour: SERIES_COLOURS[0], dash: undefined },
  { key: "appointments", colour: SERIES_COLOURS[5], dash: "5 3" },
] as const;

type PlotProps = { data: DayActivity[]; weekly: boolean; partialWeek?: string; left: RateAxis; right: RateAxis; when: (date: string) => string };

function ActivityPlot({ data, weekly, partialWeek, left, right, when }: PlotProps) {
  const [ref, { width, height }] = useElementSize<HTMLDivElement>();
  const per = weekly ? " per week" : "";
  const x0 = PLOT.left;
  const x1 = Math.max(x0 + 1, width - PLOT.right);
  const y0 = PLOT.top;
  const y1 = Math.max(y0 + 1, height - PLOT.xAxis);
  const band = (x1 - x0) / Math.max(1, data.length);
  const bar = Math.max(1, (band * 0.8 - 1) / 2);
  const yLeft = (v: number) => y1 - ((y1 - y0) * v) / left.top;
  const yRight = (v: number) => y1 - ((y1 - y0) * v) / right.top;
  const centre = (i: number) => x0 + (i + 0.5) * band;
  const labelled = new Set(evenlySpaced(data.map((d) => d.date), Math.max(2, Math.floor((x1 - x0) / 64))));
  const legend = [
    { label: `Dials${per}`, colour: DIALS, line: false },
    { label: `Voicemails${per}`, colour: SERIES_COLOURS[4], line: false },
    { label: `Callbacks${per} (right axis)`, colour: LINES[0].colour, line: true },
    { label: `Appointments${per} (right axis)`, colour: LINES[1].colour, line: true, dash: LINES[1].dash },
  ];
  return (
    <div className="flex h-full flex-col">
      <div ref={ref} className="min-h-0 flex-1">
        {width > 0 && height > 0 && (
          <svg width={width} height={height} role="presentation" fontSize={11}>
            {left.ticks.map((t) => (
              <g key={t}>
                <line x1={x0} x2={x1} y1={yLeft(t)} y2={yLeft(t)} stroke="var(--border)" strokeDasharray="3 3" />
                <text x={x0 - 6} y={yLeft(t)} dy="0.355em" textAnchor="end" fill="var(--faint)">
                  {t.toLocaleString("en-US")}
                </text>
              </g>
            ))}
            {right.ticks.map((t) => (
              <text key={t} x={x1 + 6} y={yRight(t)} dy="0.355em" fill="var(--faint)">
                {t.toLocaleString("en-US")}
              </text>
            ))}
            <path d={`M${x0},${y0}V${y1}H${x1}V${y0}`} fill="none" stroke="var(--faint)" />
            {data.map((d, i) => (
              <g key={d.date}>
                <title>{`${when(d.date)}: ${d.dials} dials, ${d.voicemails} voicemails, ${d.callbacks} callbacks, ${d.appointments} appointments`}</title>
                <rect x={x0 + i * band} y={y0} width={band} height={y1 - y0} className="fill-transparent hover:fill-(--surface-2)" />
                <rect x={x0 + i * band + band * 0.1} y={yLeft(d.dials)} width={bar} height={y1 - yLeft(d.dials)} fill={DIALS} fillOpacity={0.35} />
                <rect x={x0 + i * band + band * 0.1 + bar + 1} y={yLeft(d.voicemails)} width={bar} height={y1 - yLeft(d.voicemails)} fill={SERIES_COLOURS[4]} />
                {labelled.has(d.date) && (
                  <text x={centre(i)} y={y1 + 6} dy="0.71em" textAnchor="middle" fill="var(--faint)">
                    {`${shortDate(d.date)}${d.date === partialWeek ? "*" : ""}`}
                  </text>
                )}
              </g>
            ))}
            {LINES.map((line) => (
              <polyline
                key={line.key}
                points={data.map((d, i) => `${centre(i)},${yRight(d[line.key])}`).join(" ")}
                fill="none"
                stroke={line.colour}
                strokeWidth={2}
                strokeDasharray={line.dash}
                pointerEvents="none"
              />
            ))}
          </svg>
        )}
      </div>
      <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 pt-1 text-xs text-muted">
        {legend.map((item) => (
          <li key={item.label} className="flex items-center gap-1.5">
            <svg width="14" height="10" aria-hidden>
              {item.line ? (
                <line x1="0" x2="14" y1="5" y2="5" stroke={item.colour} strokeWidth={2} strokeDasharray={item.dash} />
              ) : (
                <rect width="14" height="10" fill={item.colour} fillOpacity={item.colour === DIALS ? 0.35 : 1} />
              )}
            </svg>
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ActivityTable({ title, days }: { title: string; days: DayActivity[] }) {
  return (
    <TwinTable
      caption={`${title} — table`}
      rows={days.filter((d) => d.dials || d.callbacks)}
      rowKey={(d) => d.date}
      name={{ header: "Day", cell: (d) => d.date, text: (d) => d.date }}
      columns={[
        { header: "Dials", cell: (d) => d.dials, align: "right" },
        { header: "Voicemails", cell: (d) => d.voicemails, align: "right" },
        { header: "Callbacks", cell: (d) => d.callbacks, align: "right" },
        { header: "Appointments", cell: (d) => d.appointments, align: "right" },
      ]}
    />
  );
}
