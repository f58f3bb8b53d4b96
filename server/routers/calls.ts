import { z } from "zod";
import { logAttemptInput, logCallbackInput } from "@/lib/inputs/calls";
import { listMyAttempts, logAttempt } from "@/server/services/attempts";
import { logCallback } from "@/server/services/callbacks";
import { searchProspects } from "@/server/services/prospects";
import { createTRPCRouter, memberProcedure } from "@/server/trpc";

export const attemptsRouter = createTRPCRouter({
  log: memberProcedure.input(logAttemptInput).mutation(({ ctx, input }) => logAttempt(ctx.db, ctx.actor, input)),
  mine: memberProcedure
    .input(z.object({ since: z.coerce.date() }))
    .query(({ ctx, input }) => listMyAttempts(ctx.db, ctx.actor, input.since)),
});

export const callbacksRouter = createTRPCRouter({
  log: memberProcedure.input(logCallbackInput).mutation(({ ctx, input }) => logCallback(ctx.db, ctx.actor, input)),
});

export const prospectsRouter = createTRPCRouter({
  search: memberProcedure
    .input(z.object({ query: z.string().max(100) }))
    .query(({ ctx, input }) => searchProspects(ctx.db, ctx.actor, input.query)),
});
