import { getBudgetStore } from "@/db/budget-store";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/services/actor";
import { RateLimited } from "@/server/services/errors";
import { spendBudget, statsReadRule } from "@/server/services/request-budget";
import { resolveMembership } from "@/server/services/teams";
import { NO_STORE } from "@/server/request-guard";
import { createContext } from "@/server/trpc";

// What the CSV download routes share: the same session check as tRPC's member procedures (the
// team is the session's, never one from the query string), and the response shapes.

export const textResponse = (body: string, status: number) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": NO_STORE } });

export const csvResponse = (csv: string, fileName: string) =>
  new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": NO_STORE,
    },
  });

/** The signed-in member behind a request, or the response that refuses it. */
export async function memberOfRequest(request: Request): Promise<{ db: Db; actor: Actor } | Response> {
  const ctx = await createContext({ headers: request.headers });
  if (!ctx.user) return textResponse("Sign in first.", 401);
  const membership = await resolveMembership(ctx.db, ctx.user.id, ctx.activeTeamId);
  if (!membership) return textResponse("Create or join a team first.", 403);
  return { db: ctx.db, actor: { userId: ctx.user.id, teamId: membership.teamId, role: membership.role } };
}

/** A stats download spends the caller's budget as tRPC's stats reads do; past it, a 429. */
export async function statsBudgetRefusal(actor: Actor): Promise<Response | null> {
  try {
    await spendBudget(getBudgetStore(), actor.userId, statsReadRule());
    return null;
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    const refused = textResponse(error.message, 429);
    refused.headers.set("retry-after", String(error.retryAfterSeconds));
    return refused;
  }
}
