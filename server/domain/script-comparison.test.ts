import { describe, expect, it } from "vitest";
import { comparableAttemptNumbers, compareScripts, voicemailsNeededEach } from "./script-comparison";

describe("voicemailsNeededEach (two-proportion sample size, α = 0.05 two-sided)", () => {
  const cases = [
    // R documentation of power.prop.test: `power.prop.test(p1 = .50, p2 = .75, power = .90)  # => n = 76.7`.
    { p1: 0.5, p2: 0.75, power: 0.9 as const, n: 76.7, digits: 1, source: "R power.prop.test example" },
    // Hand computation: (1.95996·√0.375 + 0.84162·√0.37)² / 0.01 = 293.15 (R power.prop.test gives n = 293.1).
    { p1: 0.2, p2: 0.3, power: 0.8 as const, n: 293.15, digits: 2, source: "hand computation, R power.prop.test" },
    // Symmetric in its arguments.
    { p1: 0.3, p2: 0.2, power: 0.8 as const, n: 293.15, digits: 2, source: "symmetry" },
  ];
  it.each(cases)("$p1 vs $p2 at power $power needs $n each ($source)", ({ p1, p2, power, n, digits }) => {
    expect(voicemailsNeededEach(p1, p2, power)).toBeCloseTo(n, digits);
  });

  it("is null for equal rates: no sample separates them", () => {
    expect(voicemailsNeededEach(0.4, 0.4)).toBeNull();
  });
});

describe("compareScripts", () => {
  it("the seed morning, 3 of 8 against 1 of 8: no evidence yet, with how many more would settle it", () => {
    const c = compareScripts({ returned: 3, voicemails: 8 }, { returned: 1, voicemails: 8 });
    // Reference values pinned in stats.test.ts: Fisher p = 0.5692 (R fisher.test), P(A > B) = 29/34.
    expect(c.fisherP).toBeCloseTo(0.5692, 4);
    expect(c.probabilityThisBeatsThat).toBeCloseTo(29 / 34, 10);
    expect(c.difference.difference).toBeCloseTo(0.25, 10);
    expect(c.difference.low).toBeLessThan(0);
    // n at 0.375 vs 0.125 and 80% power is 45.9 by the formula above → 46 − 8 already logged = 38 more each.
    expect(c.verdict).toEqual({
      kind: "no-difference",
      moreEach: 38,
      text: "No evidence of a difference yet — about 38 more voicemails each would settle it.",
    });
  });

  it("30 of 80 against 10 of 80 is likely better, and the other way round likely worse", () => {
    const better = compareScripts({ returned: 30, voicemails: 80 }, { returned: 10, voicemails: 80 });
    expect(better.fisherP).toBeCloseTo(0.000432, 6);
    expect(better.difference.low).toBeGreaterThan(0);
    expect(better.verdict).toEqual({ kind: "better", text: "Likely better" });
    const worse = compareScripts({ returned: 10, voicemails: 80 }, { returned: 30, voicemails: 80 });
    expect(worse.verdict).toEqual({ kind: "worse", text: "Likely worse" });
    expect(worse.probabilityThisBeatsThat).toBeCloseTo(1 - better.probabilityThisBeatsThat, 10);
  });

  const undecided = [
    { name: "equal rates", a: { returned: 5, voicemails: 10 }, b: { returned: 10, voicemails: 20 }, moreEach: null },
    { name: "one side with no voicemails", a: { returned: 0, voicemails: 0 }, b: { returned: 4, voicemails: 10 }, moreEach: undefined },
  ];
  it.each(undecided)("$name names no winner", ({ a, b, moreEach }) => {
    const { verdict } = compareScripts(a, b);
    expect(verdict.kind).toBe(moreEach === undefined ? "no-data" : "no-difference");
    if (verdict.kind === "no-difference") expect(verdict.moreEach).toBe(moreEach);
  });

  it("a difference the power formula calls large enough but Fisher does not still asks for more", () => {
    // 11/40 vs 4/40: the formula's n at 0.275 vs 0.1 is about 74, yet Fisher's p is above 0.05 — no verdict.
    const c = compareScripts({ returned: 11, voicemails: 40 }, { returned: 4, voicemails: 40 });
    expect(c.fisherP).toBeGreaterThan(0.05);
    expect(c.verdict.kind).toBe("no-difference");
    expect(c.verdict.kind === "no-difference" && c.verdict.moreEach).toBeGreaterThanOrEqual(1);
  });
});

describe("comparableAttemptNumbers (last-try scripts meet others only at the same attempt numbers)", () => {
  const cases = [
    { name: "two first touches compare everything", a: { stage: "first-touch", attemptNumbers: [1] }, b: { stage: "follow-up", attemptNumbers: [2, 3] }, want: null },
    { name: "this one last-try: only where both were used", a: { stage: "last-try", attemptNumbers: [5, 4] }, b: { stage: "follow-up", attemptNumbers: [2, 3, 4] }, want: [4] },
    { name: "that one last-try, never met: nothing to compare", a: { stage: "any", attemptNumbers: [1, 2] }, b: { stage: "last-try", attemptNumbers: [4, 6] }, want: [] },
    // The case: 24-Second Intro only at #1 against a last try used at #1, #3, #4, #5.
    { name: "a first touch against a last try meets it on #1 only", a: { stage: "first-touch", attemptNumbers: [1] }, b: { stage: "last-try", attemptNumbers: [1, 3, 4, 5] }, want: [1] },
    { name: "both last-try: where both were used", a: { stage: "last-try", attemptNumbers: [4, 5, 6] }, b: { stage: "last-try", attemptNumbers: [5, 6, 7] }, want: [5, 6] },
  ];
  it.each(cases)("$name", ({ a, b, want }) => {
    expect(comparableAttemptNumbers(a, b)).toEqual(want);
  });
});
