import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { LogCallbackForm } from "./log-callback-form";
import { QuickLogForm } from "./quick-log-form";
import { TodaysDials } from "./todays-dials";

export const metadata = { title: "Today" };

export default function TodayPage() {
  prefetch(trpc.scripts.pickable.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Today" description="Log every dial as you make it; log callbacks the moment they ring." />
      <div className="grid gap-6 lg:grid-cols-[1fr_360px]">
        <div className="flex flex-col gap-6">
          <QuickLogForm />
          <TodaysDials />
        </div>
        <LogCallbackForm />
      </div>
    </HydrateClient>
  );
}
