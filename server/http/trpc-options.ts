import type { TRPCError } from "@trpc/server";
import { RateLimited } from "@/server/services/errors";

// What both tRPC entry points (server/serve.ts in production, app/api/trpc under `next dev`) share.

export { MAX_BATCH_CALLS } from "@/lib/batch-limit";

/** A refused call says when to come back (RFC 9110 Retry-After, whole seconds). */
export function retryAfterHeaders({ errors }: { errors: TRPCError[] }): { headers?: Record<string, string> } {
  const waits = errors.map((e) => (e.cause instanceof RateLimited ? e.cause.retryAfterSeconds : 0));
  const wait = Math.max(0, ...waits);
  return wait > 0 ? { headers: { "retry-after": String(wait) } } : {};
}
