"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Button, ErrorText } from "@/app/_components/ui";
import type { Role } from "@/lib/vocabulary";

export const inviteLink = (id: string) => `${window.location.origin}/invite/${id}`;

type Pending = { id: string; email: string; role: Role };

/** Pending invites: the link again, for whoever lost it, or revoked so it no longer works. */
export function PendingInvites({ pending }: { pending: Pending[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [copied, setCopied] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.teams.revokeInvite.mutationOptions({
      onSuccess: (_, { inviteId }) => {
        setRevoked(pending.find((p) => p.id === inviteId)?.email ?? null);
        void queryClient.invalidateQueries({ queryKey: trpc.teams.invites.queryKey() });
      },
    }),
  );
  if (pending.length === 0 && !revoked) return null;
  return (
    <div className="mt-5">
      <h3 className="text-xs font-medium text-faint">Pending invites</h3>
      {revoked && (
        <p role="status" className="mt-2 text-sm text-muted">
          The invite for {revoked} no longer works.
        </p>
      )}
      {pending.length > 0 && (
        <ul aria-label="Pending invites" className="mt-2 divide-y divide-border text-sm">
          {pending.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
              <span className="min-w-0 break-all">
                {p.email} <span className="text-muted">· {p.role}</span>
              </span>
              <span className="flex gap-1">
                <Button
                  variant="ghost"
                  className="h-8"
                  aria-label={`Copy the link again for ${p.email}`}
                  onClick={async () => {
                    await navigator.clipboard?.writeText(inviteLink(p.id)).catch(() => undefined);
                    setCopied(p.id);
                  }}
                >
                  {copied === p.id ? "Copied" : "Copy link"}
                </Button>
                <Button variant="ghost" className="h-8" aria-label={`Revoke invite for ${p.email}`} disabled={revoke.isPending} onClick={() => revoke.mutate({ inviteId: p.id })}>
                  Revoke
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ErrorText>{revoke.error?.message}</ErrorText>
    </div>
  );
}
