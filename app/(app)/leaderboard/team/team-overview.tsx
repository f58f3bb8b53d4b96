"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { ActivityChart, ACTIVITY_HEIGHT, activityIsWeekly } from "@/app/_components/activity-chart";
import { ChartSkeleton } from "@/app/_components/chart-frame";
import { FunnelChart, FUNNEL_HEIGHT } from "@/app/_components/funnel-chart";
import { HEATMAP_HEIGHT, HEATMAP_PHONE_HEIGHT, HourHeatmap } from "@/app/_components/hour-heatmap";
import { RateChart, rateChartHeight } from "@/app/_components/rate-chart";
import { ReadTimeScatter, SCATTER_HEIGHT } from "@/app/_components/read-time-scatter";
import { TREND_HEIGHT, TrendChart } from "@/app/_components/trend-chart";
import { FactCards } from "@/app/_components/fact-cards";
import { TwinTable } from "@/app/_components/twin-table";
import { RankCell, RankMark } from "@/app/_components/rank-cell";
import { Badge, Card, StatTile } from "@/app/_components/ui";
import type { StatsFilter } from "@/lib/inputs/leaderboard";
import { formatEvidence, formatMinutes, formatPercent, hourSpan } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/vocabulary";
import { describePeriod } from "../period-label";
import { LateAttemptSentence } from "./late-attempt-sentence";

const Q = {
  activity: "How busy was the team each day?",
  funnel: "How many voicemails turn into callbacks and appointments?",
  attempts: "Is the last-try stage earning its place?",
  heatmap: "When should we leave messages?",
  readTime: "Do shorter scripts get more callbacks?",
  trend: "Are our top scripts holding up week by week?",
} as const;

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function OverviewSkeleton() {
  return (
    <div className="flex flex-col gap-6" aria-busy>
      <Card title={Q.activity}>
        <ChartSkeleton title={Q.activity} testId="overview-activity" height={ACTIVITY_HEIGHT} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={Q.funnel}>
          <ChartSkeleton title={Q.funnel} testId="overview-funnel" height={FUNNEL_HEIGHT} />
        </Card>
        <Card title={Q.attempts}>
          <ChartSkeleton title={Q.attempts} testId="overview-attempts" height={rateChartHeight(4)} />
        </Card>
      </div>
      <Card title={Q.heatmap}>
        <ChartSkeleton title={Q.heatmap} testId="overview-heatmap" height={HEATMAP_HEIGHT} phoneHeight={HEATMAP_PHONE_HEIGHT} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={Q.readTime}>
          <ChartSkeleton title={Q.readTime} testId="overview-read-time" height={SCATTER_HEIGHT} />
        </Card>
        <Card title={Q.trend}>
          <ChartSkeleton title={Q.trend} testId="overview-trend" height={TREND_HEIGHT} />
        </Card>
      </div>
    </div>
  );
}

