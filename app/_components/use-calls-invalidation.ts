"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";

/** After any dial or callback change: today's list and counters, prospects and the leaderboard. */
export function useCallsInvalidation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.attempts.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.prospects.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.callbacks.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.leaderboard.pathKey() }),
    ]);
}
