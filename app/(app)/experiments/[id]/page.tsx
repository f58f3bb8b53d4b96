import { notFound } from "next/navigation";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { PageHeader } from "@/app/_components/ui";
import { ExperimentDetail } from "./experiment-detail";

export const metadata = { title: "Experiment" };

export default async function ExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const team = await (await serverCaller()).teams.current();
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  if (team.role === "rep") return <PageHeader title="Experiment" description="Managers run experiments." />;
  prefetch(trpc.experiments.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <ExperimentDetail id={id} />
    </HydrateClient>
  );
}
