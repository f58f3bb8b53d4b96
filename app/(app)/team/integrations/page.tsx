import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { BackToTeam, ManagersOnly } from "../team-subpage";
import { WebhooksPanel } from "./webhooks-panel";

export const metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const team = await (await serverCaller()).teams.current();
  if (team.role === "rep") return <ManagersOnly title="Integrations" what="connect the team's phone systems" />;
  prefetch(trpc.integrations.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Integrations" description="Take dials and callbacks from the phone system the team already uses." actions={<BackToTeam />} />
      <div className="grid grid-cols-1 gap-6">
        <WebhooksPanel />
      </div>
    </HydrateClient>
  );
}
