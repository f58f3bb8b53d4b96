"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { countAxis } from "@/lib/chart-scale";
import { partialLastWeek, partialWeekNote } from "@/lib/complete-weeks";
import { SERIES_COLOURS } from "./chart-palette";
import { ChartFrame } from "./chart-frame";
import { TwinTable } from "./twin-table";

export type DayActivity = { date: string; dials: number; voicemails: number; callbacks: number; appointments: number };

export const ACTIVITY_HEIGHT = 280;
const shortDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const tooltipStyle = { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 };
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
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} barGap={1}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="date" tickFormatter={(d: string) => `${shortDate(d)}${d === partial?.week ? "*" : ""}`} stroke="var(--faint)" fontSize={11} minTickGap={24} />
          <YAxis yAxisId="dials" domain={[0, left.top]} ticks={left.ticks} stroke="var(--faint)" fontSize={11} />
          <YAxis yAxisId="callbacks" orientation="right" domain={[0, right.top]} ticks={right.ticks} stroke="var(--faint)" fontSize={11} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(d) => when(String(d))} />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: "var(--muted)" }}>{value}</span>} />
          <Bar yAxisId="dials" dataKey="dials" name={weekly ? "Dials per week" : "Dials"} fill="var(--faint)" fillOpacity={0.35} isAnimationActive={false} />
          <Bar yAxisId="dials" dataKey="voicemails" name={weekly ? "Voicemails per week" : "Voicemails"} fill={SERIES_COLOURS[4]} isAnimationActive={false} />
          <Line yAxisId="callbacks" dataKey="callbacks" name={weekly ? "Callbacks per week (right axis)" : "Callbacks (right axis)"} stroke={SERIES_COLOURS[0]} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line
            yAxisId="callbacks"
            dataKey="appointments"
            name={weekly ? "Appointments per week (right axis)" : "Appointments (right axis)"}
            stroke={SERIES_COLOURS[5]}
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
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
