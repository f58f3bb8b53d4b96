"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input, Select } from "@/app/_components/ui";
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from "@/lib/vocabulary";

export function QuickLogForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: scripts } = useSuspenseQuery(trpc.scripts.pickable.queryOptions());
  const [outcome, setOutcome] = useState<Outcome>("voicemail");
  const [scriptId, setScriptId] = useState<string>(scripts[0] ? String(scripts[0].id) : "");
  const [message, setMessage] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const log = useMutation(
    trpc.attempts.log.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.attempts.mine.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.leaderboard.pathKey() }),
        ]),
    }),
  );

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setMessage(null);
    const data = new FormData(e.currentTarget);
    const seconds = String(data.get("messageSeconds") ?? "").trim();
    log.mutate({
      prospect: { name: String(data.get("prospectName") ?? ""), phone: String(data.get("prospectPhone") ?? ""), company: String(data.get("prospectCompany") ?? "") || undefined },
      outcome,
      scriptId: outcome === "voicemail" && scriptId ? Number(scriptId) : undefined,
      messageSeconds: outcome === "voicemail" && seconds ? Number(seconds) : undefined,
      notes: String(data.get("notes") ?? "") || undefined,
    }, {
      onSuccess: () => {
        setMessage("Dial logged.");
        formRef.current?.reset();
        setOutcome("voicemail");
        nameRef.current?.focus();
      },
    });
  }

  const selected = scripts.find((s) => String(s.id) === scriptId);

  return (
    <Card title="Log a dial" description="Prospects are matched by phone number, in any format.">
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
        <Field id="prospectName" label="Prospect name">
          <Input id="prospectName" name="prospectName" ref={nameRef} required autoComplete="off" />
        </Field>
        <Field id="prospectPhone" label="Phone">
          <Input id="prospectPhone" name="prospectPhone" type="tel" required autoComplete="off" />
        </Field>
        <Field id="prospectCompany" label="Company (optional)">
          <Input id="prospectCompany" name="prospectCompany" autoComplete="off" />
        </Field>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">Outcome</legend>
          <div className="flex flex-wrap gap-1.5">
            {OUTCOMES.map((o) => (
              <label
                key={o}
                className={`cursor-pointer rounded-md border px-2.5 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${
                  outcome === o ? "border-accent bg-accent-soft text-accent" : "border-border text-muted"
                }`}
              >
                <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} className="sr-only" />
                {OUTCOME_LABELS[o]}
              </label>
            ))}
          </div>
        </fieldset>
        {outcome === "voicemail" && (
          <>
            <Field id="script" label="Script">
              <Select id="script" value={scriptId} onChange={(e) => setScriptId(e.target.value)} required>
                {scripts.length === 0 && <option value="">No scripts yet — add one on the Scripts page</option>}
                {scripts.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="messageSeconds" label="Message length (seconds, optional)">
              <Input id="messageSeconds" name="messageSeconds" type="number" min={1} max={600} inputMode="numeric" />
            </Field>
            {selected && (
              <p className="rounded-md bg-surface-2 p-3 text-sm leading-relaxed whitespace-pre-wrap text-muted sm:col-span-2">{selected.latestVersion.body}</p>
            )}
          </>
        )}
        <div className="sm:col-span-2">
          <Field id="notes" label="Notes (optional)">
            <Input id="notes" name="notes" autoComplete="off" />
          </Field>
        </div>
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={log.isPending}>
            Log dial
          </Button>
          {message && !log.error && (
            <p role="status" className="text-sm text-good">
              {message}
            </p>
          )}
        </div>
        <div className="sm:col-span-2">
          <ErrorText>{log.error?.message}</ErrorText>
        </div>
      </form>
    </Card>
  );
}
