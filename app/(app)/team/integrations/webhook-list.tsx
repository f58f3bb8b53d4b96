"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Button, ErrorText, Field, Input } from "@/app/_components/ui";
import { PASTED_SECRET, replaceSecretInput, WEBHOOK_PROVIDER_LABELS } from "@/lib/inputs/integrations";
import type { AppRouter } from "@/server/routers/_app";
import { ShownOnce, WebhookUrl } from "./webhook-url";

type Integration = inferRouterOutputs<AppRouter>["integrations"]["list"][number];

const whenFormat: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };

export function WebhookList({ integrations }: { integrations: Integration[] }) {
  if (!integrations.length) return <p className="mt-5 text-sm text-muted">No webhooks yet. Connect your phone system above.</p>;
  return (
    <ul className="mt-5 flex flex-col divide-y divide-border border-t border-border" aria-label="Connected webhooks">
      {integrations.map((i) => (
        <WebhookRow key={i.id} integration={i} />
      ))}
    </ul>
  );
}

function WebhookRow({ integration: i }: { integration: Integration }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [replacing, setReplacing] = useState(false);
  const [token, setToken] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
  const revoke = useMutation(trpc.integrations.revoke.mutationOptions({ onSuccess: refresh }));
  const replace = useMutation(
    trpc.integrations.replaceSecret.mutationOptions({
      onSuccess: async () => {
        setReplacing(false);
        setToken("");
        await refresh();
      },
    }),
  );
  const pasted = PASTED_SECRET[i.provider];
  const label = WEBHOOK_PROVIDER_LABELS[i.provider];
  const tokenCheck = replaceSecretInput.shape.secret.safeParse(token);
  const live = i.revokedAt === null;

  return (
    <li className="flex flex-col gap-3 py-4" aria-label={`${label}: ${i.name}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">
          <bdi>{i.name}</bdi>
        </span>
        <Badge tone={live ? "accent" : "neutral"}>{label}</Badge>
        {!live && <Badge tone="warn">Revoked</Badge>}
        <span className="text-xs text-faint">
          by <bdi>{i.createdBy}</bdi> · {i.lastEventAt ? `last call ${i.lastEventAt.toLocaleString([], whenFormat)}` : "no calls yet"}
        </span>
      </div>
      {live && <WebhookUrl id={`url-${i.id}`} label={`Webhook URL for ${i.name}`} url={i.url} />}
      {replace.data?.secret && <ShownOnce id={`secret-${i.id}`} secret={replace.data.secret} />}
      {live && replacing && pasted && (
        <form
          className="flex flex-col gap-2"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (tokenCheck.success) replace.mutate({ id: i.id, secret: token });
          }}
        >
          <Field id={`new-token-${i.id}`} label={`New ${pasted.label.toLowerCase()} for ${i.name}`} error={token && !tokenCheck.success ? tokenCheck.error.issues[0]?.message : undefined}>
            <Input id={`new-token-${i.id}`} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={replace.isPending || !tokenCheck.success}>
              Save token
            </Button>
            <Button type="button" variant="secondary" onClick={() => setReplacing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <ErrorText>{revoke.error?.message ?? replace.error?.message}</ErrorText>
      {live && !replacing && (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" disabled={replace.isPending} onClick={() => (pasted ? setReplacing(true) : replace.mutate({ id: i.id }))} aria-label={`${pasted ? `Replace the ${pasted.label.toLowerCase()}` : "Generate a new signing secret"} of ${i.name}`}>
            {pasted ? `Replace ${pasted.label.toLowerCase()}` : "New signing secret"}
          </Button>
          <Button type="button" variant="secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: i.id })} aria-label={`Revoke ${i.name}`}>
            Revoke
          </Button>
        </div>
      )}
    </li>
  );
}
