import { leaderboardInput } from "@/lib/inputs/leaderboard";
import { leaderboard } from "@/server/services/stats";
import { createTRPCRouter, memberProcedure } from "@/server/trpc";

export const leaderboardRouter = createTRPCRouter({
  get: memberProcedure.input(leaderboardInput).query(({ ctx, input }) => leaderboard(ctx.db, ctx.actor, input)),
});
