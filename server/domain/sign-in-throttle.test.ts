import { describe, expect, it } from "vitest";
import { MAX_FAILURES, SignInThrottle, WINDOW_MS } from "./sign-in-throttle";

function throttleAt(start = 1_000_000) {
  let now = start;
  const throttle = new SignInThrottle(() => now);
  return { throttle, advance: (ms: number) => (now += ms) };
}

describe("SignInThrottle", () => {
  it("lets an account fail up to the limit, then refuses until the oldest failure ages out", () => {
    const { throttle, advance } = throttleAt();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(throttle.retryAfterMs("a@x.test")).toBe(0);
      throttle.recordFailure("a@x.test");
      advance(1000);
    }
    // Five failures at t=0..4 s; now t=5 s: locked until the first (t=0) leaves the window.
    expect(throttle.retryAfterMs("a@x.test")).toBe(WINDOW_MS - 5000);
    advance(WINDOW_MS - 5000);
    expect(throttle.retryAfterMs("a@x.test")).toBe(0);
  });

  it("counts accounts separately", () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < MAX_FAILURES; i++) throttle.recordFailure("a@x.test");
    expect(throttle.retryAfterMs("a@x.test")).toBeGreaterThan(0);
    expect(throttle.retryAfterMs("b@x.test")).toBe(0);
  });

  it("forgets failures after a successful sign-in", () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.recordFailure("a@x.test");
    throttle.recordSuccess("a@x.test");
    throttle.recordFailure("a@x.test");
    expect(throttle.retryAfterMs("a@x.test")).toBe(0);
  });

  it("lets failures older than the window expire one by one", () => {
    const { throttle, advance } = throttleAt();
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.recordFailure("a@x.test");
    advance(WINDOW_MS + 1);
    throttle.recordFailure("a@x.test");
    expect(throttle.retryAfterMs("a@x.test")).toBe(0);
  });
});
