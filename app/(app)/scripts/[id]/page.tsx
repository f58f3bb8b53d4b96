import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { loadScript } from "./load-script";
import { ScriptView } from "./script-view";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const script = await loadScript((await params).id);
  return { title: script.title };
}

export default async function ScriptPage({ params }: { params: Promise<{ id: string }> }) {
  const script = await loadScript((await params).id);
  prefetch(trpc.scripts.options.queryOptions());
  prefetch(trpc.takes.forScript.queryOptions({ scriptId: script.id }));
  return (
    <HydrateClient>
      <ScriptView id={script.id} />
    </HydrateClient>
  );
}
