"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input } from "@/app/_components/ui";

/**
 * Sales floor display links: the leaderboard full-screen on a wall display, opened without a
 * session. A link is shown once, when made (only its hash is kept), and works until revoked.
 */
export function DisplayLinks() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("Sales floor TV");
  const [made, setMade] = useState<{ name: string; url: string } | null>(null);
  const links = useQuery(trpc.displayLinks.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.displayLinks.list.queryKey() });
  const create = useMutation(
    trpc.displayLinks.create.mutationOptions({
      onSuccess: (link) => {
        setMade({ name: link.name, url: `${window.location.origin}${link.path}` });
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.displayLinks.revoke.mutationOptions({ onSuccess: () => void refresh() }));
  return (
    <Card title="Sales floor displays" description="A read-only, live leaderboard for a screen on the wall. Anyone with the link sees the board; revoke it when the screen goes.">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name });
        }}
      >
        <div className="min-w-48 flex-1">
          <Field id="display-link-name" label="Display name">
            <Input id="display-link-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </Field>
        </div>
        <Button type="submit" disabled={create.isPending}>
          Create display link
        </Button>
      </form>
      {create.error && <ErrorText>{create.error.message}</ErrorText>}
      {made && (
        <div className="mt-3 text-sm">
          <label htmlFor="display-link-made" className="text-muted">
            Display link for {made.name} (shown once: open it on the display now, or copy it)
          </label>
          <Input id="display-link-made" readOnly value={made.url} onFocus={(e) => e.target.select()} className="mt-1" />
        </div>
      )}
      {links.data && links.data.length > 0 && (
        <ul aria-label="Display links" className="mt-4 divide-y divide-border text-sm">
          {links.data.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
              <span className="min-w-0 break-words">
                {l.name} <span className="text-muted">· made by {l.createdBy}</span>
              </span>
              <Button variant="ghost" className="h-8" aria-label={`Revoke display link ${l.name}`} disabled={revoke.isPending} onClick={() => revoke.mutate({ id: l.id })}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
      {revoke.error && <ErrorText>{revoke.error.message}</ErrorText>}
    </Card>
  );
}
