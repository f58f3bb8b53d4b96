"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ErrorText } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";

/** Shown after a draft is deleted: one click brings it back (DESIGN.md: deletes are undoable). */
export function DeletedDraftNotice({ id }: { id: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [dismissed, setDismissed] = useState(false);
  const restore = useMutation(
    trpc.scripts.restoreDraft.mutationOptions({
      onSuccess: async (restored) => {
        await queryClient.invalidateQueries({ queryKey: trpc.scripts.pathKey() });
        router.push(`/scripts/${restored.id}`);
      },
    }),
  );
  if (dismissed) return null;
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-border bg-surface px-4 py-2.5 text-sm">
      <span>Draft deleted.</span>
      <div className="flex items-center gap-2">
        <ErrorText>{restore.error?.message}</ErrorText>
        <Button variant="secondary" className="h-8" onClick={() => restore.mutate({ id })} disabled={restore.isPending}>
          Undo
        </Button>
        <Button variant="ghost" className="h-8" onClick={() => setDismissed(true)}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
