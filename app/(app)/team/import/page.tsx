import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { BackToTeam, ManagersOnly } from "../team-subpage";
import { ExportPanel } from "./export-panel";
import { ImportPanel } from "./import-panel";
import { FileFormat } from "./file-format";

export const metadata = { title: "Import and export" };

export default async function ImportPage() {
  const caller = await serverCaller();
  const team = await caller.teams.current();
  if (team.role === "rep") return <ManagersOnly title="Import and export" what="import and export the team's data" />;
  // The rep pickers of a call export list the team's members.
  prefetch(trpc.teams.members.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Import and export"
        description={`Bring a call log or callbacks in from your CRM, or take ${team.name}'s data out. An import is all or nothing: one bad row and nothing is written.`}
        actions={<BackToTeam />}
      />
      {/* The import gets the full width: a call log's preview is ten columns wide. */}
      <div className="grid grid-cols-1 gap-6">
        <ImportPanel timezone={team.timezone} />
        <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
          <ExportPanel />
          <FileFormat timezone={team.timezone} />
        </div>
      </div>
    </HydrateClient>
  );
}
