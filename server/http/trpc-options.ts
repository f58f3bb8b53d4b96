import type { TRPCError } from "@trpc/server";
import { NO_STORE } from "@/server/request-guard";
import { RateLimited } from "@/server/services/errors";

// What both tRPC entry points (server/serve.ts in production, app/api/trpc under `next dev`) share.

export { MAX_BATCH_CALLS } from "@/lib/batch-limit";

/**
 * Answers carry members' names and phones, so no cache keeps them; a refused call says when to
 * come back (RFC 9110 Retry-After, whole seconds).
 */
export function trpcResponseMeta({ errors }: { errors: TRPCError[] }): { headers: Record<string, string> } {
  const waits = errors.map((e) => (e.cause instanceof RateLimited ? e.cause.retryAfterSeconds : 0));
  const wait = Math.max(0, ...waits);
  return { headers: { "cache-control": NO_STORE, ...(wait > 0 ? { "retry-after": String(wait) } : {}) } };
}
