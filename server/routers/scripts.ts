import { createScriptInput } from "@/lib/inputs/scripts";
import { createScript, listPickableScripts } from "@/server/services/scripts";
import { createTRPCRouter, memberProcedure } from "@/server/trpc";

export const scriptsRouter = createTRPCRouter({
  pickable: memberProcedure.query(({ ctx }) => listPickableScripts(ctx.db, ctx.actor)),
  create: memberProcedure.input(createScriptInput).mutation(({ ctx, input }) => createScript(ctx.db, ctx.actor, input)),
});
