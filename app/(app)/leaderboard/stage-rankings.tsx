"use client";

import { useSuspenseQueries } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { RateChart, rateChartHeight } from "@/app/_components/rate-chart";
import { TwinTable } from "@/app/_components/twin-table";
import { Badge, Card } from "@/app/_components/ui";
import type { LeaderboardInput } from "@/lib/inputs/leaderboard";
import { formatEvidence } from "@/lib/format";
import { STAGE_LABELS, STAGES } from "@/lib/vocabulary";

const AMONG: Record<(typeof STAGES)[number], string> = {
  "first-touch": "Among first touches",
  "follow-up": "Among follow-ups",
  "last-try": "Among last tries",
  any: "Among any-stage scripts",
};

/** Tags rank within each stage unless a stage is picked: a tag's rate is mostly its stage's. */
export const ranksTagsByStage = (view: LeaderboardInput) => view.by === "tag" && !view.stage;

/** Scripts of every stage in one ranking: the view is labelled as such. */
export const mixesStages = (view: LeaderboardInput) => (view.by === "script" || view.by === "version") && !view.stage;

/**
 * The default ranking of scripts and tags: one per stage (DESIGN.md never compares a last try
 * with first touches; one list made "Last Try" the #2 opener), each with its table twin.
 */
export function StageRankings({ view, question }: { view: LeaderboardInput; question: string }) {
  const trpc = useTRPC();
  const boards = useSuspenseQueries({ queries: STAGES.map((stage) => trpc.leaderboard.get.queryOptions({ ...view, stage })) });
  const shown = STAGES.map((stage, i) => ({ stage, rows: boards[i].data.rows })).filter((b) => b.rows.length > 0);
  if (!shown.length) return null;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {shown.map(({ stage, rows }) => {
        const title = `${question} ${AMONG[stage].toLowerCase()}`;
        const ranked = rows.filter((r) => r.ranked);
        return (
          <Card key={stage} title={`${AMONG[stage]} (${STAGE_LABELS[stage]})`} description={`Ranked only against other ${STAGE_LABELS[stage].toLowerCase()} scripts.`}>
            <RateChart
              title={title}
              testId={`stage-ranking-${stage}`}
              data={ranked}
              height={rateChartHeight(Math.max(ranked.length, 3))}
              emptyText={`Nothing of this stage has ${boards[0].data.minSample} voicemails yet.`}
              twin={
                <TwinTable
                  caption={`${title} — table`}
                  rows={rows}
                  rowKey={(r) => r.key}
                  lead={{
                    header: "Rank",
                    cell: (r) => (r.ranked ? r.rank : <Badge tone="warn">needs more data</Badge>),
                    card: (r) => (r.ranked ? `#${r.rank}` : <Badge tone="warn">needs more data</Badge>),
                  }}
                  name={{ header: view.by === "tag" ? "Tag" : "Script", cell: (r) => r.label, text: (r) => r.label }}
                  columns={[{ header: "Callback rate", cell: (r) => formatEvidence(r), nowrap: true, wide: true }]}
                />
              }
            />
          </Card>
        );
      })}
    </div>
  );
}
