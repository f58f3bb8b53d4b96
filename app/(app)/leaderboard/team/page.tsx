import { IntentLink } from "@/app/_components/intent-link";
import { Suspense } from "react";
import { getQueryClient, HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { Card, PageHeader } from "@/app/_components/ui";
import { filterOf, leaderboardFromSearchParams } from "@/lib/inputs/leaderboard";
import { ViewControls } from "../view-controls";
import { OverviewSkeleton, TeamOverview } from "./team-overview";

export const metadata = { title: "Team overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TeamOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const filter = filterOf(leaderboardFromSearchParams(await searchParams));
  const caller = await serverCaller();
  const [me, team] = await Promise.all([caller.me(), caller.teams.current()]);
  if (team.role === "rep") {
    return (
      <>
        <PageHeader title="Team overview" />
        <Card title="This page is for managers">
          <p className="text-sm text-muted">
            The team overview is where managers coach from. Your own callback rate, scripts and queue are on{" "}
            <IntentLink href={`/leaderboard/reps/${me.id}`} className="font-medium text-accent hover:underline">
              My numbers
            </IntentLink>
            , and everyone&apos;s ranking is on the{" "}
            <IntentLink href="/leaderboard" className="font-medium text-accent hover:underline">
              leaderboard
            </IntentLink>
            .
          </p>
        </Card>
      </>
    );
  }
  await getQueryClient().prefetchQuery(trpc.leaderboard.filters.queryOptions());
  prefetch(trpc.leaderboard.overview.queryOptions(filter));
  return (
    <HydrateClient>
      <PageHeader
        title="Team overview"
        description="Where the team's voicemails turn into callbacks, and where they don't."
        actions={
          <IntentLink href="/leaderboard" className="rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-2">
            Leaderboard
          </IntentLink>
        }
      />
      <div className="flex flex-col gap-6">
        <ViewControls view={{ ...filter, by: "script" }} basePath="/leaderboard/team" />
        <Suspense fallback={<OverviewSkeleton />}>
          <TeamOverview filter={filter} />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
