import { z } from "zod";
import {
  attemptIdInput,
  awaitingCallbackInput,
  callbackIdInput,
  callbackPreviewInput,
  dialContextInput,
  logAttemptInput,
  logCallbackInput,
  mergeProspectsInput,
  undoMergeInput,
  prospectListInput,
  updateAttemptInput,
  updateCallbackInput,
  updateProspectInput,
} from "@/lib/inputs/calls";
import { instant } from "@/lib/inputs/fields";
import { listMyAttempts, logAttempt, removeAttempt, restoreAttempt, todaysDials, updateAttempt } from "@/server/services/attempts";
import { logCallback, previewCallback, removeCallback, restoreCallback, updateCallback } from "@/server/services/callbacks";
import { awaitingCallback, dialContext, listProspects, prospectDetail, searchProspects, updateProspect } from "@/server/services/prospects";
import { mergeProspects, undoMerge } from "@/server/services/prospect-merge";
import { listMerges } from "@/server/services/prospect-merge-trail";
import { createTRPCRouter, managerProcedure, memberProcedure } from "@/server/trpc";

export const attemptsRouter = createTRPCRouter({
  log: memberProcedure.input(logAttemptInput).mutation(({ ctx, input }) => logAttempt(ctx.db, ctx.actor, input)),
  mine: memberProcedure
    .input(z.object({ since: instant }))
    .query(({ ctx, input }) => listMyAttempts(ctx.db, ctx.actor, input.since)),
  today: memberProcedure.query(({ ctx }) => todaysDials(ctx.db, ctx.actor)),
  update: memberProcedure.input(updateAttemptInput).mutation(({ ctx, input }) => updateAttempt(ctx.db, ctx.actor, input)),
  remove: memberProcedure.input(attemptIdInput).mutation(({ ctx, input }) => removeAttempt(ctx.db, ctx.actor, input.id)),
  restore: memberProcedure.input(attemptIdInput).mutation(({ ctx, input }) => restoreAttempt(ctx.db, ctx.actor, input.id)),
});

export const callbacksRouter = createTRPCRouter({
  log: memberProcedure.input(logCallbackInput).mutation(({ ctx, input }) => logCallback(ctx.db, ctx.actor, input)),
  preview: memberProcedure.input(callbackPreviewInput).query(({ ctx, input }) => previewCallback(ctx.db, ctx.actor, input)),
  update: memberProcedure.input(updateCallbackInput).mutation(({ ctx, input }) => updateCallback(ctx.db, ctx.actor, input)),
  remove: memberProcedure.input(callbackIdInput).mutation(({ ctx, input }) => removeCallback(ctx.db, ctx.actor, input.id)),
  restore: memberProcedure.input(callbackIdInput).mutation(({ ctx, input }) => restoreCallback(ctx.db, ctx.actor, input.id)),
});

export const prospectsRouter = createTRPCRouter({
  search: memberProcedure
    .input(z.object({ query: z.string().max(100) }))
    .query(({ ctx, input }) => searchProspects(ctx.db, ctx.actor, input.query)),
  list: memberProcedure.input(prospectListInput).query(({ ctx, input }) => listProspects(ctx.db, ctx.actor, input)),
  get: memberProcedure.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => prospectDetail(ctx.db, ctx.actor, input.id)),
  update: memberProcedure.input(updateProspectInput).mutation(({ ctx, input }) => updateProspect(ctx.db, ctx.actor, input)),
  merge: managerProcedure.input(mergeProspectsInput).mutation(({ ctx, input }) => mergeProspects(ctx.db, ctx.actor, input)),
  undoMerge: managerProcedure.input(undoMergeInput).mutation(({ ctx, input }) => undoMerge(ctx.db, ctx.actor, input.mergeId)),
  merges: managerProcedure.query(({ ctx }) => listMerges(ctx.db, ctx.actor)),
  awaitingCallback: memberProcedure.input(awaitingCallbackInput.optional()).query(({ ctx, input }) => awaitingCallback(ctx.db, ctx.actor, input)),
  dialContext: memberProcedure.input(dialContextInput).query(({ ctx, input }) => dialContext(ctx.db, ctx.actor, input)),
});
