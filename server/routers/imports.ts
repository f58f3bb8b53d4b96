import { callImportInput, importInput } from "@/lib/inputs/imports";
import { runCallImport, runImport } from "@/server/services/import-queue";
import { createTRPCRouter, importProcedure } from "@/server/trpc";

/** The page lists at most this many bad rows; the summary still counts them all. */
const ERROR_LIMIT = 500;

export const importsRouter = createTRPCRouter({
  run: importProcedure.input(importInput).mutation(({ ctx, input }) => runImport(ctx.db, ctx.actor, input, { errorLimit: ERROR_LIMIT })),
  calls: importProcedure.input(callImportInput).mutation(({ ctx, input }) => runCallImport(ctx.db, ctx.actor, input, ERROR_LIMIT)),
});
