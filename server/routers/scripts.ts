import {
  compareScriptsInput,
  createScriptInput,
  forkScriptInput,
  libraryInput,
  previewScriptInput,
  scriptIdInput,
  setArchivedInput,
  setSharedInput,
  setTeamPickInput,
  updateScriptInput,
} from "@/lib/inputs/scripts";
import { compareWith, getScript, listLibrary } from "@/server/services/script-evidence";
import {
  createScript,
  deleteDraft,
  forkScript,
  libraryAuthors,
  libraryTags,
  listPickableScripts,
  listScriptOptions,
  previewScript,
  restoreDraft,
  setArchived,
  setShared,
  setTeamPick,
  updateScript,
} from "@/server/services/scripts";
import { createTRPCRouter, managerProcedure, memberProcedure } from "@/server/trpc";

export const scriptsRouter = createTRPCRouter({
  pickable: memberProcedure.query(({ ctx }) => listPickableScripts(ctx.db, ctx.actor)),
  options: memberProcedure.query(({ ctx }) => listScriptOptions(ctx.db, ctx.actor)),
  library: memberProcedure.input(libraryInput).query(({ ctx, input }) => listLibrary(ctx.db, ctx.actor, input)),
  facets: memberProcedure.query(async ({ ctx }) => ({ authors: await libraryAuthors(ctx.db, ctx.actor), tags: await libraryTags(ctx.db, ctx.actor) })),
  get: memberProcedure.input(scriptIdInput).query(({ ctx, input }) => getScript(ctx.db, ctx.actor, input)),
  compare: memberProcedure.input(compareScriptsInput).query(({ ctx, input }) => compareWith(ctx.db, ctx.actor, input)),
  preview: memberProcedure.input(previewScriptInput).query(({ ctx, input }) => previewScript(ctx.db, ctx.actor, input)),
  create: memberProcedure.input(createScriptInput).mutation(({ ctx, input }) => createScript(ctx.db, ctx.actor, input)),
  update: memberProcedure.input(updateScriptInput).mutation(({ ctx, input }) => updateScript(ctx.db, ctx.actor, input)),
  setShared: memberProcedure.input(setSharedInput).mutation(({ ctx, input }) => setShared(ctx.db, ctx.actor, input)),
  fork: memberProcedure.input(forkScriptInput).mutation(({ ctx, input }) => forkScript(ctx.db, ctx.actor, input)),
  deleteDraft: memberProcedure.input(scriptIdInput).mutation(({ ctx, input }) => deleteDraft(ctx.db, ctx.actor, input)),
  restoreDraft: memberProcedure.input(scriptIdInput).mutation(({ ctx, input }) => restoreDraft(ctx.db, ctx.actor, input)),
  setArchived: managerProcedure.input(setArchivedInput).mutation(({ ctx, input }) => setArchived(ctx.db, ctx.actor, input)),
  setTeamPick: managerProcedure.input(setTeamPickInput).mutation(({ ctx, input }) => setTeamPick(ctx.db, ctx.actor, input)),
});
