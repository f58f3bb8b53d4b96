import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { ProspectList } from "./prospect-list";

export const metadata = { title: "Prospects" };

export default function ProspectsPage() {
  prefetch(trpc.teams.members.queryOptions());
  prefetch(trpc.prospects.list.queryOptions({ query: "" }));
  return (
    <HydrateClient>
      <PageHeader title="Prospects" description="Everyone your team has dialled, matched by phone number." />
      <ProspectList />
    </HydrateClient>
  );
}
