import { leaderboardInput, repStatsInput, statsFilterInput } from "@/lib/inputs/leaderboard";
import { leaderboard, leaderboardFilters, repStats, teamOverview } from "@/server/services/stats";
import { createTRPCRouter, managerStatsProcedure, memberProcedure, memberStatsProcedure } from "@/server/trpc";

export const leaderboardRouter = createTRPCRouter({
  get: memberStatsProcedure.input(leaderboardInput).query(({ ctx, input }) => leaderboard(ctx.db, ctx.actor, input)),
  filters: memberProcedure.query(({ ctx }) => leaderboardFilters(ctx.db, ctx.actor)),
  overview: managerStatsProcedure.input(statsFilterInput).query(({ ctx, input }) => teamOverview(ctx.db, ctx.actor, input)),
  /** One rep's drill-down (`repId`, default the caller); reps may open only their own. */
  rep: memberStatsProcedure.input(repStatsInput).query(({ ctx, input }) => repStats(ctx.db, ctx.actor, input)),
});
