import { describe, expect, it } from "vitest";
import { delayAfter, FIRST_DELAY_MS, FORGET_AFTER_MS, FREE_ATTEMPTS, MAX_DELAY_MS, releaseAttempt, reserveAttempt, type BrakeState } from "./sign-in-throttle";

describe("delayAfter", () => {
  // Doubling from 2 s after the fifth failure, capped at 5 minutes (hand-computed).
  it.each([
    [0, 0],
    [4, 0],
    [5, 2_000],
    [6, 4_000],
    [9, 32_000],
    [12, 256_000],
    [13, MAX_DELAY_MS],
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

  it("gives back an attempt that was not a guess", () => {
    expect(releaseAttempt({ failures: 1, nextAttemptAt: 5, lastFailureAt: 5 })).toBeNull();
    expect(releaseAttempt({ failures: 3, nextAttemptAt: 5, lastFailureAt: 5 })).toEqual({ failures: 2, nextAttemptAt: 5, lastFailureAt: 5 });
  });
});
