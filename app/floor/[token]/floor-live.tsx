"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the sales floor when the team's dials or callbacks change: the server pushes the
 * change (app/api/live/floor), the page reads the board again. A burst of writes (an import)
 * becomes one refresh per second at most. A revoked link ends the stream; the refresh then
 * shows the revoked page.
 */
export function FloorLive({ token }: { token: string }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource(`/api/live/floor/${encodeURIComponent(token)}`);
    let pending: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        router.refresh();
      }, 250);
    };
    source.addEventListener("change", refresh);
    source.addEventListener("error", refresh);
    return () => {
      if (pending) clearTimeout(pending);
      source.close();
    };
  }, [token, router]);
  return null;
}
