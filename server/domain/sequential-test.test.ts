import { describe, expect, it } from "vitest";
import {
  emptyPair,
  fixedHorizonVoicemailsPerArm,
  mixtureRatio,
  normalQuantile,
  observe,
  pairLevel,
  pairVerdict,
  plannedVoicemailsPerArm,
  sequenceHalfWidth,
  type PairState,
} from "./sequential-test";

// References: normal quantiles from any statistical table (checked with Python's
// statistics.NormalDist().inv_cdf); the fixed-horizon sample sizes from Fleiss, Levin and Paik
// (2003), eq. 4.14 without continuity correction, computed by hand in Python (20% vs 30%: 293.15,
// so 294 per arm); the mixture likelihood ratio from its closed form in Johari et al. (2022),
// eq. 9 with Gaussian mixing, evaluated independently in Python.

describe("normalQuantile", () => {
  it.each([
    [0.975, 1.959964],
    [0.995, 2.575829],
    [0.9, 1.281552],
    [0.8, 0.841621],
    [0.5, 0],
    [0.01, -2.326348],
  ])("Φ⁻¹(%s) = %s", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 6);
  });
});

describe("fixedHorizonVoicemailsPerArm", () => {
  it.each([
    [0.2, 0.3, 294],
    [0.2, 0.35, 138],
    [0.1, 0.2, 199],
    [0.5, 0.6, 388],
    [0.05, 0.1, 435],
  ])("%s vs %s at α 0.05, power 80%%: %s per arm", (p0, p1, n) => {
    expect(fixedHorizonVoicemailsPerArm(p0, p1)).toBe(n);
  });
});

describe("mixtureRatio", () => {
  it.each([
    { difference: 0, v: 0.001, tau: 0.1, want: 0.3015113445777636 },
    { difference: 0.05, v: 0.001, tau: 0.1, want: 0.9393341553969636 },
    { difference: 0.1, v: 0.0005, tau: 0.1, want: 2985.5769939351617 },
    { difference: 0.15, v: 0.002, tau: 0.15, want: 50.051544180135025 },
    { difference: -0.08, v: 0.0008, tau: 0.1, want: 11.049209213143582 },
  ])("Λ(θ̂ $difference, V $v, τ $tau) = $want", ({ difference, v, tau, want }) => {
    expect(mixtureRatio(difference, v, tau)).toBeCloseTo(want, 9 - Math.ceil(Math.log10(want + 1)));
  });

  it("reaches 1/α exactly at the confidence sequence's half-width", () => {
    for (const [v, tau, alpha] of [[0.001, 0.1, 0.05], [0.0002, 0.05, 0.01], [0.01, 0.2, 0.0167]] as const) {
      expect(mixtureRatio(sequenceHalfWidth(v, tau, alpha), v, tau)).toBeCloseTo(1 / alpha, 6);
    }
  });
});

describe("observe", () => {
  const feed = (pattern: [arm: "a" | "b", returned: boolean][]) => {
    let state: PairState = emptyPair();
    const seen: PairState[] = [];
    for (const [arm, returned] of pattern) seen.push((state = observe(state, arm, returned, 0.1, 0.05)));
    return seen;
  };
  // B returns every other voicemail, A one in ten: a clear difference.
  const pattern = Array.from({ length: 400 }, (_, i): [arm: "a" | "b", returned: boolean] => (i % 2 === 0 ? ["a", i % 20 === 0] : ["b", i % 4 === 1]));
  const states = feed(pattern);

  it("counts each arm's voicemails and returned", () => {
    expect(states.at(-1)!.a).toEqual({ voicemails: 200, returned: 20 });
    expect(states.at(-1)!.b).toEqual({ voicemails: 200, returned: 100 });
  });

  it("keeps the p-value falling and the confidence sequence narrowing, whatever the next voicemail says", () => {
    for (let i = 1; i < states.length; i++) {
      expect(states[i]!.p).toBeLessThanOrEqual(states[i - 1]!.p);
      expect(states[i]!.low).toBeGreaterThanOrEqual(states[i - 1]!.low);
      expect(states[i]!.high).toBeLessThanOrEqual(states[i - 1]!.high);
    }
  });

  it("declares B better once the sequence excludes no difference", () => {
    const last = states.at(-1)!;
    expect(last.low).toBeGreaterThan(0);
    expect(last.p).toBeLessThan(1e-6);
    expect(pairVerdict(last, 0.1, 0.05)).toBe("b-better");
  });

  it("stops for no difference once the sequence lies within ±δ, and keeps going before", () => {
    const even = feed(Array.from({ length: 6000 }, (_, i): [arm: "a" | "b", returned: boolean] => [i % 2 ? "b" : "a", i % 10 < 2]));
    expect(pairVerdict(even[100]!, 0.1, 0.05)).toBe("keep-going");
    expect(pairVerdict(even.at(-1)!, 0.1, 0.05)).toBe("no-difference");
  });
});

describe("the plan", () => {
  it("holds each of m pairs to α / m (Bonferroni)", () => {
    expect(pairLevel(2)).toBe(0.05);
    expect(pairLevel(3)).toBeCloseTo(0.05 / 3, 12);
    expect(pairLevel(4)).toBeCloseTo(0.05 / 6, 12);
  });

  it.each([
    { base: 0.2, points: 10, fixed: 294 },
    { base: 0.2, points: 15, fixed: 138 },
    { base: 0.1, points: 10, fixed: 199 },
  ])("base $base, δ $points points: more than the $fixed a fixed horizon needs, less than three times it", ({ base, points, fixed }) => {
    const n = plannedVoicemailsPerArm(base, points / 100);
    expect(n).toBeGreaterThan(fixed);
    expect(n).toBeLessThan(3 * fixed);
  });

  it("needs more voicemails per arm for more arms and for smaller differences", () => {
    expect(plannedVoicemailsPerArm(0.2, 0.1, 3)).toBeGreaterThan(plannedVoicemailsPerArm(0.2, 0.1, 2));
    expect(plannedVoicemailsPerArm(0.2, 0.05)).toBeGreaterThan(plannedVoicemailsPerArm(0.2, 0.1));
  });
});
