import type { TRPCError } from "@trpc/server";

/** Unexpected failures are logged on the server; callers only ever see the generic message. */
export function logUnexpected({ error, path }: { error: TRPCError; path?: string }) {
  if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
}
