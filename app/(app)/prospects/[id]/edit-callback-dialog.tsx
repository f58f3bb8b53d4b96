"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toLocalInput } from "@/app/_components/local-time";
import { Modal, SaveOrCancel } from "@/app/_components/modal";
import { ErrorText, Field, Input } from "@/app/_components/ui";
import { useCallsInvalidation } from "@/app/_components/use-calls-invalidation";
import { useTRPC } from "@/app/_trpc/client";
import { editedInstant } from "@/lib/edited-time";
import type { CallbackResult } from "@/lib/vocabulary";
import { CallbackResultSelect } from "@/app/_components/callback-result-select";

export type EditableCallback = { id: number; at: Date; result: CallbackResult; notes: string | null };

/** Edits a callback; attribution re-runs on the server, so its credit may move. */
export function EditCallbackDialog({ callback, onClose }: { callback: EditableCallback; onClose: () => void }) {
  const trpc = useTRPC();
  const invalidate = useCallsInvalidation();
  const [result, setResult] = useState<CallbackResult>(callback.result);
  const [notes, setNotes] = useState(callback.notes ?? "");
  const [at, setAt] = useState(toLocalInput(callback.at));
  const update = useMutation(trpc.callbacks.update.mutationOptions({ onSuccess: invalidate }));

  function save(e: React.FormEvent) {
    e.preventDefault();
    update.mutate({ id: callback.id, result, notes: notes.trim() || null, at: editedInstant(callback.at, at) ?? undefined }, { onSuccess: onClose });
  }

  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title="Edit callback" description="Changing the time can move its credit to another voicemail.">
      <form onSubmit={save} className="flex flex-col gap-4">
        <Field id="edit-callback-result" label="Callback result">
          <CallbackResultSelect id="edit-callback-result" value={result} onChange={setResult} />
        </Field>
        <Field id="edit-callback-at" label="Time of the callback">
          <Input id="edit-callback-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
        </Field>
        <Field id="edit-callback-notes" label="Notes">
          <Input id="edit-callback-notes" autoComplete="off" value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        <ErrorText>{update.error?.message}</ErrorText>
        <SaveOrCancel saving={update.isPending} onCancel={onClose} />
      </form>
    </Modal>
  );
}
