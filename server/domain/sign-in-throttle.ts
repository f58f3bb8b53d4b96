// The per-account brake on password guessing, as pure state transitions (the counters live in
// the database: server/services/sign-in-brake.ts). Every attempt reserves its place *before*
// the password is checked and counts as a failure until it succeeds, so a burst of concurrent
// guesses cannot all slip past one read of the counter. The first FREE_ATTEMPTS go through at
// once; after that each further attempt waits a delay that doubles up to MAX_DELAY_MS. There is
// no lock that outlasts the delay, so the owner's right password is never refused for longer
// than MAX_DELAY_MS, and a device the account signed in from before keeps its own count.

export const FREE_ATTEMPTS = 5;
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 5 * 60_000;
/** Failures older than this (since the last one) are forgotten. */
export const FORGET_AFTER_MS = 60 * 60_000;

export type BrakeState = { failures: number; nextAttemptAt: number; lastFailureAt: number };

/** How long the attempt after `failures` failures must wait. */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

export type Reservation = { allowed: true; state: BrakeState } | { allowed: false; retryAfterMs: number };

/** An attempt at `now`: refused while the delay runs, else let through and counted as a failure in advance. */
export function reserveAttempt(previous: BrakeState | null, now: number): Reservation {
  const current = previous && now - previous.lastFailureAt < FORGET_AFTER_MS ? previous : null;
  if (current && now < current.nextAttemptAt) return { allowed: false, retryAfterMs: current.nextAttemptAt - now };
  const failures = (current?.failures ?? 0) + 1;
  return { allowed: true, state: { failures, lastFailureAt: now, nextAttemptAt: now + delayAfter(failures) } };
}

/** The password was wrong: the delay runs from now, when the check ended, if that is later than from its reservation. */
export function failedAttempt(state: BrakeState, now: number): BrakeState {
  return { ...state, lastFailureAt: now, nextAttemptAt: Math.max(state.nextAttemptAt, now + delayAfter(state.failures)) };
}

/** An attempt that ended neither in success nor in a wrong password (a bad request, an address limit): not a guess. */
export function releaseAttempt(state: BrakeState): BrakeState | null {
  return state.failures <= 1 ? null : { ...state, failures: state.failures - 1 };
}
