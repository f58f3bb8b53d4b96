import { attemptsRouter, callbacksRouter, prospectsRouter } from "./calls";
import { importsRouter } from "./imports";
import { leaderboardRouter } from "./leaderboard";
import { scriptsRouter } from "./scripts";
import { takesRouter } from "./takes";
import { teamsRouter } from "./teams";
import { authedProcedure, createCallerFactory, createTRPCRouter } from "@/server/trpc";

export const appRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => ctx.user),
  teams: teamsRouter,
  attempts: attemptsRouter,
  callbacks: callbacksRouter,
  prospects: prospectsRouter,
  scripts: scriptsRouter,
  leaderboard: leaderboardRouter,
  imports: importsRouter,
  takes: takesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
