import { z } from "zod";
import { hasControlCharacters } from "./fields";

// Telephony webhooks (Live issue): the providers a team can connect, and the inputs of the
// integration procedures. No drizzle import: the Integrations panel reads these too.

export const WEBHOOK_PROVIDERS = ["twilio", "aircall", "ringback"] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

export const WEBHOOK_PROVIDER_LABELS: Record<WebhookProvider, string> = { twilio: "Twilio", aircall: "Aircall", ringback: "Signed webhook" };

/** The secret a manager pastes, by provider, and where it is found; null: Ringback generates it. */
export const PASTED_SECRET: Record<WebhookProvider, { label: string; where: string } | null> = {
  twilio: { label: "Auth token", where: "Twilio Console → Account → API keys & tokens → Auth token" },
  aircall: { label: "Webhook token", where: "Aircall Dashboard → Integrations & API → Webhooks → your webhook's token" },
  ringback: null,
};

/** A pasted auth token or webhook token: printable, no spaces inside. */
const secret = z
  .string()
  .trim()
  .min(8, "Paste the whole token (at least 8 characters).")
  .max(200, "At most 200 characters.")
  .refine((s) => !/\s/.test(s) && !hasControlCharacters(s), "A token has no spaces or control characters.");

const integrationName = z.string().trim().min(1, "Give it a name.").max(80, "At most 80 characters.").refine((s) => !hasControlCharacters(s), "Contains control characters.");

export const integrationId = z.string().trim().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/, "Not an integration id.");

export const createIntegrationInput = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("twilio"), name: integrationName, secret }),
  z.object({ provider: z.literal("aircall"), name: integrationName, secret }),
  z.object({ provider: z.literal("ringback"), name: integrationName }),
]);
export type CreateIntegrationInput = z.infer<typeof createIntegrationInput>;

/** A new pasted token for Twilio or Aircall; for the signed webhook, a new generated secret (no `secret`). */
export const replaceSecretInput = z.object({ id: integrationId, secret: secret.optional() });
export type ReplaceSecretInput = z.infer<typeof replaceSecretInput>;

export const integrationIdInput = z.object({ id: integrationId });
