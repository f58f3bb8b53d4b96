"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { ActivityChart, activityIsWeekly } from "@/app/_components/activity-chart";
import { ChartSkeleton } from "@/app/_components/chart-frame";
import { RateChart, rateChartHeight } from "@/app/_components/rate-chart";
import { TREND_HEIGHT, TrendChart } from "@/app/_components/trend-chart";
import { FactCards } from "@/app/_components/fact-cards";
import { RankCell, RankMark } from "@/app/_components/rank-cell";
import { Card, StatTile } from "@/app/_components/ui";
import type { RepStatsInput } from "@/lib/inputs/leaderboard";
import { formatEvidence, formatMinutes, formatPercent } from "@/lib/format";
import { describePeriod } from "../../period-label";

const questions = (name: string) => ({
  trend: `Is ${name} getting called back more or less than the team?`,
  scripts: `Which scripts work for ${name}?`,
  activity: `How much did ${name} dial each day?`,
});

export function RepSkeleton() {
  const q = questions("this rep");
  return (
    <div className="flex flex-col gap-6" aria-busy>
      <div className="h-[76px]" />
      <Card title={q.trend}>
        <ChartSkeleton title={q.trend} testId="rep-trend" height={TREND_HEIGHT} />
      </Card>
      <Card title={q.scripts}>
        <ChartSkeleton title={q.scripts} testId="rep-scripts" height={rateChartHeight(5)} />
      </Card>
    </div>
  );
}

export function RepDrilldown({ input, name }: { input: RepStatsInput; name: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.leaderboard.rep.queryOptions(input));
  const q = questions(name.split(" ")[0]);
  const activityTitle = activityIsWeekly(data.activity) ? q.activity.replace("each day", "each week") : q.activity;
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <StatTile label="Voicemails" value={data.overall.voicemails.toLocaleString("en-US")} />
        <StatTile label="Callback rate" value={formatPercent(data.overall.rate)} detail={formatEvidence(data.overall)} />
        <StatTile label="Team callback rate" value={formatPercent(data.team.rate)} detail={formatEvidence(data.team)} />
        <StatTile label="Awaiting a callback" value={data.awaitingCallback.toLocaleString("en-US")} detail={`voicemails inside the ${data.attributionWindowDays}-day window`} />
      </dl>

      <Card title={q.trend} description={`${describePeriod(data.period)} · weekly callback rate; hover a week for counts.`}>
        <TrendChart
          title={q.trend}
          testId="rep-trend"
          weeks={data.trend.weeks}
          through={data.activity.at(-1)?.date}
          series={[
            { key: "rep", label: name, points: data.trend.rep },
            { key: "team", label: "Whole team", points: data.trend.team },
          ]}
        />
      </Card>

      <Card title={q.scripts} description={`Ranked by the interval's lower end; ${data.minSample} voicemails to be ranked (grey until then).`}>
        <RateChart title={q.scripts} testId="rep-scripts" data={data.scripts} height={rateChartHeight(Math.max(5, data.scripts.length))} />
        <div className="mt-4 sm:hidden">
          <FactCards
            label={`${q.scripts} — list`}
            cards={data.scripts.map((r) => ({
              key: r.key,
              name: r.label,
              aside: <RankMark row={r} prefix="#" />,
              facts: [
                { term: "Callback rate", value: formatEvidence(r), wide: true },
                { term: "Appointments", value: r.appointments },
                { term: "Median to callback", value: formatMinutes(r.medianMinutesToCallback) },
              ],
            }))}
          />
        </div>
        <div className="mt-4 hidden overflow-x-auto sm:block">
          <table className="w-full min-w-[560px] text-sm [&_td:not(:last-child)]:pr-4 [&_th:not(:last-child)]:pr-4">
            <caption className="sr-only">{q.scripts} — table</caption>
            <thead className="text-left text-xs text-faint">
              <tr>
                <th className="pb-2 font-medium">Rank</th>
                <th className="pb-2 font-medium">Script</th>
                <th className="pb-2 font-medium">Callback rate</th>
                <th className="pb-2 text-right font-medium">Appointments</th>
                <th className="pb-2 text-right font-medium">Median to callback</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {data.scripts.map((r) => (
                <tr key={r.key}>
                  <RankCell row={r} />
                  <td className="py-2 font-medium">
                    <bdi>{r.label}</bdi>
                  </td>
                  <td className="tabular py-2 whitespace-nowrap">{formatEvidence(r)}</td>
                  <td className="tabular py-2 text-right">{r.appointments}</td>
                  <td className="tabular py-2 text-right">{formatMinutes(r.medianMinutesToCallback)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card title={activityTitle} description="Dials and voicemails left (bars); callbacks and appointments credited to them (lines).">
        <ActivityChart title={activityTitle} testId="rep-activity" days={data.activity} />
      </Card>
    </div>
  );
}
