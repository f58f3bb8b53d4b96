import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { FirstRunChecklist } from "./first-run-checklist";
import { TodayView } from "./today-view";

export const metadata = { title: "Today" };

export default function TodayPage() {
  prefetch(trpc.scripts.pickable.queryOptions());
  prefetch(trpc.attempts.today.queryOptions());
  prefetch(trpc.prospects.awaitingCallback.queryOptions());
  prefetch(trpc.firstRun.steps.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Today" description="Log every dial as you make it; log callbacks the moment they ring (⇧C)." />
      <FirstRunChecklist />
      <TodayView />
    </HydrateClient>
  );
}
