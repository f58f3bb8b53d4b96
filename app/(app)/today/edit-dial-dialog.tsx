"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toLocalInput } from "@/app/_components/local-time";
import { Modal, SaveOrCancel } from "@/app/_components/modal";
import { ErrorText, Field, Input, Select } from "@/app/_components/ui";
import { useCallsInvalidation } from "@/app/_components/use-calls-invalidation";
import { useTRPC } from "@/app/_trpc/client";
import { editedInstant } from "@/lib/edited-time";
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from "@/lib/vocabulary";

export type EditableDial = {
  id: number;
  at: Date;
  outcome: Outcome;
  scriptId: number | null;
  messageSeconds: number | null;
  notes: string | null;
  prospectName: string;
};

/** Edits one dial: outcome, script, seconds, notes, time. Attribution re-runs on the server. */
export function EditDialDialog({ dial, onClose }: { dial: EditableDial; onClose: () => void }) {
  const trpc = useTRPC();
  const invalidate = useCallsInvalidation();
  const { data: scripts } = useSuspenseQuery(trpc.scripts.pickable.queryOptions());
  const [outcome, setOutcome] = useState<Outcome>(dial.outcome);
  const [scriptId, setScriptId] = useState<string>(String(dial.scriptId ?? scripts[0]?.id ?? ""));
  const [seconds, setSeconds] = useState(dial.messageSeconds ? String(dial.messageSeconds) : "");
  const [notes, setNotes] = useState(dial.notes ?? "");
  const [at, setAt] = useState(toLocalInput(dial.at));
  const update = useMutation(trpc.attempts.update.mutationOptions({ onSuccess: invalidate }));
  // The archived script a dial was logged with is not pickable, but stays its script.
  const knownScript = dial.scriptId === null || scripts.some((s) => s.id === dial.scriptId);

  function save(e: React.FormEvent) {
    e.preventDefault();
    const voicemail = outcome === "voicemail";
    update.mutate(
      {
        id: dial.id,
        outcome,
        scriptId: voicemail ? Number(scriptId) : undefined,
        messageSeconds: voicemail ? (seconds.trim() ? Number(seconds) : null) : undefined,
        notes: notes.trim() || null,
        at: editedInstant(dial.at, at) ?? undefined,
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={`Edit dial to ${dial.prospectName}`}>
      <form onSubmit={save} className="flex flex-col gap-4">
        <Field id="edit-outcome" label="Outcome">
          <Select id="edit-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </Select>
        </Field>
        {outcome === "voicemail" && (
          <>
            <Field id="edit-script" label="Voicemail script">
              <Select id="edit-script" value={scriptId} onChange={(e) => setScriptId(e.target.value)} required>
                {!knownScript && <option value={String(dial.scriptId)}>(archived script)</option>}
                {scripts.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="edit-seconds" label="Message length in seconds">
              <Input id="edit-seconds" type="number" min={1} max={600} inputMode="numeric" value={seconds} onChange={(e) => setSeconds(e.target.value)} />
            </Field>
          </>
        )}
        <Field id="edit-notes" label="Dial notes">
          <Input id="edit-notes" autoComplete="off" value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        <Field id="edit-at" label="Time of the dial">
          <Input id="edit-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
        </Field>
        <ErrorText>{update.error?.message}</ErrorText>
        <SaveOrCancel saving={update.isPending} onCancel={onClose} />
      </form>
    </Modal>
  );
}