export function TeamOverview({ filter }: { filter: StatsFilter }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.leaderboard.overview.queryOptions(filter));
  const period = describePeriod(data.period);
  const activityTitle = activityIsWeekly(data.activity) ? "How busy was the team each week?" : Q.activity;
  const through = data.activity.at(-1)?.date;
  const totals = data.activity.reduce(
    (sum, d) => ({ dials: sum.dials + d.dials, callbacks: sum.callbacks + d.callbacks, appointments: sum.appointments + d.appointments }),
    { dials: 0, callbacks: 0, appointments: 0 },
  );
  const lateWinner = data.lateAttemptScripts.find((r) => r.ranked);
  const bestSlot = [...data.heatmap].filter((c) => c.voicemails >= data.minSample).sort((a, b) => b.ciLow - a.ciLow)[0];
  const worstSlot = [...data.heatmap].filter((c) => c.voicemails >= data.minSample).sort((a, b) => a.ciHigh - b.ciHigh)[0];

  return (
    <div className="flex flex-col gap-6">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <StatTile label="Dials" value={totals.dials.toLocaleString("en-US")} />
        <StatTile label="Voicemails" value={data.funnel.voicemails.toLocaleString("en-US")} />
        <StatTile label="Callback rate" value={formatPercent(data.funnel.rate)} detail={formatEvidence(data.funnel)} />
        <StatTile label="Callbacks received" value={totals.callbacks.toLocaleString("en-US")} detail={`${data.unattributedCallbacks} unattributed`} />
        <StatTile
          label="Appointments booked"
          value={totals.appointments.toLocaleString("en-US")}
          detail={`on callbacks received in the period; ${data.funnel.appointments.toLocaleString("en-US")} of its voicemails led to one (funnel)`}
        />
      </dl>

      <Card title={activityTitle} description={`${period} · dials and voicemails (bars, left axis), callbacks and appointments received (lines, right axis)`}>
        <ActivityChart title={activityTitle} testId="overview-activity" days={data.activity} />
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title={Q.funnel}
          description="Voicemails left in the period, how many were returned, how many of those led to an appointment. Counted by voicemail, so it can differ from the appointments booked on callbacks received in the period (unattributed callbacks, two appointments for one voicemail, callbacks after the period)."
        >
          <FunnelChart title={Q.funnel} testId="overview-funnel" funnel={data.funnel} />
          {data.funnel.returned > 0 && (
            <p className="mt-3 text-sm text-muted">
              {formatPercent(data.funnel.appointments / data.funnel.returned, 0)} of returned voicemails booked an appointment ({formatPercent(data.funnel.appointmentRate)} of all
              voicemails).
            </p>
          )}
        </Card>
        <Card title={Q.attempts} description="Callback rate of the 1st, 2nd, 3rd and later voicemails to the same prospect.">
          <RateChart
            title={Q.attempts}
            testId="overview-attempts"
            data={data.byAttempt}
            height={rateChartHeight(4)}
            twin={
              <TwinTable
                caption={`${Q.attempts} — table`}
                rows={data.byAttempt}
                rowKey={(r) => r.key}
                name={{ header: "Voicemail #", cell: (r) => r.key, text: (r) => `Voicemail #${r.key}`, card: (r) => `Voicemail #${r.key}` }}
                columns={[
                  { header: "Callback rate", cell: (r) => formatEvidence(r), nowrap: true, wide: true },
                  { header: "Appointments", cell: (r) => r.appointments, align: "right" },
                  { header: "Median to callback", cell: (r) => formatMinutes(r.medianMinutesToCallback), align: "right", nowrap: true },
                ]}
              />
            }
          />
          <LateAttemptSentence byAttempt={data.byAttempt} />
        </Card>
      </div>

      <Card
        title="At the 4th voicemail and later, which scripts get called back?"
        description="Last-try scripts compared only with scripts used at the same point of a cadence, never with first touches."
      >
        <FactCards
          label="Scripts used at the 4th voicemail and later — list"
          empty="No 4th-or-later voicemails in this period."
          cards={data.lateAttemptScripts.map((r) => ({
            key: r.key,
            name: r.label,
            aside: <RankMark row={r} prefix="#" />,
            facts: [
              { term: "Callback rate", value: formatEvidence(r), wide: true },
              { term: "Stage", value: <Badge tone={r.stage === "last-try" ? "accent" : "neutral"}>{STAGE_LABELS[r.stage]}</Badge> },
              { term: "Appointments", value: r.appointments },
            ],
          }))}
        />
        <div className="hidden overflow-x-auto sm:block">
          <table className="w-full min-w-[560px] text-sm [&_td:not(:last-child)]:pr-4 [&_th:not(:last-child)]:pr-4">
            <caption className="sr-only">Scripts used at the 4th voicemail and later — table</caption>
            <thead className="text-left text-xs text-faint">
              <tr>
                <th className="pb-2 font-medium">Rank</th>
                <th className="pb-2 font-medium">Script</th>
                <th className="pb-2 font-medium">Stage</th>
                <th className="pb-2 font-medium">Callback rate</th>
                <th className="pb-2 text-right font-medium">Appointments</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {data.lateAttemptScripts.map((r) => (
                <tr key={r.key}>
                  <RankCell row={r} />
                  <td className="py-2 font-medium">
                    <bdi>{r.label}</bdi>
                  </td>
                  <td className="py-2">
                    <Badge tone={r.stage === "last-try" ? "accent" : "neutral"}>{STAGE_LABELS[r.stage]}</Badge>
                  </td>
                  <td className="tabular py-2 whitespace-nowrap">{formatEvidence(r)}</td>
                  <td className="tabular py-2 text-right">{r.appointments}</td>
                </tr>
              ))}
              {data.lateAttemptScripts.length === 0 && (
                <tr>
                  <td colSpan={5} className="py-4 text-center text-muted">
                    No 4th-or-later voicemails in this period.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {lateWinner && (
          <p className="mt-3 text-sm text-muted">
            Best at this point: <strong className="text-text">{lateWinner.label}</strong> ({STAGE_LABELS[lateWinner.stage]}), {formatEvidence(lateWinner)}.
          </p>
        )}
      </Card>

      <Card
        title={Q.heatmap}
        description={`Callback rate of voicemails by the hour they were left (${data.period.timezone}). Shaded cells have at least ${data.minSample} voicemails.`}
      >
        <HourHeatmap title={Q.heatmap} testId="overview-heatmap" cells={data.heatmap} minSample={data.minSample} />
        {!bestSlot && data.heatmap.length > 0 && (
          <p className="mt-3 text-sm text-muted">No hour has {data.minSample} voicemails yet: too early to say when messages work best.</p>
        )}
        {bestSlot && worstSlot && bestSlot !== worstSlot && (
          <p className="mt-3 text-sm">
            Best: <strong>{WEEKDAYS[bestSlot.weekday]} {hourSpan(bestSlot.hour)}</strong> <span className="tabular text-muted">({formatEvidence(bestSlot)})</span>. Weakest:{" "}
            <strong>{WEEKDAYS[worstSlot.weekday]} {hourSpan(worstSlot.hour)}</strong> <span className="tabular text-muted">({formatEvidence(worstSlot)})</span>.
          </p>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={Q.readTime} description={`One point per script, sized by voicemails; whiskers are the 95% interval; hollow points have fewer than ${data.minSample} voicemails. Read time at the team's ${data.wordsPerMinute} words per minute.`}>
          <ReadTimeScatter title={Q.readTime} testId="overview-read-time" points={data.readTime} wordsPerMinute={data.wordsPerMinute} />
        </Card>
        <Card title={Q.trend} description="Weekly callback rate of the most-used scripts in the period (weeks start Monday).">
          <TrendChart title={Q.trend} testId="overview-trend" weeks={data.trend.weeks} series={data.trend.series} through={through} />
        </Card>
      </div>
    </div>
  );
}
