"use client";

import { lazy, Suspense } from "react";
import { partialLastWeek, partialWeekNote } from "@/lib/complete-weeks";
import { formatEvidence, type Evidence } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { TwinTable } from "./twin-table";

export type TrendSeries = { key: string; label: string; points: (Evidence & { week: string })[] };

export const TREND_HEIGHT = 280;

const TrendPlot = lazy(() => import("./trend-plot"));

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
  const evidence = new Map(series.map((s) => [s.key, new Map(s.points.map((p) => [p.week, p]))]));
  const active = series.some((s) => s.points.slice(0, weeks.length).some((p) => p.voicemails > 0));
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
      <Suspense fallback={null}>
        <TrendPlot weeks={weeks} series={series} evidence={evidence} />
      </Suspense>
    </ChartFrame>
  );
}
