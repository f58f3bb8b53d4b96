"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { Pencil, Trash2 } from "lucide-react";
import { IntentLink } from "@/app/_components/intent-link";
import { useState } from "react";
import { clockTime } from "@/app/_components/local-time";
import { Badge, Button, Card, ErrorText } from "@/app/_components/ui";
import { useCallsInvalidation } from "@/app/_components/use-calls-invalidation";
import { useTRPC } from "@/app/_trpc/client";
import { OUTCOME_LABELS } from "@/lib/vocabulary";
import { EditDialDialog, type EditableDial } from "./edit-dial-dialog";

export function TodaysDials() {
  const trpc = useTRPC();
  const invalidate = useCallsInvalidation();
  const { data } = useSuspenseQuery(trpc.attempts.today.queryOptions());
  const [editing, setEditing] = useState<EditableDial | null>(null);
  const [justDeleted, setJustDeleted] = useState<{ id: number; name: string } | null>(null);
  const remove = useMutation(trpc.attempts.remove.mutationOptions({ onSuccess: invalidate }));
  const restore = useMutation(trpc.attempts.restore.mutationOptions({ onSuccess: invalidate }));

  const undo = (id: number) => restore.mutate({ id }, { onSuccess: () => setJustDeleted(null) });
  // The notice lasts while that dial is still deleted: restored from the list below, it goes too.
  const undoable = justDeleted && data.deleted.some((d) => d.id === justDeleted.id) ? justDeleted : null;

  return (
    <Card title="Today's dials" description="Newest first. Deleting is undoable.">
      {undoable && (
        <div role="status" className="mb-3 flex items-center justify-between gap-3 rounded-md bg-surface-2 px-3 py-2 text-sm">
          <span>Dial to {undoable.name} deleted.</span>
          <Button variant="secondary" className="h-8" onClick={() => undo(undoable.id)} disabled={restore.isPending}>
            Undo
          </Button>
        </div>
      )}
      <ErrorText>{remove.error?.message ?? restore.error?.message}</ErrorText>
      {data.dials.length === 0 ? (
        <p className="text-sm text-muted">No dials yet today.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Today&apos;s dials, newest first</caption>
          <thead className="text-left text-xs text-faint">
            <tr>
              <th className="pb-2 font-medium">Time</th>
              <th className="pb-2 font-medium">Prospect</th>
              <th className="pb-2 font-medium">Outcome</th>
              <th className="hidden pb-2 font-medium sm:table-cell">Script</th>
              <th className="pb-2 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {data.dials.map((d) => (
              <tr key={d.id}>
                <td className="tabular py-2 pr-2 align-top whitespace-nowrap text-muted" suppressHydrationWarning>{clockTime(d.at)}</td>
                <td className="py-2 pr-2 align-top">
                  <IntentLink href={`/prospects/${d.prospectId}`} className="hover:underline">
                    {d.prospectName}
                  </IntentLink>
                  {d.notes && <span className="block text-xs text-faint">{d.notes}</span>}
                  {d.scriptTitle && <span className="block text-xs text-muted sm:hidden">{d.scriptTitle}</span>}
                </td>
                <td className="py-2 pr-2 align-top">
                  <span className="flex flex-wrap gap-1">
                    <Badge tone={d.outcome === "voicemail" ? "accent" : "neutral"}>
                      {OUTCOME_LABELS[d.outcome]}
                      {d.voicemailNumber ? ` #${d.voicemailNumber}` : ""}
                    </Badge>
                    {d.returnedAt && <Badge tone="good">Returned</Badge>}
                  </span>
                </td>
                <td className="hidden py-2 pr-2 align-top text-muted sm:table-cell">
                  {d.scriptTitle ?? "—"}
                  {d.messageSeconds ? <span className="tabular text-faint"> · {d.messageSeconds}s</span> : null}
                </td>
                <td className="py-1 text-right align-top whitespace-nowrap">
                  <button
                    type="button"
                    aria-label={`Edit dial to ${d.prospectName} at ${clockTime(d.at)}`}
                    suppressHydrationWarning
                    className="rounded p-2 text-muted hover:bg-surface-2 hover:text-text"
                    onClick={() => setEditing({ ...d, scriptId: d.scriptId ?? null })}
                  >
                    <Pencil aria-hidden className="size-4" />
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete dial to ${d.prospectName} at ${clockTime(d.at)}`}
                    suppressHydrationWarning
                    className="rounded p-2 text-muted hover:bg-surface-2 hover:text-bad"
                    onClick={() => remove.mutate({ id: d.id }, { onSuccess: () => setJustDeleted({ id: d.id, name: d.prospectName }) })}
                  >
                    <Trash2 aria-hidden className="size-4" />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.deleted.length > 0 && (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer text-muted">Deleted today ({data.deleted.length})</summary>
          <ul className="mt-2 divide-y divide-border">
            {data.deleted.map((d) => (
              <li key={d.id} className="flex items-center justify-between gap-3 py-1.5">
                <span className="text-muted line-through">
                  <span className="tabular" suppressHydrationWarning>{clockTime(d.at)}</span> {d.prospectName} · {OUTCOME_LABELS[d.outcome]}
                </span>
                <Button variant="ghost" className="h-8" suppressHydrationWarning onClick={() => restore.mutate({ id: d.id })} aria-label={`Restore dial to ${d.prospectName} at ${clockTime(d.at)}`}>
                  Restore
                </Button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {editing && <EditDialDialog dial={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
