"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Badge, Button, ErrorText } from "@/app/_components/ui";
import { useCallsInvalidation } from "@/app/_components/use-calls-invalidation";
import { useTRPC } from "@/app/_trpc/client";
import { formatMinutes } from "@/lib/format";
import { CALLBACK_RESULT_LABELS, OUTCOME_LABELS } from "@/lib/vocabulary";
import type { AppRouter } from "@/server/routers/_app";
import type { EditableCallback } from "./edit-callback-dialog";

type Detail = inferRouterOutputs<AppRouter>["prospects"]["get"];
type Entry = { kind: "attempt"; at: Date; item: Detail["attempts"][number] } | { kind: "callback"; at: Date; item: Detail["callbacks"][number] };

const when = (d: Date) => d.toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

type Props = { prospect: Detail; onEditCallback: (c: EditableCallback) => void; onEditDial: (a: Detail["attempts"][number]) => void };

export function Timeline({ prospect, onEditCallback, onEditDial }: Props) {
  const trpc = useTRPC();
  const invalidate = useCallsInvalidation();
  const options = { onSuccess: invalidate };
  const removeAttempt = useMutation(trpc.attempts.remove.mutationOptions(options));
  const restoreAttempt = useMutation(trpc.attempts.restore.mutationOptions(options));
  const removeCallback = useMutation(trpc.callbacks.remove.mutationOptions(options));
  const restoreCallback = useMutation(trpc.callbacks.restore.mutationOptions(options));
  const error = [removeAttempt, restoreAttempt, removeCallback, restoreCallback].find((m) => m.error)?.error?.message;

  const entries: Entry[] = [
    ...prospect.attempts.map((a) => ({ kind: "attempt" as const, at: a.at, item: a })),
    ...prospect.callbacks.map((c) => ({ kind: "callback" as const, at: c.at, item: c })),
  ].sort((x, y) => y.at.getTime() - x.at.getTime());

  if (entries.length === 0) return <p className="text-sm text-muted">No dials or callbacks yet.</p>;
  return (
    <>
      <ErrorText>{error}</ErrorText>
      <ol aria-label="Timeline" className="divide-y divide-border">
        {entries.map((e) => {
          const deleted = e.item.deletedAt !== null;
          const label = e.kind === "attempt" ? `dial of ${when(e.at)}` : `callback of ${when(e.at)}`;
          return (
            <li key={`${e.kind}-${e.item.id}`} className={`flex items-start justify-between gap-3 py-3 text-sm ${deleted ? "opacity-60" : ""}`}>
              <div className="min-w-0">
                <p className="tabular text-xs text-faint" suppressHydrationWarning>
                  {when(e.at)}
                  {deleted && " · deleted"}
                </p>
                {e.kind === "attempt" ? <AttemptLine a={e.item} deleted={deleted} /> : <CallbackLine c={e.item} deleted={deleted} />}
                {e.item.notes && <p className="mt-0.5 text-xs text-muted">{e.item.notes}</p>}
              </div>
              {e.item.canChange && (
                <div className="flex shrink-0 gap-1" suppressHydrationWarning>
                  {deleted ? (
                    <Button
                      variant="ghost"
                      className="h-8"
                      aria-label={`Restore ${label}`}
                      onClick={() => (e.kind === "attempt" ? restoreAttempt : restoreCallback).mutate({ id: e.item.id })}
                    >
                      Restore
                    </Button>
                  ) : (
                    <>
                      <Button
                        variant="ghost"
                        className="h-8"
                        aria-label={`Edit ${label}`}
                        onClick={() => (e.kind === "attempt" ? onEditDial(e.item) : onEditCallback(e.item))}
                      >
                        Edit
                      </Button>
                      <Button
                        variant="ghost"
                        className="h-8"
                        aria-label={`Delete ${label}`}
                        onClick={() => (e.kind === "attempt" ? removeAttempt : removeCallback).mutate({ id: e.item.id })}
                      >
                        Delete
                      </Button>
                    </>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function AttemptLine({ a, deleted }: { a: Detail["attempts"][number]; deleted: boolean }) {
  return (
    <p className={`mt-0.5 flex flex-wrap items-center gap-1.5 ${deleted ? "line-through" : ""}`}>
      <bdi className="font-medium">{a.repName}</bdi>
      <Badge tone={a.outcome === "voicemail" ? "accent" : "neutral"}>
        {OUTCOME_LABELS[a.outcome]}
        {a.voicemailNumber ? ` #${a.voicemailNumber}` : ""}
      </Badge>
      {a.scriptTitle && (
        <span className="text-muted">
          “{a.scriptTitle}” v{a.versionNumber}
          {a.messageSeconds ? ` · ${a.messageSeconds}s` : ""}
        </span>
      )}
      {a.minutesToCallback !== null && <Badge tone="good">called back after {formatMinutes(a.minutesToCallback)}</Badge>}
    </p>
  );
}

function CallbackLine({ c, deleted }: { c: Detail["callbacks"][number]; deleted: boolean }) {
  return (
    <p className={`mt-0.5 flex flex-wrap items-center gap-1.5 ${deleted ? "line-through" : ""}`}>
      <span className="font-medium">Callback</span>
      <Badge tone={c.result === "appointment" ? "good" : "neutral"}>{CALLBACK_RESULT_LABELS[c.result]}</Badge>
      <span className="text-muted">
        {c.creditedAttemptId
          ? `credited to ${c.creditedRepName}'s voicemail #${c.creditedVoicemailNumber}, ${formatMinutes(c.minutesAfterVoicemail)} after it`
          : "unattributed"}
        {c.loggedByName ? ` · logged by ${c.loggedByName}` : ""}
      </span>
    </p>
  );
}
