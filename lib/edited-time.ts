// A time field (<input type="datetime-local">) shows whole minutes; the stored instant has
// seconds and milliseconds. Saving the field as typed rewrote 07:07:32.107 to 07:07:00.000 on
// any edit, and the row jumped in "newest first". An edit keeps what the user did not change.

const MINUTE_MS = 60_000;

/**
 * The instant to save for a time field showing `value` over an `original` instant: undefined
 * when the user left the minute as it was (nothing to change), the new minute with the original's
 * seconds and milliseconds when they changed it, null when the field is empty or invalid.
 */
export function editedInstant(original: Date, value: string): Date | undefined | null {
  if (!value) return null;
  const typed = new Date(value).getTime();
  if (Number.isNaN(typed)) return null;
  const withinMinute = ((original.getTime() % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
  if (typed === original.getTime() - withinMinute) return undefined;
  return new Date(typed + withinMinute);
}
