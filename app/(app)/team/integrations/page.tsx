import Link from "next/link";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { Card, PageHeader } from "@/app/_components/ui";
import { ApiDocsCard } from "./api-docs-card";
import { ApiKeysCard } from "./api-keys-card";

export const metadata = { title: "Integrations" };

// One card per way in: API keys, the REST API. Each card is its own file.
export default async function IntegrationsPage() {
  const caller = await serverCaller();
  const team = await caller.teams.current();
  const back = (
    <Link href="/team" className="rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-2">
      Back to team
    </Link>
  );
  if (team.role === "rep") {
    return (
      <>
        <PageHeader title="Integrations" actions={back} />
        <Card>
          <p className="text-sm text-muted">Only managers and owners can connect other tools to the team.</p>
        </Card>
      </>
    );
  }
  prefetch(trpc.apiKeys.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Integrations" description={`Let your dialer, CRM or phone system log ${team.name}'s dials and callbacks as they happen.`} actions={back} />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <ApiKeysCard canMakeOwnerKeys={team.role === "owner"} />
        <ApiDocsCard />
      </div>
    </HydrateClient>
  );
}
