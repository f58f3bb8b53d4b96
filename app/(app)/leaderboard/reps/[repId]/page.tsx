import { IntentLink } from "@/app/_components/intent-link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getQueryClient, HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { Card, PageHeader } from "@/app/_components/ui";
import { filterOf, leaderboardFromSearchParams } from "@/lib/inputs/leaderboard";
import { ViewControls } from "../../view-controls";
import { RepDrilldown, RepSkeleton } from "./rep-drilldown";

export const metadata = { title: "Rep numbers" };

type Props = { params: Promise<{ repId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RepPage({ params, searchParams }: Props) {
  const { repId } = await params;
  // The rep is the page's own; a rep filter in the URL would contradict it.
  const filter = { ...filterOf(leaderboardFromSearchParams(await searchParams)), repId: undefined };
  const caller = await serverCaller();
  const [me, team] = await Promise.all([caller.me(), caller.teams.current()]);
  if (team.role === "rep" && repId !== me.id) {
    return (
      <>
        <PageHeader title="Rep numbers" />
        <Card title="Only your own numbers">
          <p className="text-sm text-muted">
            Reps see their own drill-down; a manager can open a colleague&apos;s.{" "}
            <IntentLink href={`/leaderboard/reps/${me.id}`} className="font-medium text-accent hover:underline">
              Open my numbers
            </IntentLink>
            .
          </p>
        </Card>
      </>
    );
  }
  const queryClient = getQueryClient();
  const options = await queryClient.fetchQuery(trpc.leaderboard.filters.queryOptions());
  const rep = options.reps.find((r) => r.id === repId);
  if (!rep) notFound();
  const input = { ...filter, repId };
  prefetch(trpc.leaderboard.rep.queryOptions(input));
  return (
    <HydrateClient>
      <PageHeader
        title={rep.id === me.id ? `My numbers · ${rep.name}` : rep.name}
        description={`${rep.email} · ${rep.role}`}
        actions={
          <IntentLink href="/leaderboard?by=rep" className="rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-2">
            All reps
          </IntentLink>
        }
      />
      <div className="flex flex-col gap-6">
        <ViewControls view={{ ...filter, by: "script" }} basePath={`/leaderboard/reps/${repId}`} repFilter={false} />
        <Suspense fallback={<RepSkeleton />}>
          <RepDrilldown input={input} name={rep.name} />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
