"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Button, ErrorText, Input } from "@/app/_components/ui";
import { TakePlayer } from "./take-player";
import { tenthSeconds, type TakeRow } from "./take-data";

/** A manager's short written note on a shared take; the rep sees it on their take. */
function CoachNote({ take }: { take: TakeRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(take.comment ?? "");
  const comment = useMutation(trpc.takes.comment.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.takes.forScript.pathKey() }) }));
  const id = `note-${take.id}`;
  return (
    <form
      className="flex flex-col gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        comment.mutate({ id: take.id, comment: text });
      }}
    >
      <label htmlFor={id} className="text-xs text-muted">
        Note for {take.repName}
      </label>
      <div className="flex gap-2">
        <Input id={id} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} placeholder="e.g. Say the number slower" />
        <Button type="submit" variant="secondary" className="shrink-0 whitespace-nowrap" disabled={comment.isPending}>
          Save note
        </Button>
      </div>
      {comment.isSuccess && !comment.isPending && <span className="text-xs text-muted" role="status">Saved.</span>}
      <ErrorText>{comment.error?.message}</ErrorText>
    </form>
  );
}

export function SharedTakes({ takes, canComment }: { takes: TakeRow[]; canComment: boolean }) {
  if (!takes.length) return <p className="text-sm text-muted">No teammate has shared a take of this script yet.</p>;
  return (
    <ul aria-label="Shared takes" className="flex flex-col divide-y divide-border">
      {takes.map((t) => (
        <li key={t.id} aria-label={`${t.repName}'s take`} className="flex flex-col gap-2 py-2.5">
          <div className="flex flex-wrap items-center gap-2">
            <TakePlayer src={t.audioUrl} label={`${t.repName}'s take, ${tenthSeconds(t.spokenSeconds)}`} />
            <span className="text-sm font-medium">{t.repName}</span>
            <span className="tabular text-sm">{tenthSeconds(t.spokenSeconds)}</span>
            <span className="text-xs text-muted">v{t.versionNumber}</span>
          </div>
          {canComment && <CoachNote take={t} />}
        </li>
      ))}
    </ul>
  );
}
