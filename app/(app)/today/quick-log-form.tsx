"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { IntentLink } from "@/app/_components/intent-link";
import { useDeferredValue, useEffect, useEffectEvent, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input, Select } from "@/app/_components/ui";
import { STAGE_LABELS, type Outcome } from "@/lib/vocabulary";
import { ExperimentAssignment } from "./experiment-assignment";
import { LogDialBar } from "./log-dial-bar";
import { onLogFormKeyDown } from "./log-form-keys";
import { NoScriptsYet } from "./no-scripts-yet";
import { OutcomePicker } from "./outcome-picker";
import { ProspectPicker, type PickedProspect } from "./prospect-picker";
import { useCallsInvalidation } from "@/app/_components/use-calls-invalidation";
import { formatPhoneForDisplay } from "@/lib/format";

type Props = { picked: PickedProspect | null; onPickedChange: (p: PickedProspect | null) => void };

/**
 * The quick log: pick a prospect, then (voicemail being the default, with the suggested script
 * pre-selected) Enter logs it — one keystroke; `v` Enter, `n` Enter… for the other outcomes.
 */
export function QuickLogForm({ picked, onPickedChange }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = useCallsInvalidation();
  const { data: scripts } = useSuspenseQuery(trpc.scripts.pickable.queryOptions());
  const [query, setQuery] = useState("");
  const [outcome, setOutcome] = useState<Outcome>("voicemail");
  // A choice belongs to the prospect it was made for; a new pick starts from the suggestion.
  const [choice, setChoice] = useState<{ for: string; scriptId: number } | null>(null);
  const [seconds, setSeconds] = useState("");
  const [notes, setNotes] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const secondsRef = useRef<HTMLInputElement>(null);
  const radioRefs = useRef<Partial<Record<Outcome, HTMLInputElement | null>>>({});

  const pickedKey = picked ? (picked.kind === "existing" ? `p${picked.id}` : "new") : "none";
  const newName = useDeferredValue(picked?.kind === "new" ? picked.name : "");
  const newCompany = useDeferredValue(picked?.kind === "new" ? picked.company : "");
  const contextInput = picked?.kind === "existing" ? { prospectId: picked.id } : { name: newName, company: newCompany };
  const context = useQuery({ ...trpc.prospects.dialContext.queryOptions(contextInput), placeholderData: keepPreviousData });
  const current = context.data && !context.isPlaceholderData ? context.data : null;
  const scriptChoice = choice?.for === pickedKey ? choice.scriptId : null;
  const scriptId = scriptChoice ?? context.data?.suggestion?.scriptId ?? null;
  const rendered = context.data?.rendered.find((r) => r.scriptId === scriptId);

  // Focus follows the pick: nothing picked → the search; a known prospect → the outcome (so
  // Enter logs); a new one → the first detail still missing.
  const focusForPick = useEffectEvent(() => {
    if (!picked) searchRef.current?.focus();
    else if (picked.kind === "existing") radioRefs.current[outcome]?.focus();
    else (picked.name ? phoneRef : nameRef).current?.focus();
  });
  useEffect(() => focusForPick(), [pickedKey]);

  function pick(p: PickedProspect | null) {
    setFormError(null);
    onPickedChange(p);
  }

  const log = useMutation(trpc.attempts.log.mutationOptions({ onSuccess: invalidate }));

  async function submit() {
    setMessage(null);
    setFormError(null);
    if (!picked) {
      setFormError("Pick a prospect first.");
      searchRef.current?.focus();
      return;
    }
    let chosenScript: number | undefined;
    if (outcome === "voicemail") {
      // Enter pressed before the suggestion arrived: wait for it rather than lose the keystroke.
      chosenScript = scriptChoice ?? (current ?? (await queryClient.fetchQuery(trpc.prospects.dialContext.queryOptions(contextInput)))).suggestion?.scriptId;
      if (chosenScript === undefined) {
        setFormError("Pick the script you used for this voicemail (add one on the Scripts page).");
        return;
      }
    }
    const prospect = picked.kind === "existing" ? { id: picked.id } : { name: picked.name, phone: picked.phone, company: picked.company || undefined };
    log.mutate(
      {
        prospect,
        outcome,
        scriptId: chosenScript,
        messageSeconds: outcome === "voicemail" && seconds.trim() ? Number(seconds) : undefined,
        notes: notes.trim() || undefined,
      },
      {
        onSuccess: () => {
          setMessage("Dial logged.");
          setQuery("");
          setOutcome("voicemail");
          setSeconds("");
          setNotes("");
          pick(null);
          searchRef.current?.focus();
        },
      },
    );
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLFormElement>) =>
    onLogFormKeyDown(e, {
      outcomeRadio: (o = outcome) => radioRefs.current[o],
      chooseOutcome: setOutcome,
      submit: () => formRef.current?.requestSubmit(),
      clearPick: picked ? () => pick(null) : null,
      typeSeconds: (digit) => {
        setSeconds((s) => s + digit);
        secondsRef.current?.focus();
      },
    });

  return (
    <Card title="Log a dial" description="Pick the prospect, then Enter logs a voicemail with the suggested script.">
      <form
        ref={formRef}
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="flex flex-col gap-4"
      >
        {!picked ? (
          <ProspectPicker query={query} onQueryChange={setQuery} onPick={pick} inputRef={searchRef} />
        ) : picked.kind === "existing" ? (
          <div className="flex items-center justify-between gap-3 rounded-md border border-border bg-surface-2 px-3 py-2">
            <p className="min-w-0 text-sm">
              <span className="font-medium">{picked.name}</span>
              {picked.company && <span className="text-muted"> · {picked.company}</span>}
              <span className="tabular block text-xs text-faint">
                {formatPhoneForDisplay(picked.phone)}
                {current && ` · next voicemail #${current.nextVoicemailNumber}`}
                {current && current.unreturned > 0 && ` · ${current.unreturned} unreturned`}
              </span>
            </p>
            <Button type="button" variant="ghost" onClick={() => pick(null)} aria-keyshortcuts="Escape">
              Change
            </Button>
          </div>
        ) : (
          <div className="grid gap-3 rounded-md border border-dashed border-border p-3 sm:grid-cols-3">
            <p className="text-xs text-muted sm:col-span-3">
              New prospect — matched by phone, so a number already on file is never duplicated.{" "}
              <button type="button" className="text-accent underline" onClick={() => pick(null)}>
                Search again
              </button>
            </p>
            <Field id="prospectName" label="Prospect name">
              <Input id="prospectName" ref={nameRef} required autoComplete="off" value={picked.name} onChange={(e) => onPickedChange({ ...picked, name: e.target.value })} />
            </Field>
            <Field id="prospectPhone" label="Phone">
              <Input id="prospectPhone" ref={phoneRef} type="tel" required autoComplete="off" value={picked.phone} onChange={(e) => onPickedChange({ ...picked, phone: e.target.value })} />
            </Field>
            <Field id="prospectCompany" label="Company (optional)">
              <Input id="prospectCompany" autoComplete="off" value={picked.company} onChange={(e) => onPickedChange({ ...picked, company: e.target.value })} />
            </Field>
          </div>
        )}

        <OutcomePicker value={outcome} onChange={setOutcome} radioRefs={radioRefs} />

        {outcome === "voicemail" && (
          <>
            <div className="grid gap-3 sm:grid-cols-[1fr_200px]">
              <Field
                id="script"
                label="Script"
                hint={
                  context.data
                    ? `Suggested for voicemail #${context.data.nextVoicemailNumber}: ${STAGE_LABELS[context.data.suggestedStage].toLowerCase()}${context.data.suggestion?.reason === "last-used" ? " (none in the library — your last used)" : ""}`
                    : undefined
                }
              >
                {scripts.length === 0 ? (
                  <NoScriptsYet />
                ) : (
                  <Select id="script" data-shift-c="log-callback" value={scriptId ?? ""} onChange={(e) => setChoice({ for: pickedKey, scriptId: Number(e.target.value) })} required>
                    {scripts.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.title} · {STAGE_LABELS[s.stage]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id="messageSeconds" label="Message length (seconds, optional)">
                <Input id="messageSeconds" ref={secondsRef} type="number" min={1} max={600} inputMode="numeric" value={seconds} onChange={(e) => setSeconds(e.target.value)} />
              </Field>
            </div>
            <ExperimentAssignment experiment={context.data?.experiment ?? null} scriptId={scriptId} scriptTitle={scripts.find((s) => s.id === context.data?.experiment?.scriptId)?.title} />
            {rendered && (
              <section aria-label="Text to read" className="rounded-md border-l-2 border-accent bg-surface-2 px-3 py-2.5 text-sm leading-relaxed whitespace-pre-wrap">
                {rendered.text}
              </section>
            )}
            {scriptId && (
              <IntentLink href={`/scripts/${scriptId}#rehearse`} className="self-start text-xs text-accent hover:underline">
                Rehearse this script before you dial
              </IntentLink>
            )}
          </>
        )}

        <Field id="notes" label="Notes (optional)">
          <Input id="notes" autoComplete="off" value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>

        <LogDialBar pending={log.isPending} message={message && !log.error ? message : ""} />
        <ErrorText>{formError ?? log.error?.message}</ErrorText>
      </form>
    </Card>
  );
}
