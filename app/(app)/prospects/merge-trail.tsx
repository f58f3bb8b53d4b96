"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { IntentLink } from "@/app/_components/intent-link";
import { useState } from "react";
import { Card, ErrorText } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { MERGE_UNDO_DAYS } from "@/lib/vocabulary";
import { MergeUndoButton } from "./merge-undo-button";

const whenFormat: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };
const count = (n: number | null, one: string) => (n === null ? null : `${n} ${one}${n === 1 ? "" : "s"}`);

/** The team's prospect merges, newest first, like the role trail: who merged whom, what moved, what was undone. */
export function MergeTrail() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.prospects.merges.queryOptions());
  const [error, setError] = useState<string | null>(null);
  if (data.length === 0) return null;
  return (
    <Card title="Merges" description={`The latest ${data.length === 1 ? "merge" : `${data.length} merges`}, newest first. A merge can be undone for ${MERGE_UNDO_DAYS} days.`}>
      <ErrorText>{error}</ErrorText>
      <ul aria-label="Merges" className="divide-y divide-border text-sm">
        {data.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2">
            <span className="min-w-0">
              <bdi className="font-medium">{m.duplicateName}</bdi> into{" "}
              {m.undoneAt ? (
                <bdi className="font-medium">{m.keptName}</bdi>
              ) : (
                <IntentLink href={`/prospects/${m.keptId}`} className="font-medium underline">
                  <bdi>{m.keptName}</bdi>
                </IntentLink>
              )}
              <span className="text-muted">
                {" "}
                · {[count(m.attempts, "dial"), count(m.callbacks, "callback")].filter(Boolean).join(", ")} · by <bdi>{m.byName}</bdi>
              </span>
              {m.undoneAt && (
                <span className="text-muted">
                  {" "}
                  · undone{m.undoneByName ? <> by <bdi>{m.undoneByName}</bdi></> : null}
                </span>
              )}{" "}
              {/* The server renders in its own zone; the browser's wall clock is the one to show. */}
              <time dateTime={m.at.toISOString()} className="text-xs text-muted" suppressHydrationWarning>
                {m.at.toLocaleString([], whenFormat)}
              </time>
            </span>
            {m.undoable && <MergeUndoButton mergeId={m.id} label={`Undo the merge of ${m.duplicateName} into ${m.keptName}`} onUndone={() => setError(null)} onError={setError} />}
          </li>
        ))}
      </ul>
    </Card>
  );
}
