"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/app/_trpc/client";
import { RateChart } from "@/app/_components/rate-chart";
import { Badge, Card } from "@/app/_components/ui";
import { formatEvidence, formatMinutes, formatPercent } from "@/lib/format";

const TABS = [
  { by: "script", label: "Scripts", question: "Which scripts get called back?" },
  { by: "rep", label: "Reps", question: "Whose voicemails get called back?" },
] as const;

export function LeaderboardView({ by }: { by: "script" | "rep" }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.leaderboard.get.queryOptions({ by }));
  const tab = TABS.find((t) => t.by === by)!;
  const ranked = data.rows.filter((r) => r.ranked);
  const unranked = data.rows.filter((r) => !r.ranked);

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Leaderboard views" className="flex gap-1 border-b border-border">
        {TABS.map((t) => (
          <Link
            key={t.by}
            href={`/leaderboard?by=${t.by}`}
            aria-current={t.by === by ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${t.by === by ? "border-accent font-medium text-text" : "border-transparent text-muted hover:text-text"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <Card title={tab.question} description={`Callback rate with its 95% interval · entries need ${data.minSample} voicemails to be ranked`}>
        <RateChart title={tab.question} testId={`leaderboard-chart-${by}`} data={data.rows.map((r) => ({ ...r, label: r.label }))} />
      </Card>
      <Card title="Table" description={data.unattributedCallbacks ? `${data.unattributedCallbacks} unattributed callbacks in this period (counted in totals, in no rate)` : undefined}>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[640px] text-sm">
            <caption className="sr-only">{tab.question} — leaderboard table</caption>
            <thead className="text-left text-xs text-faint">
              <tr>
                <th className="pb-2 font-medium">Rank</th>
                <th className="pb-2 font-medium">{by === "script" ? "Script" : "Rep"}</th>
                <th className="pb-2 font-medium">Callback rate</th>
                <th className="pb-2 text-right font-medium">Voicemails</th>
                <th className="pb-2 text-right font-medium">Returned</th>
                <th className="pb-2 text-right font-medium">Appointments</th>
                <th className="pb-2 text-right font-medium">Median to callback</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {[...ranked, ...unranked].map((r) => (
                <tr key={r.key}>
                  <td className="tabular py-2">{r.ranked ? r.rank : <Badge tone="warn">needs more data</Badge>}</td>
                  <td className="py-2 font-medium">{r.label}</td>
                  <td className="tabular py-2">{formatEvidence(r)}</td>
                  <td className="tabular py-2 text-right">{r.voicemails}</td>
                  <td className="tabular py-2 text-right">{r.returned}</td>
                  <td className="tabular py-2 text-right">
                    {r.appointments} <span className="text-faint">({formatPercent(r.voicemails ? r.appointments / r.voicemails : null, 0)})</span>
                  </td>
                  <td className="tabular py-2 text-right">{formatMinutes(r.medianMinutesToCallback)}</td>
                </tr>
              ))}
              {data.rows.length === 0 && (
                <tr>
                  <td colSpan={7} className="py-6 text-center text-muted">
                    No voicemails logged yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
