import "server-only";

import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getQueryClient, trpc } from "@/app/_trpc/server";

/** Loads a script page's data into the request's query client; a missing or hidden script is a 404. */
export async function loadScript(rawId: string) {
  const id = Number(rawId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  try {
    return await getQueryClient().fetchQuery(trpc.scripts.get.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
