import { z } from "zod";
import { callbackCursor, callbacksCreditedToMe } from "@/server/services/callback-notices";
import { createTRPCRouter, memberProcedure } from "@/server/trpc";

export const liveRouter = createTRPCRouter({
  callbackCursor: memberProcedure.query(({ ctx }) => callbackCursor(ctx.db, ctx.actor)),
  /** Callbacks credited to the caller's voicemails after `afterId` (a cursor), logged by anyone else. */
  creditedToMe: memberProcedure
    .input(z.object({ afterId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }))
    .query(({ ctx, input }) => callbacksCreditedToMe(ctx.db, ctx.actor, input.afterId)),
});
