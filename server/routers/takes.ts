import { commentOnTakeInput, setReferenceTakeInput, setTakeSharedInput, takeIdInput, takesForScriptInput, useMeasuredRateInput } from "@/lib/inputs/takes";
import { commentOnTake, removeTake, setReferenceTake, setTakeShared, takesForScript, useMeasuredRate } from "@/server/services/takes";
import { createTRPCRouter, managerProcedure, memberProcedure } from "@/server/trpc";

// Rehearsal takes. Uploading and listening are HTTP routes (app/api/takes), since the audio is bytes, not JSON.
export const takesRouter = createTRPCRouter({
  forScript: memberProcedure.input(takesForScriptInput).query(({ ctx, input }) => takesForScript(ctx.db, ctx.actor, input)),
  remove: memberProcedure.input(takeIdInput).mutation(({ ctx, input }) => removeTake(ctx.db, ctx.actor, input)),
  setShared: memberProcedure.input(setTakeSharedInput).mutation(({ ctx, input }) => setTakeShared(ctx.db, ctx.actor, input)),
  setReference: memberProcedure.input(setReferenceTakeInput).mutation(({ ctx, input }) => setReferenceTake(ctx.db, ctx.actor, input)),
  comment: managerProcedure.input(commentOnTakeInput).mutation(({ ctx, input }) => commentOnTake(ctx.db, ctx.actor, input)),
  useMeasuredRate: memberProcedure.input(useMeasuredRateInput).mutation(({ ctx, input }) => useMeasuredRate(ctx.db, ctx.actor, input)),
});
