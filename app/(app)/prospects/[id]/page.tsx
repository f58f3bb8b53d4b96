import { notFound } from "next/navigation";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { ProspectDetail } from "./prospect-detail";

export const metadata = { title: "Prospect" };

export default async function ProspectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  // Awaited rather than prefetched, so another team's (or no) prospect is a plain 404.
  const found = await getQueryClient()
    .fetchQuery(trpc.prospects.get.queryOptions({ id }))
    .catch(() => null);
  if (!found) notFound();
  prefetch(trpc.teams.members.queryOptions());
  prefetch(trpc.teams.current.queryOptions());
  return (
    <HydrateClient>
      <ProspectDetail id={id} />
    </HydrateClient>
  );
}
