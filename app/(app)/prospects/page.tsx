import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { MergeTrail } from "./merge-trail";
import { ProspectList } from "./prospect-list";

export const metadata = { title: "Prospects" };

export default async function ProspectsPage() {
  const team = await (await serverCaller()).teams.current();
  const canManage = team.role !== "rep";
  prefetch(trpc.teams.members.queryOptions());
  prefetch(trpc.prospects.list.queryOptions({ query: "" }));
  if (canManage) prefetch(trpc.prospects.merges.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Prospects" description="Everyone your team has dialled, matched by phone number." />
      <ProspectList />
      {canManage && (
        <div className="mt-6">
          <MergeTrail />
        </div>
      )}
    </HydrateClient>
  );
}
