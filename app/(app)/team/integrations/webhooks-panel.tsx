"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input, Select } from "@/app/_components/ui";
import { createIntegrationInput, PASTED_SECRET, WEBHOOK_PROVIDER_LABELS, WEBHOOK_PROVIDERS, type WebhookProvider } from "@/lib/inputs/integrations";
import { WebhookList } from "./webhook-list";
import { ShownOnce, WebhookUrl } from "./webhook-url";

/** What to do in each provider's console with the URL (and where the secret comes from). */
export const PROVIDER_STEPS: Record<WebhookProvider, string> = {
  twilio: "In Twilio, set this URL as the Status Callback URL of your numbers or TwiML app (method POST, event: completed). Answering-machine detection tells voicemails from connects.",
  aircall: "In Aircall, add a webhook with this URL and the call.ended event, then paste the webhook's token here.",
  ringback: "POST a dial or callback as JSON to this URL, signed X-Ringback-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\"> with the signing secret.",
};

type Form = { provider: WebhookProvider; name: string; secret: string };

export function WebhooksPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: integrations } = useSuspenseQuery(trpc.integrations.list.queryOptions());
  const form = useForm<Form>({ resolver: zodResolver(createIntegrationInput) as never, defaultValues: { provider: "twilio", name: "", secret: "" } });
  const provider = useWatch({ control: form.control, name: "provider" });
  const pasted = PASTED_SECRET[provider];
  const create = useMutation(
    trpc.integrations.create.mutationOptions({
      onSuccess: async (made) => {
        form.reset({ provider: made.provider, name: "", secret: "" });
        await queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
      },
    }),
  );
  const made = create.data;

  return (
    <Card
      title="Telephony webhooks"
      description="Calls your phone system logs arrive by themselves: an outbound call is a dial of the member whose phone (on their profile) or e-mail made it; an inbound call from a prospect is a callback, credited to their latest voicemail."
    >
      <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid gap-4 sm:grid-cols-2" noValidate>
        <Field id="webhook-provider" label="Provider">
          <Select id="webhook-provider" {...form.register("provider")}>
            {WEBHOOK_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {WEBHOOK_PROVIDER_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="webhook-name" label="Name" hint="So you can tell two accounts apart, e.g. “Twilio US numbers”." error={form.formState.errors.name?.message}>
          <Input id="webhook-name" autoComplete="off" {...form.register("name")} />
        </Field>
        {pasted ? (
          <div className="sm:col-span-2">
            <Field id="webhook-secret" label={pasted.label} hint={`Found at ${pasted.where}. It is stored to check each request and never shown again.`} error={form.formState.errors.secret?.message}>
              <Input id="webhook-secret" type="password" autoComplete="off" spellCheck={false} {...form.register("secret")} />
            </Field>
          </div>
        ) : (
          <p className="text-xs text-muted sm:col-span-2">Ringback generates the signing secret and shows it once, when you connect.</p>
        )}
        <div className="flex flex-col gap-2 sm:col-span-2">
          <ErrorText>{create.error?.message}</ErrorText>
          <Button type="submit" disabled={create.isPending} className="sm:self-start">
            Connect {WEBHOOK_PROVIDER_LABELS[provider]}
          </Button>
        </div>
      </form>
      {made && (
        <div className="mt-4 flex flex-col gap-3 rounded-md bg-surface-2 p-3" role="status">
          <p className="text-sm font-medium">
            {WEBHOOK_PROVIDER_LABELS[made.provider]} connected as <bdi>{made.name}</bdi>.
          </p>
          <WebhookUrl id={`made-url-${made.id}`} label={made.provider === "ringback" ? "URL your system posts to" : `URL to paste into ${WEBHOOK_PROVIDER_LABELS[made.provider]}`} url={made.url} />
          <p className="text-xs text-muted">{PROVIDER_STEPS[made.provider]}</p>
          {made.secret && <ShownOnce id={`made-secret-${made.id}`} secret={made.secret} />}
        </div>
      )}
      <WebhookList integrations={integrations} />
    </Card>
  );
}
