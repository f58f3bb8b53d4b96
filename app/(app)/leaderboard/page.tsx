import { IntentLink } from "@/app/_components/intent-link";
import { Suspense } from "react";
import { getQueryClient, HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { leaderboardFromSearchParams } from "@/lib/inputs/leaderboard";
import { STAGES } from "@/lib/vocabulary";
import { BoardSkeleton, LeaderboardView } from "./leaderboard-view";
import { ViewControls } from "./view-controls";

export const metadata = { title: "Leaderboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LeaderboardPage({ searchParams }: { searchParams: SearchParams }) {
  const view = leaderboardFromSearchParams(await searchParams);
  const caller = await serverCaller();
  const [me, team] = await Promise.all([caller.me(), caller.teams.current()]);
  // The controls render at once (no placeholder to shift the page); the board streams in below.
  await getQueryClient().prefetchQuery(trpc.leaderboard.filters.queryOptions());
  prefetch(trpc.leaderboard.get.queryOptions(view));
  // The Tags tab ranks within each stage (stage-rankings.tsx): one board per stage.
  if (view.by === "tag" && !view.stage) for (const stage of STAGES) prefetch(trpc.leaderboard.get.queryOptions({ ...view, stage }));
  return (
    <HydrateClient>
      <PageHeader
        title="Leaderboard"
        description="Ranked by the lower end of the 95% interval, so a lucky 2 of 2 never beats a steady 40 of 100."
        actions={
          <div className="flex gap-2 text-sm">
            {team.role !== "rep" && (
              <IntentLink href="/leaderboard/team" className="rounded-md border border-border bg-surface px-3 py-2 font-medium hover:bg-surface-2">
                Team overview
              </IntentLink>
            )}
            <IntentLink href={`/leaderboard/reps/${me.id}`} className="rounded-md border border-border bg-surface px-3 py-2 font-medium hover:bg-surface-2">
              My numbers
            </IntentLink>
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        <ViewControls view={view} basePath="/leaderboard" tabs csv />
        <Suspense fallback={<BoardSkeleton by={view.by} />}>
          <LeaderboardView view={view} me={me.id} canDrill={team.role !== "rep"} />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
