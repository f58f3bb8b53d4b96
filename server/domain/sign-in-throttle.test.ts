import { describe, expect, it } from "vitest";
import { delayAfter, failedAttempt, FIRST_DELAY_MS, FORGET_AFTER_MS, FREE_ATTEMPTS, MAX_DELAY_MS, releaseAttempt, reserveAttempt, type BrakeState } from "./sign-in-throttle";

describe("delayAfter", () => {
  // Doubling from 5 s after the fifth failure, capped at 5 minutes (hand-computed).
  it.each([
    [0, 0],
    [4, 0],
    [5, 5_000],
    [6, 10_000],
    [9, 80_000],
    [10, 160_000],
    [11, MAX_DELAY_MS],
    [1000, MAX_DELAY_MS],
  ])("after %i failures: %i ms", (failures, ms) => expect(delayAfter(failures)).toBe(ms));
});

describe("reserveAttempt", () => {
  it("lets FREE_ATTEMPTS through at one instant, then refuses until the delay has run", () => {
    let state: BrakeState | null = null;
    const allowed: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = reserveAttempt(state, 1_000);
      if (r.allowed) {
        state = r.state;
        allowed.push(i);
      } else expect(r.retryAfterMs).toBe(FIRST_DELAY_MS);
    }
    expect(allowed).toHaveLength(FREE_ATTEMPTS);
    const after = reserveAttempt(state, 1_000 + FIRST_DELAY_MS);
    expect(after.allowed).toBe(true);
  });

  it("never refuses for longer than the longest delay", () => {
    let state: BrakeState = { failures: 500, nextAttemptAt: 0, lastFailureAt: 0 };
    const r = reserveAttempt(state, 10);
    expect(r.allowed).toBe(true);
    if (r.allowed) state = r.state;
    const refused = reserveAttempt(state, 11);
    expect(refused).toEqual({ allowed: false, retryAfterMs: MAX_DELAY_MS - 1 });
  });

  it("forgets failures an hour after the last one", () => {
    const state: BrakeState = { failures: 50, nextAttemptAt: 10 + MAX_DELAY_MS, lastFailureAt: 10 };
    const r = reserveAttempt(state, 10 + FORGET_AFTER_MS);
    expect(r).toEqual({ allowed: true, state: { failures: 1, lastFailureAt: 10 + FORGET_AFTER_MS, nextAttemptAt: 10 + FORGET_AFTER_MS } });
  });

  it("starts the delay when a slow check ends, not only when it was reserved", () => {
    const reserved: BrakeState = { failures: FREE_ATTEMPTS, nextAttemptAt: 1_000 + FIRST_DELAY_MS, lastFailureAt: 1_000 };
    expect(failedAttempt(reserved, 4_000)).toEqual({ failures: FREE_ATTEMPTS, lastFailureAt: 4_000, nextAttemptAt: 4_000 + FIRST_DELAY_MS });
    expect(failedAttempt({ failures: 2, nextAttemptAt: 1_000, lastFailureAt: 1_000 }, 4_000)).toEqual({ failures: 2, lastFailureAt: 4_000, nextAttemptAt: 4_000 });
  });

  it("gives back an attempt that was not a guess", () => {
    expect(releaseAttempt({ failures: 1, nextAttemptAt: 5, lastFailureAt: 5 })).toBeNull();
    expect(releaseAttempt({ failures: 3, nextAttemptAt: 5, lastFailureAt: 5 })).toEqual({ failures: 2, nextAttemptAt: 5, lastFailureAt: 5 });
  });
});
