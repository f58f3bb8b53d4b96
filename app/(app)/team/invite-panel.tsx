"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input, Select } from "@/app/_components/ui";
import { inviteInput, type InviteInput } from "@/lib/inputs/teams";
import { inviteLink, PendingInvites } from "./pending-invites";


export function InvitePanel({ canInviteOwner }: { canInviteOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: pending } = useSuspenseQuery(trpc.teams.invites.queryOptions());
  const [copied, setCopied] = useState(false);
  const form = useForm<InviteInput>({ resolver: zodResolver(inviteInput), defaultValues: { email: "", role: "rep" } });
  const invite = useMutation(
    trpc.teams.invite.mutationOptions({
      onSuccess: async () => {
        form.reset({ email: "", role: "rep" });
        setCopied(false);
        await queryClient.invalidateQueries({ queryKey: trpc.teams.invites.queryKey() });
      },
    }),
  );
  const link = invite.data ? inviteLink(invite.data.id) : null;

  return (
    <Card title="Invite a teammate" description="No email is sent: share the link yourself. It works once, for 7 days.">
      <form onSubmit={form.handleSubmit((v) => invite.mutate(v))} className="flex flex-col gap-4" noValidate>
        <Field id="invite-email" label="Email" error={form.formState.errors.email?.message}>
          <Input id="invite-email" type="email" autoComplete="off" {...form.register("email")} />
        </Field>
        <Field id="invite-role" label="Role">
          <Select id="invite-role" {...form.register("role")}>
            <option value="rep">Rep</option>
            <option value="manager">Manager</option>
            {canInviteOwner && <option value="owner">Owner</option>}
          </Select>
        </Field>
        <ErrorText>{invite.error?.message}</ErrorText>
        <Button type="submit" disabled={invite.isPending}>
          Create invite link
        </Button>
      </form>
      {link && (
        <div className="mt-4 flex flex-col gap-2 rounded-md bg-surface-2 p-3">
          <label htmlFor="invite-link" className="text-xs font-medium">
            Invite link for {invite.data?.email}
          </label>
          <Input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <Button
            type="button"
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard?.writeText(link).catch(() => undefined);
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy link"}
          </Button>
        </div>
      )}
      <PendingInvites pending={pending} />
    </Card>
  );
}
