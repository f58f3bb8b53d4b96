"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/app/_trpc/client";

type Change = { seq: number; kinds: ("dial" | "callback")[] };

/**
 * Keeps the open page in step with the team's writes (issue 14): the server pushes which kinds of
 * row changed (app/api/live), and only the queries that read them are invalidated; React Query
 * refetches those on screen and leaves the rest alone.
 */
export function LiveUpdates() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/live");
    const onChange = (message: MessageEvent<string>) => {
      const change = JSON.parse(message.data) as Change;
      const keys = [trpc.attempts.pathKey(), trpc.prospects.pathKey(), trpc.leaderboard.pathKey(), trpc.experiments.pathKey(), trpc.firstRun.pathKey()];
      if (change.kinds.includes("callback")) keys.push(trpc.callbacks.pathKey(), trpc.live.creditedToMe.pathKey());
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    };
    source.addEventListener("change", onChange);
    return () => {
      source.removeEventListener("change", onChange);
      source.close();
    };
  }, [trpc, queryClient]);
  return null;
}
