import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { ExperimentList } from "./experiment-list";
import { StartExperimentForm } from "./start-experiment-form";

export const metadata = { title: "Experiments" };

export default async function ExperimentsPage() {
  const team = await (await serverCaller()).teams.current();
  if (team.role === "rep") {
    return <PageHeader title="Experiments" description="Managers run experiments. When one includes you, Today says which script to read." />;
  }
  prefetch(trpc.experiments.list.queryOptions());
  prefetch(trpc.scripts.pickable.queryOptions());
  prefetch(trpc.teams.members.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Experiments"
        description="A fair test of 2–4 scripts: each prospect is given one at random, and the verdict may be read at any time without crowning a false winner."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_400px]">
        <ExperimentList />
        <StartExperimentForm />
      </div>
    </HydrateClient>
  );
}
