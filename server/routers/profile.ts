import { profileInput } from "@/lib/inputs/profile";
import { getProfile, updateProfile } from "@/server/services/profile";
import { createTRPCRouter, memberProcedure } from "@/server/trpc";

export const profileRouter = createTRPCRouter({
  get: memberProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.actor)),
  update: memberProcedure.input(profileInput).mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
});
