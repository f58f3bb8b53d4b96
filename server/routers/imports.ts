import { callImportInput, importInput } from "@/lib/inputs/imports";
import { importCallsFromPage } from "@/server/services/call-imports";
import { importFile } from "@/server/services/imports";
import { createTRPCRouter, managerProcedure } from "@/server/trpc";

/** The page lists at most this many bad rows; the summary still counts them all. */
const ERROR_LIMIT = 500;

export const importsRouter = createTRPCRouter({
  run: managerProcedure.input(importInput).mutation(({ ctx, input }) => importFile(ctx.db, ctx.actor, input, { errorLimit: ERROR_LIMIT })),
  calls: managerProcedure.input(callImportInput).mutation(({ ctx, input }) => importCallsFromPage(ctx.db, ctx.actor, input, ERROR_LIMIT)),
});
