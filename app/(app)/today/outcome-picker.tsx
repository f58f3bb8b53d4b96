"use client";

import { KeyHint } from "@/app/_components/key-hint";
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from "@/lib/vocabulary";

/** Single-key shortcuts for the outcome, active whenever focus is not in a text field. */
export const OUTCOME_KEYS: Record<string, Outcome> = { v: "voicemail", n: "no-message", c: "connected", b: "bad-number" };
const KEY_OF: Record<Outcome, string> = { voicemail: "V", "no-message": "N", connected: "C", "bad-number": "B" };

type Props = { value: Outcome; onChange: (o: Outcome) => void; radioRefs: React.RefObject<Partial<Record<Outcome, HTMLInputElement | null>>> };

export function OutcomePicker({ value, onChange, radioRefs }: Props) {
  return (
    <fieldset className="flex flex-col">
      <legend className="mb-1.5 text-sm font-medium">Outcome</legend>
      <div className="grid grid-cols-2 gap-1.5 sm:flex sm:flex-wrap">
        {OUTCOMES.map((o) => (
          <label
            key={o}
            className={`flex h-11 cursor-pointer items-center justify-between gap-2 rounded-md border px-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent sm:h-9 ${
              value === o ? "border-accent bg-accent-soft font-medium text-accent" : "border-border text-muted"
            }`}
          >
            <input
              ref={(el) => {
                radioRefs.current[o] = el;
              }}
              type="radio"
              name="outcome"
              value={o}
              checked={value === o}
              onChange={() => onChange(o)}
              className="sr-only"
            />
            {OUTCOME_LABELS[o]}
            <KeyHint className="border-border bg-surface text-faint">{KEY_OF[o]}</KeyHint>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
