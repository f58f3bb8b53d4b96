import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { LeaderboardView } from "./leaderboard-view";

export const metadata = { title: "Leaderboard" };

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<{ by?: string }> }) {
  const by = (await searchParams).by === "rep" ? "rep" : "script";
  prefetch(trpc.leaderboard.get.queryOptions({ by }));
  return (
    <HydrateClient>
      <PageHeader
        title="Leaderboard"
        description="Ranked by the lower end of the 95% interval, so a lucky 2 of 2 never beats a steady 40 of 100."
      />
      <LeaderboardView by={by} />
    </HydrateClient>
  );
}
