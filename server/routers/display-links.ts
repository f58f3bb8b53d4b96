import { z } from "zod";
import { id, shortText } from "@/lib/inputs/fields";
import { createDisplayLink, listDisplayLinks, revokeDisplayLink } from "@/server/services/display-links";
import { createTRPCRouter, managerProcedure } from "@/server/trpc";

export const displayLinksRouter = createTRPCRouter({
  list: managerProcedure.query(({ ctx }) => listDisplayLinks(ctx.db, ctx.actor)),
  create: managerProcedure
    .input(z.object({ name: shortText.min(1, "Name the display, e.g. Sales floor TV.") }))
    .mutation(({ ctx, input }) => createDisplayLink(ctx.db, ctx.actor, input)),
  revoke: managerProcedure.input(z.object({ id: id.max(Number.MAX_SAFE_INTEGER) })).mutation(({ ctx, input }) => revokeDisplayLink(ctx.db, ctx.actor, input.id)),
});
