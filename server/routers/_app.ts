import { apiKeysRouter } from "./api-keys";
import { attemptsRouter, callbacksRouter, prospectsRouter } from "./calls";
import { displayLinksRouter } from "./display-links";
import { experimentsRouter } from "./experiments";
import { firstRunRouter } from "./first-run";
import { importsRouter } from "./imports";
import { integrationsRouter } from "./integrations";
import { leaderboardRouter } from "./leaderboard";
import { liveRouter } from "./live";
import { profileRouter } from "./profile";
import { scriptsRouter } from "./scripts";
import { takesRouter } from "./takes";
import { teamsRouter } from "./teams";
import { signedInAccount } from "@/server/services/users";
import { authedProcedure, createCallerFactory, createTRPCRouter } from "@/server/trpc";

export const appRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => signedInAccount(ctx.db, ctx.user)),
  teams: teamsRouter,
  profile: profileRouter,
  firstRun: firstRunRouter,
  attempts: attemptsRouter,
  callbacks: callbacksRouter,
  prospects: prospectsRouter,
  scripts: scriptsRouter,
  leaderboard: leaderboardRouter,
  imports: importsRouter,
  experiments: experimentsRouter,
  takes: takesRouter,
  apiKeys: apiKeysRouter,
  integrations: integrationsRouter,
  live: liveRouter,
  displayLinks: displayLinksRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
