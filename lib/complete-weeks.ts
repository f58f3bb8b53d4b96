// Weekly lines and bars (weeks start Monday, local dates): the week still running when the data
// ends is not a week like the others. Its voicemails have had hours, not the attribution window,
// to be called back, so every weekly rate line ended in a nose-dive to about 9%. Charts leave it
// out of rate lines (and mark it on count bars), and say which week it was.

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export type PartialWeek = { week: string; lastDay: string; through: string };

/**
 * The last of `weeks` (Monday dates, ascending) when the data ends before its Sunday — `through`
 * is the last local date covered (today, or the end of the range); otherwise null.
 */
export function partialLastWeek(weeks: readonly string[], through: string | undefined): PartialWeek | null {
  const week = weeks.at(-1);
  if (!week || !through) return null;
  const lastDay = addDays(week, 6);
  return lastDay > through ? { week, lastDay, through } : null;
}

const shortDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** The sentence a chart shows under itself about the week it left out or marked. */
export function partialWeekNote(partial: PartialWeek, what: "left out" | "marked “so far”"): string {
  const why = what === "left out" ? "its voicemails have not had their full callback window" : "its counts are not yet a whole week's";
  return `The week of ${shortDate(partial.week)} is ${what}: it runs until ${shortDate(partial.lastDay)} and the data ends ${shortDate(partial.through)}, so ${why}.`;
}
