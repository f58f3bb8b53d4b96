import { createIntegrationInput, integrationIdInput, replaceSecretInput } from "@/lib/inputs/integrations";
import { createIntegration, listIntegrations, replaceIntegrationSecret, revokeIntegration } from "@/server/services/integrations";
import { createTRPCRouter, managerProcedure } from "@/server/trpc";

// Telephony webhooks' settings (Team → Integrations). The receivers are HTTP routes (app/api/v1/webhooks).
export const integrationsRouter = createTRPCRouter({
  list: managerProcedure.query(({ ctx }) => listIntegrations(ctx.db, ctx.actor)),
  create: managerProcedure.input(createIntegrationInput).mutation(({ ctx, input }) => createIntegration(ctx.db, ctx.actor, input)),
  replaceSecret: managerProcedure.input(replaceSecretInput).mutation(({ ctx, input }) => replaceIntegrationSecret(ctx.db, ctx.actor, input)),
  revoke: managerProcedure.input(integrationIdInput).mutation(({ ctx, input }) => revokeIntegration(ctx.db, ctx.actor, input)),
});
