import type { ChangeEvent } from "react";
import { CALLBACK_RESULT_LABELS, CALLBACK_RESULTS, type CallbackResult } from "@/lib/vocabulary";
import { Select } from "./ui";

/** The callback results in their usual order, for logging and editing a callback. */
export function CallbackResultSelect({ id, value, onChange }: { id: string; value: CallbackResult; onChange: (result: CallbackResult) => void }) {
  return (
    <Select id={id} value={value} onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value as CallbackResult)}>
      {CALLBACK_RESULTS.map((r) => (
        <option key={r} value={r}>
          {CALLBACK_RESULT_LABELS[r]}
        </option>
      ))}
    </Select>
  );
}
