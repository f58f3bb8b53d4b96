import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { NewScriptForm } from "./new-script-form";
import { ScriptList } from "./script-list";

export const metadata = { title: "Scripts" };

export default function ScriptsPage() {
  prefetch(trpc.scripts.pickable.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Scripts" description="The team's voicemail library. Placeholders fill in for each prospect and rep." />
      <div className="grid gap-6 lg:grid-cols-[1fr_400px]">
        <ScriptList />
        <NewScriptForm />
      </div>
    </HydrateClient>
  );
}
