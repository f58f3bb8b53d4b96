"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { fromLocalInput, toLocalInput } from "@/app/_components/local-time";
import { Modal } from "@/app/_components/modal";
import { Button, ErrorText, Field, Input, Select } from "@/app/_components/ui";
import { useCallsInvalidation } from "@/app/_components/use-calls-invalidation";
import { useTRPC } from "@/app/_trpc/client";
import { CALLBACK_RESULT_LABELS, CALLBACK_RESULTS, type CallbackResult } from "@/lib/vocabulary";

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
    update.mutate({ id: callback.id, result, notes: notes.trim() || null, at: fromLocalInput(at) ?? callback.at }, { onSuccess: onClose });
  }

  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title="Edit callback" description="Changing the time can move its credit to another voicemail.">
      <form onSubmit={save} className="flex flex-col gap-4">
        <Field id="edit-callback-result" label="Callback result">
          <Select id="edit-callback-result" value={result} onChange={(e) => setResult(e.target.value as CallbackResult)}>
            {CALLBACK_RESULTS.map((r) => (
              <option key={r} value={r}>
                {CALLBACK_RESULT_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="edit-callback-at" label="Time of the callback">
          <Input id="edit-callback-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
        </Field>
        <Field id="edit-callback-notes" label="Notes">
          <Input id="edit-callback-notes" autoComplete="off" value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        <ErrorText>{update.error?.message}</ErrorText>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={update.isPending}>
            Save changes
          </Button>
        </div>
      </form>
    </Modal>
  );
}
