import { experimentIdInput, planExperimentInput, startExperimentInput } from "@/lib/inputs/experiments";
import { endExperiment, experimentDetail, listExperiments, planExperiment, startExperiment } from "@/server/services/experiments";
import { createTRPCRouter, managerProcedure } from "@/server/trpc";

export const experimentsRouter = createTRPCRouter({
  list: managerProcedure.query(({ ctx }) => listExperiments(ctx.db, ctx.actor)),
  get: managerProcedure.input(experimentIdInput).query(({ ctx, input }) => experimentDetail(ctx.db, ctx.actor, input.id)),
  plan: managerProcedure.input(planExperimentInput).query(({ ctx, input }) => planExperiment(ctx.db, ctx.actor, input)),
  start: managerProcedure.input(startExperimentInput).mutation(({ ctx, input }) => startExperiment(ctx.db, ctx.actor, input)),
  end: managerProcedure.input(experimentIdInput).mutation(({ ctx, input }) => endExperiment(ctx.db, ctx.actor, input.id)),
});
