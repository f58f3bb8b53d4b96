"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { ChartSkeleton } from "@/app/_components/chart-frame";
import { RateChart, rateChartHeight } from "@/app/_components/rate-chart";
import { RankCell } from "@/app/_components/rank-cell";
import { Card } from "@/app/_components/ui";
import type { BoardDimension, LeaderboardInput } from "@/lib/inputs/leaderboard";
import { formatEvidence, formatMinutes, formatPercent } from "@/lib/format";
import { PRIVATE_DRAFTS } from "@/lib/vocabulary";
import { describePeriod } from "./period-label";
import { EntryName, RankingList } from "./ranking-list";
import { mixesStages, ranksTagsByStage, StageRankings } from "./stage-rankings";
import { BOARD_TABS } from "./view-controls";

const COLUMN_TITLES: Record<BoardDimension, string> = {
  script: "Script",
  version: "Script version",
  rep: "Rep",
  "attempt-number": "Voicemail #",
  tag: "Tag",
};

const questionFor = (by: BoardDimension) =>
  by === "version" ? "Which script versions get called back?" : BOARD_TABS.find((t) => t.by === by)!.question;

/**
 * The chart draws the top of the ranking; the table below always holds every entry. Two hundred
 * bands are unreadable and took most of the page's main-thread time to draw (bench/README.md).
 */
const CHART_TOP = 20;

const interval = (low: number, high: number) => `${(low * 100).toFixed(1)}–${formatPercent(high)}`;

export function BoardSkeleton({ by }: { by: BoardDimension }) {
  return (
    <Card title={questionFor(by)} description="Loading…">
      <ChartSkeleton title={questionFor(by)} testId={`leaderboard-chart-${by}`} height={rateChartHeight(5)} />
    </Card>
  );
}

