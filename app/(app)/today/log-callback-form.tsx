"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input, Select } from "@/app/_components/ui";
import { CALLBACK_RESULT_LABELS, CALLBACK_RESULTS, type CallbackResult } from "@/lib/vocabulary";

export function LogCallbackForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<CallbackResult>("interested");
  const log = useMutation(
    trpc.callbacks.log.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.attempts.mine.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.leaderboard.pathKey() }),
        ]),
    }),
  );

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    log.mutate({
      prospect: { name: String(data.get("callbackName") || "Unknown caller"), phone: String(data.get("callbackPhone") ?? "") },
      result,
      notes: String(data.get("callbackNotes") ?? "") || undefined,
    });
  }

  const credit = log.data?.credit;
  return (
    <Card title="Log a callback" description="Paste the number they called from.">
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <Field id="callbackPhone" label="Caller's phone">
          <Input id="callbackPhone" name="callbackPhone" type="tel" required autoComplete="off" />
        </Field>
        <Field id="callbackName" label="Caller's name (if new)">
          <Input id="callbackName" name="callbackName" autoComplete="off" />
        </Field>
        <Field id="callbackResult" label="Result">
          <Select id="callbackResult" value={result} onChange={(e) => setResult(e.target.value as CallbackResult)}>
            {CALLBACK_RESULTS.map((r) => (
              <option key={r} value={r}>
                {CALLBACK_RESULT_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="callbackNotes" label="Notes (optional)">
          <Input id="callbackNotes" name="callbackNotes" autoComplete="off" />
        </Field>
        <Button type="submit" disabled={log.isPending}>
          Log callback
        </Button>
        <ErrorText>{log.error?.message}</ErrorText>
        {log.isSuccess && (
          <p role="status" className="rounded-md bg-surface-2 p-3 text-sm">
            {credit
              ? `Credited to ${credit.repName}'s voicemail #${credit.voicemailNumber} with “${credit.scriptTitle}”.`
              : "Logged as unattributed: no voicemail to this prospect within the attribution window."}
          </p>
        )}
      </form>
    </Card>
  );
}
