"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/app/_components/ui";
import { useCallsInvalidation } from "@/app/_components/use-calls-invalidation";
import { useTRPC } from "@/app/_trpc/client";

export type MergeUndone = { duplicateId: number; duplicateName: string; attempts: number; callbacks: number };

type Props = { mergeId: number; label: string; onUndone: (undone: MergeUndone) => void; onError: (message: string) => void };

/** Splits a merge again; `label` names the merge, so a list of them has one distinct button per row. */
export function MergeUndoButton({ mergeId, label, onUndone, onError }: Props) {
  const trpc = useTRPC();
  const invalidate = useCallsInvalidation();
  const undo = useMutation(
    trpc.prospects.undoMerge.mutationOptions({
      onSuccess: (result) => {
        void invalidate();
        onUndone(result);
      },
      onError: (error) => onError(error.message),
    }),
  );
  return (
    <Button variant="secondary" className="h-8 shrink-0" aria-label={label} disabled={undo.isPending} onClick={() => undo.mutate({ mergeId })}>
      Undo
    </Button>
  );
}
