import { getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { FirstRunChecklist } from "./first-run-checklist";
import { TodayView } from "./today-view";

export const metadata = { title: "Today" };

export default async function TodayPage() {
  prefetch(trpc.scripts.pickable.queryOptions());
  // What the client would otherwise ask for only after hydrating, the notices' second request
  // after the first had answered (issue 12, item 19): the empty form's suggestion, and the
  // callback notices' cursor with what came after it. The cursor is one indexed max(); waiting
  // for it lets both notices' queries travel with the page.
  prefetch(trpc.prospects.dialContext.queryOptions({ name: "", company: "" }));
  const afterId = await getQueryClient().fetchQuery(trpc.live.callbackCursor.queryOptions());
  prefetch(trpc.live.creditedToMe.queryOptions({ afterId }));
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
