import Link from "next/link";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { Card, PageHeader } from "@/app/_components/ui";
import { WebhooksPanel } from "./webhooks-panel";

export const metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const team = await (await serverCaller()).teams.current();
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
          <p className="text-sm text-muted">Only managers and owners can connect the team&apos;s phone systems.</p>
        </Card>
      </>
    );
  }
  prefetch(trpc.integrations.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Integrations" description="Take dials and callbacks from the phone system the team already uses." actions={back} />
      <div className="grid grid-cols-1 gap-6">
        <WebhooksPanel />
      </div>
    </HydrateClient>
  );
}
