"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Modal } from "@/app/_components/modal";
import { Button, ErrorText, Field, Input } from "@/app/_components/ui";
import { useCallsInvalidation } from "@/app/_components/use-calls-invalidation";
import { useTRPC } from "@/app/_trpc/client";
import { formatPhoneForDisplay } from "@/lib/format";
import { MERGE_UNDO_DAYS } from "@/lib/vocabulary";

export type MergeDone = { mergeId: number; mergedName: string };

type Props = { prospect: { id: number; name: string }; onMerged: (merge: MergeDone) => void; onClose: () => void };

/**
 * Picks the prospect that is the same person as this one and merges it in: its dials, callbacks
 * and experiment arm move here and it leaves every list. The button names both, because the
 * wrong pick is only put right by an Undo (offered after the merge and in the merge trail).
 */
export function MergeProspectDialog({ prospect, onMerged, onClose }: Props) {
  const trpc = useTRPC();
  const invalidate = useCallsInvalidation();
  const [query, setQuery] = useState("");
  const typed = useDeferredValue(query.trim());
  const [picked, setPicked] = useState<{ id: number; name: string } | null>(null);
  const search = useQuery({ ...trpc.prospects.search.queryOptions({ query: typed }), enabled: typed.length > 0 });
  const candidates = (search.data ?? []).filter((p) => p.id !== prospect.id);
  const merge = useMutation(
    trpc.prospects.merge.mutationOptions({
      onSuccess: (result) => {
        invalidate();
        onMerged({ mergeId: result.mergeId, mergedName: result.mergedName });
      },
    }),
  );

  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={`Merge a duplicate into ${prospect.name}`} description="For two prospects that are one person.">
      <div className="flex flex-col gap-4 text-sm">
        <Field id="merge-duplicate-search" label="Find the duplicate by name or phone">
          <Input id="merge-duplicate-search" type="search" autoComplete="off" maxLength={100} value={query} onChange={(e) => setQuery(e.target.value)} />
        </Field>
        {typed.length > 0 && !search.isPending && candidates.length === 0 && <p className="text-muted">No other prospect matches “{typed}”.</p>}
        {candidates.length > 0 && (
          <fieldset>
            <legend className="mb-1.5 font-medium">Duplicate</legend>
            <ul className="flex max-h-56 flex-col gap-1 overflow-y-auto">
              {candidates.map((c) => (
                <li key={c.id}>
                  <label className="flex cursor-pointer items-baseline gap-2 rounded-md px-2 py-1.5 hover:bg-surface-2">
                    <input type="radio" name="merge-duplicate" checked={picked?.id === c.id} onChange={() => setPicked({ id: c.id, name: c.name })} />
                    <span className="min-w-0">
                      <bdi className="font-medium">{c.name}</bdi>
                      <span className="text-muted"> · {[c.company, formatPhoneForDisplay(c.phone)].filter(Boolean).join(" · ")}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {picked && (
          <p role="note">
            Every dial and callback of <bdi>{picked.name}</bdi> moves to <bdi>{prospect.name}</bdi>, voicemails are renumbered and callbacks
            credited again, and <bdi>{picked.name}</bdi> leaves the prospect list. You can undo the merge for {MERGE_UNDO_DAYS} days,
            here or from the merge trail on Prospects.
          </p>
        )}
        <ErrorText>{merge.error?.message}</ErrorText>
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="button" variant="danger" disabled={!picked || merge.isPending} onClick={() => picked && merge.mutate({ keepId: prospect.id, duplicateId: picked.id })}>
            {picked ? (
              // One span, so the button's gap does not widen the spaces around the names.
              <span>
                Merge <bdi>{picked.name}</bdi> into <bdi>{prospect.name}</bdi>
              </span>
            ) : (
              "Merge"
            )}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
