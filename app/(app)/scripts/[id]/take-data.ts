import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

export type TakesPanelData = inferRouterOutputs<AppRouter>["takes"]["forScript"];
export type TakeRow = TakesPanelData["mine"][number];

/** Seconds as the panel says them: whole seconds in sentences, tenths in lists. */
export const wholeSeconds = (s: number) => `${Math.round(s)} s`;
export const tenthSeconds = (s: number) => `${s.toFixed(1)} s`;
