// When a dial or a callback can have happened (issue 12): one rule for every entry path — the
// forms and tRPC procedures (services/attempts, services/callbacks), CSV imports (csv-mapping)
// and any later import path. Years are those the forms accept (lib/inputs/fields: 2000–2099);
// nothing later than now, bar a few minutes for a phone's or a CRM's clock running ahead. A
// callback "tomorrow 09:00" was credited (1 of 2 = 50%) and an import at 2150 numbered today's
// voicemail #2 while this rule did not hold everywhere.
import { EARLIEST_INSTANT, LATEST_INSTANT } from "@/lib/inputs/fields";

/** How far ahead of the server's clock an entry may be: another device's clock running fast. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type EntryTimeProblem = "invalid" | "out-of-years" | "future";

/** Why nothing can have happened at `at` (ms) when it is `now` (ms), or null when it can. */
export function entryTimeProblem(at: number, now: number): EntryTimeProblem | null {
  if (!Number.isFinite(at)) return "invalid";
  if (at < EARLIEST_INSTANT || at >= LATEST_INSTANT) return "out-of-years";
  if (at > now + CLOCK_SKEW_MS) return "future";
  return null;
}

/** The problem in words, to follow "This time" (a form) or a CSV cell's quoted value. */
export const ENTRY_TIME_REASONS: Record<EntryTimeProblem, string> = {
  invalid: "is not a valid time",
  "out-of-years": "is outside the years 2000 to 2099",
  future: "is in the future: log a dial or a callback once it has happened",
};
