// A rep's measured speaking rate, from their takes: all words read over all time spoken, so a
// long script weighs by its length rather than one short take counting as much as a long one.

/** Less than this much speech says more about the pauses than the pace. */
export const MIN_SPOKEN_SECONDS_FOR_RATE = 10;
/** The range team settings accept (lib/inputs/teams.ts): a rate outside it is a mis-measured take. */
export const RATE_RANGE = { min: 80, max: 300 } as const;

export function speakingRate(takes: readonly { words: number; spokenMs: number }[]): number | null {
  const words = takes.reduce((n, t) => n + t.words, 0);
  const spokenMs = takes.reduce((n, t) => n + t.spokenMs, 0);
  if (spokenMs < MIN_SPOKEN_SECONDS_FOR_RATE * 1000 || words === 0) return null;
  const rate = Math.round(words / (spokenMs / 60_000));
  return Math.min(RATE_RANGE.max, Math.max(RATE_RANGE.min, rate));
}
