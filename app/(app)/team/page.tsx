import { IntentLink } from "@/app/_components/intent-link";
import { serverCaller, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { DisplayLinks } from "./display-links";
import { InvitePanel } from "./invite-panel";
import { MemberList } from "./member-list";
import { RoleChangeList } from "./role-change-list";
import { TeamSettings } from "./team-settings";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const caller = await serverCaller();
  const team = await caller.teams.current();
  const canManage = team.role !== "rep";
  prefetch(trpc.teams.members.queryOptions());
  if (canManage) {
    prefetch(trpc.teams.invites.queryOptions());
    prefetch(trpc.teams.roleChanges.queryOptions());
    prefetch(trpc.displayLinks.list.queryOptions());
  }
  return (
    <HydrateClient>
      <PageHeader
        title={team.name}
        description={`Time zone ${team.timezone} · attribution window ${team.attributionWindowDays} days · ranked from ${team.minSample} voicemails`}
        actions={
          canManage && (
            <div className="flex flex-wrap gap-2">
              <IntentLink href="/team/integrations" className="rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-2">
                Integrations
              </IntentLink>
              <IntentLink href="/team/import" className="rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-2">
                Import and export
              </IntentLink>
            </div>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_380px]">
        <MemberList />
        {canManage && <InvitePanel canInviteOwner={team.role === "owner"} />}
      </div>
      {canManage && (
        <div className="mt-6">
          <RoleChangeList />
        </div>
      )}
      {canManage && (
        <div className="mt-6">
          <DisplayLinks />
        </div>
      )}
      {team.role === "owner" && (
        <div className="mt-6">
          <TeamSettings
            initial={{ name: team.name, timezone: team.timezone, attributionWindowDays: team.attributionWindowDays, minSample: team.minSample, wordsPerMinute: team.wordsPerMinute }}
          />
        </div>
      )}
    </HydrateClient>
  );
}
