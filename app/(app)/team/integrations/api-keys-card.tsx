"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Button, Card, ErrorText, Field, Input, Select } from "@/app/_components/ui";
import { createApiKeyInput, type CreateApiKeyInput } from "@/lib/inputs/api-keys";
import { NewKey } from "./new-key";
import { RevokeKeyDialog, type RevocableKey } from "./revoke-key-dialog";

const when = (d: Date | null) => (d ? new Date(d).toLocaleString() : "never");

/** Create, list and revoke the team's API keys; a new key is shown once, here, and never again. */
export function ApiKeysCard({ canMakeOwnerKeys }: { canMakeOwnerKeys: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: keys } = useSuspenseQuery(trpc.apiKeys.list.queryOptions());
  const [revoking, setRevoking] = useState<RevocableKey | null>(null);
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeyInput), defaultValues: { name: "", role: "rep" } });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async () => {
        form.reset({ name: "", role: "rep" });
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );
  return (
    <Card title="API keys" description="A key acts as you, with the role you give it (never more than yours). A rep key can log only your own dials.">
      <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="flex flex-col gap-4 sm:flex-row sm:items-end" noValidate>
        <div className="flex-1">
          <Field id="api-key-name" label="Key name" error={form.formState.errors.name?.message}>
            <Input id="api-key-name" autoComplete="off" placeholder="e.g. Aircall sync" {...form.register("name")} />
          </Field>
        </div>
        <Field id="api-key-role" label="Key role">
          <Select id="api-key-role" {...form.register("role")}>
            <option value="rep">Rep</option>
            <option value="manager">Manager</option>
            {canMakeOwnerKeys && <option value="owner">Owner</option>}
          </Select>
        </Field>
        <Button type="submit" disabled={create.isPending}>
          Create key
        </Button>
      </form>
      <ErrorText>{create.error?.message}</ErrorText>
      {create.data && <NewKey name={create.data.name} secret={create.data.key} />}
      {keys.length === 0 ? (
        <p className="mt-5 text-sm text-muted">No keys yet.</p>
      ) : (
        <ul aria-label="API keys" className="mt-5 divide-y divide-border text-sm">
          {keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0">
                <code className="font-mono">{k.prefix}…</code> <bdi className="font-medium">{k.name}</bdi> <Badge>{k.role}</Badge>
                <span className="block text-xs text-muted">
                  by <bdi>{k.createdByName}</bdi> · last used {when(k.lastUsedAt)}
                </span>
              </span>
              {k.revokedAt ? (
                <Badge tone="warn">Revoked</Badge>
              ) : (
                <Button variant="ghost" className="h-8" aria-label={`Revoke key ${k.name}`} onClick={() => setRevoking({ id: k.id, name: k.name, prefix: k.prefix })}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoking && <RevokeKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />}
    </Card>
  );
}