export function LeaderboardView({ view, me, canDrill }: { view: LeaderboardInput; me: string; canDrill: boolean }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.leaderboard.get.queryOptions(view));
  const { data: options } = useSuspenseQuery(trpc.leaderboard.filters.queryOptions());
  // Rep rows are keyed by email (as in the CSV); the drill-down is addressed by user id.
  const repIds = new Map(options.reps.map((r) => [r.email, r.id]));
  const question = questionFor(data.by);
  const ranked = data.rows.filter((r) => r.ranked);
  // Teammates' drafts are several scripts in one row: no sample size would ever rank it.
  const unranked = data.rows.filter((r) => !r.ranked && r.key !== PRIVATE_DRAFTS.key);
  const period = describePeriod(data.period);
  const drillable = (key: string) => data.by === "rep" && repIds.has(key) && (canDrill || repIds.get(key) === me);
  const [wholeRanking, setWholeRanking] = useState(false);
  const charted = wholeRanking ? ranked : ranked.slice(0, CHART_TOP);
  const byStage = ranksTagsByStage(view);
  const crossStage = byStage || mixesStages(view);
  const credited = data.rows.some((r) => r.returned > 0);

  return (
    <div className="flex flex-col gap-6">
      {byStage && <StageRankings view={view} question={question} />}
      {!byStage && (
      <Card
        title={question}
        description={`${period} · callback rate with its 95% interval, ranked by the interval's lower end · ${data.minSample} voicemails to be ranked${
          crossStage ? " · all stages in one ranking: pick a stage to compare like with like" : ""
        }`}
      >
        <RateChart
          title={charted.length < ranked.length ? `${question} (top ${charted.length} of ${ranked.length})` : question}
          testId={`leaderboard-chart-${data.by}`}
          data={charted}
          height={rateChartHeight(Math.max(charted.length, 5))}
          emptyText={data.rows.length ? `Nothing has ${data.minSample} voicemails yet — see “Needs more data” below.` : "No voicemails in this period yet."}
        />
        <div className="mt-3 flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-xs text-faint">Band: the 95% interval of the true callback rate. Tick: the observed rate. Hover a row for exact counts.</p>
          {ranked.length > CHART_TOP && (
            <button type="button" onClick={() => setWholeRanking(!wholeRanking)} className="text-sm font-medium text-accent hover:underline" aria-expanded={wholeRanking}>
              {wholeRanking ? `Chart the top ${CHART_TOP}` : `Chart all ${ranked.length} ranked`}
            </button>
          )}
        </div>
      </Card>
      )}

      <Card
        title={crossStage ? "Every entry across all stages, as in the CSV" : "Every entry, as in the CSV"}
        description={[
          crossStage ? "Cross-stage: these ranks compare first touches, follow-ups and last tries together; pick a stage to rank within it." : null,
          data.unattributedCallbacks
            ? `${data.unattributedCallbacks} unattributed callback${data.unattributedCallbacks === 1 ? "" : "s"} in this period (counted in totals, in no rate).`
            : credited
              ? "Every callback in this period is credited to a voicemail."
              : "No callbacks in this period yet.",
        ]
          .filter(Boolean)
          .join(" ")}
      >
        <RankingList
          label={`${question} — ranking`}
          rows={data.rows}
          href={(key) => (drillable(key) ? `/leaderboard/reps/${repIds.get(key)}` : null)}
        />
        <div className="hidden overflow-x-auto sm:block">
          <table className="w-full min-w-[880px] text-sm [&_td:not(:last-child)]:pr-3 [&_th:not(:last-child)]:pr-3">
            <caption className="sr-only">{question} — leaderboard table</caption>
            <thead className="text-left text-xs text-faint">
              <tr>
                <th className="pb-2 font-medium">Rank</th>
                <th className="pb-2 font-medium">{COLUMN_TITLES[data.by]}</th>
                <th className="pb-2 font-medium">Callback rate</th>
                <th className="pb-2 font-medium">95% interval</th>
                <th className="pb-2 text-right font-medium">Voicemails</th>
                <th className="pb-2 text-right font-medium">Returned</th>
                <th className="pb-2 text-right font-medium">Appointments</th>
                <th className="pb-2 text-right font-medium">Median to callback</th>
                <th className="pb-2 text-right font-medium">80th pct</th>
                <th className="pb-2 text-right font-medium">Ranked</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {data.rows.map((r) => (
                <tr key={r.key}>
                  <RankCell row={r} />
                  <td className="py-2">
                    <EntryName row={r} href={drillable(r.key) ? `/leaderboard/reps/${repIds.get(r.key)}` : null} />
                  </td>
                  <td className="tabular py-2 whitespace-nowrap">{formatEvidence(r)}</td>
                  <td className="tabular py-2 whitespace-nowrap text-muted">{interval(r.ciLow, r.ciHigh)}</td>
                  <td className="tabular py-2 text-right">{r.voicemails}</td>
                  <td className="tabular py-2 text-right">{r.returned}</td>
                  <td className="tabular py-2 text-right whitespace-nowrap">
                    {r.appointments} <span className="text-faint">({formatPercent(r.appointmentRate, 0)})</span>
                  </td>
                  <td className="tabular py-2 text-right whitespace-nowrap">{formatMinutes(r.medianMinutesToCallback)}</td>
                  <td className="tabular py-2 text-right whitespace-nowrap">{formatMinutes(r.p80MinutesToCallback)}</td>
                  <td className="py-2 text-right">{r.ranked ? "yes" : "no"}</td>
                </tr>
              ))}
              {data.rows.length === 0 && (
                <tr>
                  <td colSpan={10} className="py-6 text-center text-muted">
                    No voicemails in this period yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Card>

      <Card
        title="Needs more data"
        description={`Entries with fewer than ${data.minSample} voicemails are not ranked: their intervals are still too wide to tell luck from skill.`}
      >
        {unranked.length === 0 ? (
          <p className="text-sm text-muted">Every entry has enough voicemails to be ranked.</p>
        ) : (
          <div className="flex flex-col gap-4">
            <ul aria-label="Entries that need more data" className="flex flex-col divide-y divide-border text-sm">
              {unranked.map((r) => (
                <li key={r.key} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <bdi className="font-medium">{r.label}</bdi>
                  <span className="tabular text-muted">
                    {formatEvidence(r)} · {data.minSample - r.voicemails} more voicemail{data.minSample - r.voicemails === 1 ? "" : "s"} to rank
                  </span>
                </li>
              ))}
            </ul>
            <RateChart title="How wide are the intervals of unranked entries?" testId={`leaderboard-unranked-${data.by}`} data={unranked} tone="muted" />
          </div>
        )}
      </Card>
    </div>
  );
}
