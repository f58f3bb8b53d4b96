import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

export type ScriptPageData = inferRouterOutputs<AppRouter>["scripts"]["get"];
export type VersionEvidence = ScriptPageData["evidence"];
