// Which times a dial or callback may carry, whatever path enters it. A time ahead of the clock is
// a typo or a zone mistake (a few minutes are the skew between a phone's clock and the server's);
// one before 2000 is a spreadsheet's zero date or a two-digit year read wrong, not a call.

export const ENTRY_CLOCK_SKEW_MS = 5 * 60_000;
export const EARLIEST_ENTRY_MS = Date.UTC(2000, 0, 1);

/** Why `at` cannot be the time of a call entered at `now`, or null when it can. */
export function entryTimeProblem(at: Date, now: Date): string | null {
  if (at.getTime() > now.getTime() + ENTRY_CLOCK_SKEW_MS) return `time ${at.toISOString()} is in the future`;
  if (at.getTime() < EARLIEST_ENTRY_MS) return `time ${at.toISOString()} is before the year 2000`;
  return null;
}
