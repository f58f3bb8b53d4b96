"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";

/**
 * "Dana Whitfield called back — credited to your voicemail #2 ("Last try")": callbacks credited to
 * the rep's voicemails by a teammate, an import or a webhook while Today is open. The live feed
 * invalidates the query on every callback write (app/_components/live-updates.tsx). The region
 * is present from the start, so screen readers announce what is added to it.
 */
export function CallbackNotices() {
  const trpc = useTRPC();
  // Read once per visit: the live feed invalidates only creditedToMe, so the cursor stays put.
  const cursor = useQuery({ ...trpc.live.callbackCursor.queryOptions(), staleTime: Infinity, refetchOnWindowFocus: false }).data;
  const since = useQuery({ ...trpc.live.creditedToMe.queryOptions({ afterId: cursor ?? 0 }), enabled: cursor !== undefined });
  const notices = since.data ?? [];
  return (
    <div role="status" aria-live="polite" aria-label="Callbacks credited to you" className="flex flex-col gap-2 empty:hidden">
      {notices.map((n) => (
        <p key={n.id} className="rounded-lg border border-accent/40 bg-accent-soft px-4 py-3 text-sm font-medium">
          {n.prospectName} called back — credited to your voicemail{n.voicemailNumber ? ` #${n.voicemailNumber}` : ""}
          {n.scriptTitle ? ` ("${n.scriptTitle}")` : ""}
        </p>
      ))}
    </div>
  );
}
