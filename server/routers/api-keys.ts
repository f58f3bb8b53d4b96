import { createApiKeyInput, revokeApiKeyInput } from "@/lib/inputs/api-keys";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/services/api-keys";
import { createTRPCRouter, managerProcedure } from "@/server/trpc";

// Team API keys (Team → Integrations). The REST API they open is app/api/v1.
export const apiKeysRouter = createTRPCRouter({
  list: managerProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.actor)),
  create: managerProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.actor, input)),
  revoke: managerProcedure.input(revokeApiKeyInput).mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.actor, input)),
});
