import { leaderboardFromSearchParams } from "@/lib/inputs/leaderboard";
import { leaderboardCsv, leaderboardCsvFileName } from "@/server/services/leaderboard-csv";
import { resolveMembership } from "@/server/services/teams";
import { createContext } from "@/server/trpc";

// The leaderboard CSV download: the page's own search parameters, read by the same parser, so the
// file holds exactly the view on screen. Authenticated like tRPC: the session's user, their
// membership of the session's team; the team never comes from the query string.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const ctx = await createContext({ headers: request.headers });
  if (!ctx.user) return new Response("Sign in first.\n", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const membership = resolveMembership(ctx.db, ctx.user.id, ctx.activeTeamId);
  if (!membership) return new Response("Create or join a team first.\n", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const input = leaderboardFromSearchParams(new URL(request.url).searchParams);
  const csv = leaderboardCsv(ctx.db, { userId: ctx.user.id, teamId: membership.teamId, role: membership.role }, input);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${leaderboardCsvFileName(input)}"`,
      "cache-control": "private, no-store",
    },
  });
}
