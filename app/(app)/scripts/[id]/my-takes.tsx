"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Button, ErrorText } from "@/app/_components/ui";
import { TakePlayer } from "./take-player";
import { tenthSeconds, type TakeRow } from "./take-data";

const when = (d: Date) => new Date(d).toLocaleString(undefined, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });

/** The rep's own takes: play, share, mark as reference read, delete; a manager's note shows on the take. */
export function MyTakes({ takes }: { takes: TakeRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.takes.forScript.pathKey() });
  const share = useMutation(trpc.takes.setShared.mutationOptions({ onSuccess: refresh }));
  const reference = useMutation(trpc.takes.setReference.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.takes.remove.mutationOptions({ onSuccess: refresh }));
  if (!takes.length) return <p className="text-sm text-muted">No takes yet. Record one: you will hear how it sounds and how long it runs.</p>;
  return (
    <div className="flex flex-col gap-2">
      <ul aria-label="Your takes" className="flex flex-col divide-y divide-border">
        {takes.map((t) => {
          const label = `your take of ${when(t.createdAt)}, ${tenthSeconds(t.spokenSeconds)}`;
          return (
            <li key={t.id} aria-label={`Take of ${when(t.createdAt)}`} className="flex flex-col gap-2 py-2.5">
              <div className="flex flex-wrap items-center gap-2">
                <TakePlayer src={t.audioUrl} label={label} />
                <span className="tabular text-sm font-medium">{tenthSeconds(t.spokenSeconds)}</span>
                <span className="text-xs text-muted">
                  v{t.versionNumber} · {when(t.createdAt)}
                </span>
                {t.reference && <Badge tone="accent">reference read</Badge>}
                {t.shared && <Badge tone="good">shared</Badge>}
                <span className="ml-auto flex flex-wrap gap-1.5">
                  <Button variant="secondary" className="h-8 px-2.5 text-xs" aria-pressed={t.shared} onClick={() => share.mutate({ id: t.id, shared: !t.shared })}>
                    {t.shared ? "Unshare" : "Share with the team"}
                  </Button>
                  <Button variant="secondary" className="h-8 px-2.5 text-xs" aria-pressed={t.reference} onClick={() => reference.mutate({ id: t.id, reference: !t.reference })}>
                    {t.reference ? "Unmark reference" : "Mark as reference read"}
                  </Button>
                  <Button variant="danger" className="h-8 px-2.5 text-xs" aria-label={`Delete ${label}`} onClick={() => window.confirm("Delete this take and its recording?") && remove.mutate({ id: t.id })}>
                    Delete
                  </Button>
                </span>
              </div>
              {t.comment && (
                <p className="rounded-md border-l-2 border-accent bg-surface-2 px-3 py-2 text-sm">
                  <span className="font-medium">{t.commentBy ?? "A manager"}:</span> {t.comment}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <ErrorText>{(share.error ?? reference.error ?? remove.error)?.message}</ErrorText>
    </div>
  );
}
