import { firstRunSteps } from "@/server/services/first-run";
import { createTRPCRouter, memberProcedure } from "@/server/trpc";

export const firstRunRouter = createTRPCRouter({
  steps: memberProcedure.query(({ ctx }) => firstRunSteps(ctx.db, ctx.actor)),
});
