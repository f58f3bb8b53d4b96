import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { BackToTeam, ManagersOnly } from "../back-to-team";
import { ApiDocsCard } from "./api-docs-card";
import { ApiKeysCard } from "./api-keys-card";
import { WebhooksPanel } from "./webhooks-panel";

export const metadata = { title: "Integrations" };

// One card per way in: API keys, the REST API, the telephony webhooks. Each card is its own file.
export default async function IntegrationsPage() {
  const caller = await serverCaller();
  const team = await caller.teams.current();
  if (team.role === "rep") return <ManagersOnly title="Integrations" message="Only managers and owners can connect other tools and phone systems to the team." />;
  prefetch(trpc.apiKeys.list.queryOptions());
  prefetch(trpc.integrations.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Integrations" description={`Let your dialer, CRM or phone system log ${team.name}'s dials and callbacks as they happen.`} actions={<BackToTeam />} />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <ApiKeysCard canMakeOwnerKeys={team.role === "owner"} />
        <ApiDocsCard />
        <div className="lg:col-span-2">
          <WebhooksPanel />
        </div>
      </div>
    </HydrateClient>
  );
}
