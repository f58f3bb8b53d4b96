import { describe, expect, it } from "vitest";
import { seededRandom } from "./random-source";
import { balancedArm, betaDraw, thompsonPick } from "./script-allocation";
import { probabilityBetaGreater } from "./stats";

// References: the mean a/(a+b) and variance ab/((a+b)²(a+b+1)) of Beta(a, b) (any textbook);
// for two candidates Thompson sampling picks A with probability P(X_A > X_B), which
// stats.ts's probabilityBetaGreater gives exactly (Evan Miller's closed form, tested there).

describe("betaDraw", () => {
  it.each([
    [1, 1],
    [2, 5],
    [22, 79],
    [310, 1094],
  ])("Beta(%s, %s) draws have its mean and variance", (a, b) => {
    const random = seededRandom(a * 1000 + b);
    const draws = Array.from({ length: 20000 }, () => betaDraw(a, b, random));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length;
    const wantMean = a / (a + b);
    const wantVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(mean - wantMean)).toBeLessThan(4 * Math.sqrt(wantVariance / draws.length));
    expect(variance / wantVariance).toBeGreaterThan(0.95);
    expect(variance / wantVariance).toBeLessThan(1.05);
  });
});

describe("thompsonPick", () => {
  it.each([
    { a: { voicemails: 10, returned: 3 }, b: { voicemails: 12, returned: 2 } },
    { a: { voicemails: 0, returned: 0 }, b: { voicemails: 100, returned: 21 } },
    { a: { voicemails: 221, returned: 48 }, b: { voicemails: 230, returned: 28 } },
  ])("picks A as often as P(rate A > rate B) under the posteriors: $a.returned/$a.voicemails vs $b.returned/$b.voicemails", ({ a, b }) => {
    const random = seededRandom(a.voicemails * 31 + b.returned);
    const trials = 20000;
    let picksA = 0;
    for (let i = 0; i < trials; i++) if (thompsonPick([a, b], random) === 0) picksA++;
    const want = probabilityBetaGreater(1 + a.returned, 1 + a.voicemails - a.returned, 1 + b.returned, 1 + b.voicemails - b.returned);
    expect(Math.abs(picksA / trials - want)).toBeLessThan(0.015);
  });

  it("has nothing to pick from an empty list", () => {
    expect(thompsonPick([], seededRandom(1))).toBe(-1);
  });
});

describe("balancedArm", () => {
  it.each([
    { assigned: [3, 3], u: 0, want: 0 },
    { assigned: [3, 3], u: 0.99, want: 1 },
    { assigned: [4, 3, 3], u: 0, want: 1 },
    { assigned: [4, 3, 3], u: 0.6, want: 2 },
    { assigned: [2, 2, 2, 1], u: 0.2, want: 3 },
  ])("$assigned with draw $u → arm $want", ({ assigned, u, want }) => {
    expect(balancedArm(assigned, u)).toBe(want);
  });
});
