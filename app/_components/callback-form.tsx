"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { formatMinutes, formatPhoneForDisplay } from "@/lib/format";
import type { CallbackResult } from "@/lib/vocabulary";
import { fromLocalInput } from "./local-time";
import { Button, ErrorText, Field, Input } from "./ui";
import { useCallsInvalidation } from "./use-calls-invalidation";
import { CallbackResultSelect } from "./callback-result-select";

const looksLikePhone = (text: string) => /^[\d\s()+.\-]+$/.test(text.trim()) && text.replace(/\D/g, "").length >= 7;

type Picked = { id: number; name: string };
type Logged = { id: number; message: string; removed: boolean };

/** Finds the caller, shows which voicemail will be credited before saving, then logs the callback. */
export function CallbackForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const invalidate = useCallsInvalidation();
  const [lookup, setLookup] = useState("");
  const [picked, setPicked] = useState<Picked | null>(null);
  const [newName, setNewName] = useState("");
  const [result, setResult] = useState<CallbackResult>("interested");
  const [notes, setNotes] = useState("");
  const [at, setAt] = useState("");
  const [done, setDone] = useState<Logged | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const lookupRef = useRef<HTMLInputElement>(null);

  const typed = useDeferredValue(lookup.trim());
  const when = fromLocalInput(at) ?? undefined;
  const isPhone = looksLikePhone(typed);
  const previewInput = picked ? { prospectId: picked.id, at: when } : isPhone ? { phone: typed, at: when } : null;
  const preview = useQuery({ ...trpc.callbacks.preview.queryOptions(previewInput ?? { prospectId: 1 }), enabled: previewInput !== null });
  const search = useQuery({ ...trpc.prospects.search.queryOptions({ query: typed }), enabled: !picked && !isPhone && typed.length > 0 });
  const p = previewInput ? preview.data : undefined;
  const caller = picked ?? (p?.prospect ? { id: p.prospect.id, name: p.prospect.name } : null);

  const log = useMutation(trpc.callbacks.log.mutationOptions({ onSuccess: invalidate }));
  // Undo is a soft delete, restorable here or later from the prospect's timeline.
  const remove = useMutation(trpc.callbacks.remove.mutationOptions({ onSuccess: invalidate }));
  const restore = useMutation(trpc.callbacks.restore.mutationOptions({ onSuccess: invalidate }));
  const setRemoved = (removed: boolean) => {
    if (!done) return;
    (removed ? remove : restore).mutate({ id: done.id }, { onSuccess: () => setDone({ ...done, removed }) });
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    setDone(null);
    let prospect;
    if (caller) prospect = { id: caller.id };
    else if (looksLikePhone(lookup)) prospect = { name: newName.trim() || "Unknown caller", phone: lookup.trim() };
    else {
      setFormError("Pick the caller from the list, or paste the number they called from.");
      return;
    }
    log.mutate(
      { prospect, result, notes: notes.trim() || undefined, at: when },
      {
        onSuccess: (saved) => {
          const c = saved.credit;
          setDone({
            id: saved.id,
            removed: false,
            message: c
              ? `Credited to ${c.repName}'s voicemail #${c.voicemailNumber} with “${c.scriptTitle}”.`
              : "Logged as unattributed: no voicemail to this prospect within the attribution window.",
          });
          setLookup("");
          setPicked(null);
          setNewName("");
          setNotes("");
          setAt("");
          setResult("interested");
          lookupRef.current?.focus();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      {done && (
        <div className={`flex items-center justify-between gap-3 rounded-md px-3 py-2 text-sm ${done.removed ? "bg-surface-2 text-muted" : "bg-good/10 text-good"}`}>
          <p role="status">{done.removed ? "Callback removed; nothing is credited for it." : done.message}</p>
          <Button type="button" variant="secondary" className="h-8 shrink-0" disabled={remove.isPending || restore.isPending} onClick={() => setRemoved(!done.removed)}>
            {done.removed ? "Restore callback" : "Undo callback"}
          </Button>
        </div>
      )}
      {picked ? (
        <div className="flex items-center justify-between gap-3 rounded-md border border-border bg-surface-2 px-3 py-2 text-sm">
          <span className="font-medium">{picked.name}</span>
          <Button type="button" variant="ghost" className="h-8" onClick={() => setPicked(null)}>
            Change
          </Button>
        </div>
      ) : (
        <Field id="callbackLookup" label="Caller's phone or name" hint="Paste the number in any format, or type part of a name or company.">
          <Input id="callbackLookup" ref={lookupRef} autoFocus autoComplete="off" value={lookup} onChange={(e) => setLookup(e.target.value)} />
        </Field>
      )}
      {!picked && search.data && search.data.length > 0 && (
        <ul aria-label="Matching prospects" className="-mt-2 flex flex-col gap-1">
          {search.data.slice(0, 6).map((s) => (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => setPicked({ id: s.id, name: s.name })}
                className="flex w-full items-baseline justify-between gap-3 rounded-md border border-border px-3 py-1.5 text-left text-sm hover:bg-surface-2"
              >
                <span>
                  <span className="font-medium">{s.name}</span>
                  {s.company && <span className="text-muted"> · {s.company}</span>}
                </span>
                <span className="tabular text-xs text-faint">{formatPhoneForDisplay(s.phone)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {p?.reason === "new-prospect" && (
        <Field id="callbackName" label="Caller's name (if new)">
          <Input id="callbackName" autoComplete="off" value={newName} onChange={(e) => setNewName(e.target.value)} />
        </Field>
      )}
      {p && <CreditPreview preview={p} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="callbackResult" label="Result">
          <CallbackResultSelect id="callbackResult" value={result} onChange={setResult} />
        </Field>
        <Field id="callbackAt" label="Called at (blank for now)">
          <Input id="callbackAt" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </Field>
      </div>
      <Field id="callbackNotes" label="Callback notes (optional)">
        <Input id="callbackNotes" autoComplete="off" value={notes} onChange={(e) => setNotes(e.target.value)} />
      </Field>
      <ErrorText>{formError ?? log.error?.message ?? remove.error?.message ?? restore.error?.message}</ErrorText>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onClose}>
          Close
        </Button>
        <Button type="submit" disabled={log.isPending}>
          Log callback
        </Button>
      </div>
    </form>
  );
}

type Preview = {
  windowDays: number;
  prospect: { name: string } | null;
  reason: string | null;
  latestVoicemailAt?: Date | null;
  at: Date;
  credit: { repName: string; voicemailNumber: number | null; scriptTitle: string | null; versionNumber: number | null; minutesBefore: number } | null;
};

/** What saving will store, in words, before the rep saves. */
function CreditPreview({ preview }: { preview: Preview }) {
  const c = preview.credit;
  let text: string;
  if (c) {
    text = `Will credit ${c.repName}'s voicemail #${c.voicemailNumber} — “${c.scriptTitle}” v${c.versionNumber}, left ${formatMinutes(c.minutesBefore)} before this callback.`;
  } else if (preview.reason === "new-prospect") {
    text = "Unattributed: this number is new to the team, so there is no voicemail to credit. The caller will be added as a prospect.";
  } else if (preview.reason === "no-voicemail-before") {
    text = `Unattributed: no voicemail was left for ${preview.prospect?.name ?? "this prospect"} before this callback.`;
  } else if (preview.reason === "outside-window") {
    const days = preview.latestVoicemailAt ? Math.floor((preview.at.getTime() - preview.latestVoicemailAt.getTime()) / 86_400_000) : null;
    text = `Unattributed: the latest voicemail${days !== null ? ` (${days} days before)` : ""} is outside the team's ${preview.windowDays}-day attribution window.`;
  } else {
    text = "That does not look like a phone number yet.";
  }
  return (
    <p aria-live="polite" aria-label="Attribution preview" className={`rounded-md border px-3 py-2 text-sm ${c ? "border-accent/40 bg-accent-soft text-text" : "border-border bg-surface-2 text-muted"}`}>
      {text}
    </p>
  );
}
