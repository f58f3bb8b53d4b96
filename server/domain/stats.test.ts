import { describe, expect, it } from "vitest";
import {
  fisherExactTwoSided,
  probabilityABeatsB,
  probabilityBetaGreater,
  proportionDifference,
  quantile,
  rankByLowerBound,
  rateEvidence,
  wilsonInterval,
  Z95,
} from "./stats";

// --- Independent references, computed here without stats.ts ---------------------------

/** n choose k as an exact integer. */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}

/**
 * Two-sided Fisher exact p by brute force over every table with the observed margins, in exact
 * integer arithmetic: sum of hypergeometric P(x) over all x with P(x) ≤ P(observed), the
 * definition R's fisher.test uses. With integers the comparison needs no tolerance.
 */
function fisherByBruteForce(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const weight = (x: number) => choose(row1, x) * choose(row2, col1 - x);
  const observed = weight(a);
  let numerator = 0n;
  for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
    if (weight(x) <= observed) numerator += weight(x);
  }
  const denominator = choose(row1 + row2, col1);
  // Scale before converting so the ratio keeps ~15 significant digits even when tiny.
  const scale = 10n ** 30n;
  return Number((numerator * scale) / denominator) / 1e30;
}

/** Beta density from its definition, with B(a, b) by Simpson's rule on the integrand itself. */
function betaDensity(a: number, b: number) {
  const unnormalised = (x: number) => x ** (a - 1) * (1 - x) ** (b - 1);
  const norm = simpson(unnormalised, 0, 1, 20_000);
  return (x: number) => unnormalised(x) / norm;
}

function simpson(f: (x: number) => number, from: number, to: number, steps: number): number {
  const h = (to - from) / steps;
  let sum = f(from) + f(to);
  for (let i = 1; i < steps; i++) sum += f(from + i * h) * (i % 2 ? 4 : 2);
  return (sum * h) / 3;
}

/**
 * P(X > Y) = ∫₀¹ f_X(x) F_Y(x) dx, with F_Y accumulated by the trapezium rule on a fine grid and
 * the outer integral by Simpson's rule with 20,000 steps.
 */
function probabilityGreaterByIntegration(aX: number, bX: number, aY: number, bY: number): number {
  const steps = 20_000;
  const h = 1 / steps;
  const fX = betaDensity(aX, bX);
  const fY = betaDensity(aY, bY);
  const cdfY: number[] = [0];
  for (let i = 1; i <= steps; i++) cdfY.push(cdfY[i - 1] + ((fY((i - 1) * h) + fY(i * h)) * h) / 2);
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const weight = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
    sum += weight * fX(i * h) * cdfY[i];
  }
  return (sum * h) / 3;
}

// --- Wilson score interval -------------------------------------------------------------

describe("wilsonInterval", () => {
  // Closed forms used as hand computations: for x = n the lower bound is n / (n + z²) and the upper
  // is exactly 1; for x = 0 the lower is 0 and the upper z² / (n + z²). z = 1.959963984540054.
  const z2 = Z95 * Z95;
  const cases = [
    {
      name: "the seed morning, 3 of 8 (DESIGN.md: 13.7%–69.4%; Wilson's formula by hand in Python: 0.136844, 0.694258)",
      successes: 3,
      trials: 8,
      low: 0.1368,
      high: 0.6943,
    },
    { name: "8 of 8 (hand: 8 / (8 + z²) = 0.67559, upper exactly 1)", successes: 8, trials: 8, low: 8 / (8 + z2), high: 1 },
    { name: "0 of 8 (hand: lower 0, upper z² / (8 + z²) = 0.32441)", successes: 0, trials: 8, low: 0, high: z2 / (8 + z2) },
    { name: "2 of 2 (hand: 2 / (2 + z²) = 0.34238)", successes: 2, trials: 2, low: 2 / (2 + z2), high: 1 },
    { name: "40 of 100 (Wilson's formula by hand in Python: 0.309401, 0.497997)", successes: 40, trials: 100, low: 0.3094013, high: 0.4979974 },
  ];
  it.each(cases)("$name", ({ successes, trials, low, high }) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it("gives 8 of 8 an upper bound of exactly 1 and a lower bound of 0.6756 (hand computation above)", () => {
    const interval = wilsonInterval(8, 8);
    expect(interval.high).toBe(1);
    expect(interval.low).toBeCloseTo(0.6756, 4);
  });

  it("gives 0 of 8 a lower bound of exactly 0", () => {
    expect(wilsonInterval(0, 8).low).toBe(0);
  });

  // The figures: computed, 0/56 had 6.9e-18 and 0/1859 2.2e-19; 56/56 and 1859/1859 the mirror residue.
  it.each([
    { successes: 0, trials: 56, edge: "low", expected: 0 },
    { successes: 0, trials: 1859, edge: "low", expected: 0 },
    { successes: 0, trials: 3, edge: "low", expected: 0 },
    { successes: 56, trials: 56, edge: "high", expected: 1 },
    { successes: 1859, trials: 1859, edge: "high", expected: 1 },
    { successes: 1, trials: 1, edge: "high", expected: 1 },
  ] as const)("gives $successes of $trials a $edge bound of exactly $expected", ({ successes, trials, edge, expected }) => {
    expect(Object.is(wilsonInterval(successes, trials)[edge], expected)).toBe(true);
  });

  it("gives 0 of 0 the whole [0, 1]: no evidence at all", () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it("reads 3 of 8 as DESIGN.md prints it, 37.5% (13.7%–69.4%)", () => {
    const evidence = rateEvidence(3, 8);
    expect(evidence.rate).toBe(0.375);
    expect((evidence.ciLow * 100).toFixed(1)).toBe("13.7");
    expect((evidence.ciHigh * 100).toFixed(1)).toBe("69.4");
  });
});

// --- Ranking --------------------------------------------------------------------------

describe("rankByLowerBound", () => {
  const entry = (key: string, returned: number, voicemails: number) => ({ key, ...rateEvidence(returned, voicemails) });

  it("lists 2/2 below 40/100 as 'needs more data' when the minimum sample is 10", () => {
    const rows = rankByLowerBound([entry("two-of-two", 2, 2), entry("forty-of-hundred", 40, 100)], 10);
    expect(rows.map((r) => [r.key, r.ranked, r.rank])).toEqual([
      ["forty-of-hundred", true, 1],
      ["two-of-two", false, null],
    ]);
  });

  it("ranks 2/2 above 40/100 when the minimum sample is 1, because its lower bound is higher", () => {
    // What the math says: 2/2 has Wilson lower bound 2 / (2 + z²) = 0.3424, above 40/100's 0.3094,
    // so ranking by lower bound alone puts it first. The minimum sample is what keeps 2/2 off the
    // board; the lower bound by itself does not.
    expect(wilsonInterval(2, 2).low).toBeCloseTo(0.3424, 4);
    expect(wilsonInterval(40, 100).low).toBeCloseTo(0.3094, 4);
    const rows = rankByLowerBound([entry("forty-of-hundred", 40, 100), entry("two-of-two", 2, 2)], 1);
    expect(rows.map((r) => [r.key, r.rank])).toEqual([
      ["two-of-two", 1],
      ["forty-of-hundred", 2],
    ]);
  });

  it("ranks a large sample above a small one with the same raw rate (12/20 vs 3/5)", () => {
    const rows = rankByLowerBound([entry("small", 3, 5), entry("large", 12, 20)], 1);
    expect(rows.map((r) => r.key)).toEqual(["large", "small"]);
  });

  const tied = [entry("bravo", 5, 10), entry("alpha", 5, 10), entry("charlie", 5, 10), entry("delta", 1, 3), entry("echo", 1, 3)];
  const orders = [
    { name: "as given", entries: tied },
    { name: "reversed", entries: [...tied].reverse() },
    { name: "rotated", entries: [...tied.slice(2), ...tied.slice(0, 2)] },
  ];
  it.each(orders)("breaks ties by key, whatever the input order ($name)", ({ entries }) => {
    const rows = rankByLowerBound(entries, 5);
    expect(rows.map((r) => [r.key, r.rank])).toEqual([
      ["alpha", 1],
      ["bravo", 2],
      ["charlie", 3],
      ["delta", null],
      ["echo", null],
    ]);
  });

  it("ranks 0/1859 above 0/56: equal bounds of 0 and equal rates, so the larger sample wins the tie", () => {
    const rows = rankByLowerBound([entry("a-small", 0, 56), entry("b-large", 0, 1859)], 10);
    expect(rows.map((r) => [r.key, r.rank])).toEqual([
      ["b-large", 1],
      ["a-small", 2],
    ]);
  });

  it("lists unranked entries largest sample first", () => {
    const rows = rankByLowerBound([entry("one", 1, 1), entry("none", 0, 0), entry("four", 2, 4)], 10);
    expect(rows.map((r) => r.key)).toEqual(["four", "one", "none"]);
    expect(rows.every((r) => !r.ranked && r.rank === null)).toBe(true);
  });
});

// --- Quantile ---------------------------------------------------------------------------

describe("quantile (type 7)", () => {
  // Expected values from R's quantile(x, q) (type = 7, the default) / NumPy's default method,
  // checked by hand: position h = (n − 1)q, value x[⌊h⌋] + (h − ⌊h⌋)(x[⌈h⌉] − x[⌊h⌋]).
  const cases = [
    { name: "median of an even count interpolates", values: [1, 2, 3, 4], q: 0.5, expected: 2.5 },
    { name: "80th percentile of 1..4 (h = 2.4)", values: [1, 2, 3, 4], q: 0.8, expected: 3.4 },
    { name: "unsorted input is sorted first (h = 0.75)", values: [10, 1, 7, 3], q: 0.25, expected: 2.5 },
    { name: "median of an odd count is the middle value", values: [5, 1, 3], q: 0.5, expected: 3 },
    { name: "q = 0 is the minimum", values: [4, 2, 9], q: 0, expected: 2 },
    { name: "q = 1 is the maximum", values: [4, 2, 9], q: 1, expected: 9 },
    { name: "one value is every quantile", values: [42], q: 0.8, expected: 42 },
    { name: "80th percentile of 1..10 (h = 7.2)", values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], q: 0.8, expected: 8.2 },
    { name: "no values", values: [], q: 0.5, expected: null },
  ];
  it.each(cases)("$name", ({ values, q, expected }) => {
    const result = quantile(values, q);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 12);
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

// --- Fisher's exact test ------------------------------------------------------------------

type Four = [number, number, number, number];

describe("fisherExactTwoSided", () => {
  const cases: { name: string; table: Four; expected: number }[] = [
    {
      // R: fisher.test(matrix(c(3, 1, 5, 7), 2))$p.value = 0.5692308 (exactly 37/65).
      name: "3/8 vs 1/8: no evidence of a difference",
      table: [3, 5, 1, 7],
      expected: 37 / 65,
    },
    {
      // Brute-force exact sum (below) and scipy.stats.fisher_exact both give 0.000432411402502635.
      // The brief quoted "about 0.000262" for R; the exact computation says 0.000432, so that is
      // what is asserted.
      name: "30/80 vs 10/80: strong evidence",
      table: [30, 50, 10, 70],
      expected: 0.000432411402502635,
    },
    { name: "identical rows: p = 1", table: [4, 4, 4, 4], expected: 1 },
    // Only the observed table and its mirror are as extreme: 2 · (1/C(10,5)) = 2/252.
    { name: "5/5 vs 0/5: the two most extreme tables", table: [5, 0, 0, 5], expected: 2 / 252 },
  ];

  it.each(cases)("$name (brute-force reference agrees with the literal)", ({ table, expected }) => {
    expect(fisherByBruteForce(...table)).toBeCloseTo(expected, 12);
  });

  it.each(cases)("$name", ({ table, expected }) => {
    const p = fisherExactTwoSided(...table);
    expect(Math.abs(p - expected) / expected).toBeLessThan(1e-8);
  });

  it("is symmetric in which script is A", () => {
    expect(fisherExactTwoSided(1, 7, 3, 5)).toBeCloseTo(fisherExactTwoSided(3, 5, 1, 7), 12);
  });
});

// --- P(A beats B) -----------------------------------------------------------------------------

describe("probabilityBetaGreater / probabilityABeatsB", () => {
  const cases: { name: string; params: Four; expected: number }[] = [
    // Exact value for Beta(4,6) vs Beta(2,8) is 29/34 = 0.852941176… (the finite sum is rational;
    // scipy.integrate.quad of f_X·F_Y gives 0.8529411764705879).
    { name: "Beta(4,6) vs Beta(2,8)", params: [4, 6, 2, 8], expected: 29 / 34 },
    { name: "Beta(2,8) vs Beta(4,6), the complement", params: [2, 8, 4, 6], expected: 5 / 34 },
    { name: "identical posteriors: one half", params: [3, 5, 3, 5], expected: 0.5 },
    { name: "uniform vs uniform: one half", params: [1, 1, 1, 1], expected: 0.5 },
    // Beta(2,1) has density 2x, so P(X > U) = ∫ 2x · x dx = 2/3.
    { name: "Beta(2,1) vs uniform (hand: 2/3)", params: [2, 1, 1, 1], expected: 2 / 3 },
  ];

  it.each(cases)("$name agrees with numeric integration to 1e-4", ({ params, expected }) => {
    const integrated = probabilityGreaterByIntegration(...params);
    expect(Math.abs(integrated - expected)).toBeLessThan(1e-4);
    expect(Math.abs(probabilityBetaGreater(...params) - integrated)).toBeLessThan(1e-4);
  });

  it.each(cases)("$name equals the exact value", ({ params, expected }) => {
    expect(probabilityBetaGreater(...params)).toBeCloseTo(expected, 10);
  });

  it("reads 3/8 vs 1/8 as Beta(4,6) vs Beta(2,8) with uniform priors", () => {
    expect(probabilityABeatsB({ returned: 3, voicemails: 8 }, { returned: 1, voicemails: 8 })).toBeCloseTo(29 / 34, 10);
  });

  it("gives P(A > B) + P(B > A) = 1 for continuous posteriors", () => {
    const a = { returned: 7, voicemails: 19 };
    const b = { returned: 11, voicemails: 23 };
    expect(probabilityABeatsB(a, b) + probabilityABeatsB(b, a)).toBeCloseTo(1, 10);
  });
});

// --- Difference of proportions -----------------------------------------------------------------

describe("proportionDifference", () => {
  it("is pA − pB with Newcombe's hybrid score interval from the two Wilson intervals", () => {
    // Newcombe (1998) method 10: L = d − √((pA − lA)² + (uB − pB)²), U = d + √((uA − pA)² + (pB − lB)²).
    const a = wilsonInterval(3, 8);
    const b = wilsonInterval(1, 8);
    const d = proportionDifference({ returned: 3, voicemails: 8 }, { returned: 1, voicemails: 8 });
    expect(d.difference).toBeCloseTo(0.25, 12);
    expect(d.low).toBeCloseTo(0.25 - Math.hypot(0.375 - a.low, b.high - 0.125), 12);
    expect(d.high).toBeCloseTo(0.25 + Math.hypot(a.high - 0.375, 0.125 - b.low), 12);
    expect(d.low).toBeLessThan(0);
    expect(d.high).toBeGreaterThan(0);
  });

  it("matches Newcombe's worked example 56/70 vs 48/80: 0.2000 (0.0524, 0.3339)", () => {
    // Newcombe 1998, Statistics in Medicine 17:873–890, Table II example (a), method 10.
    const d = proportionDifference({ returned: 56, voicemails: 70 }, { returned: 48, voicemails: 80 });
    expect(d.difference).toBeCloseTo(0.2, 12);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
  });

  it("stays inside [−1, 1]", () => {
    const d = proportionDifference({ returned: 5, voicemails: 5 }, { returned: 0, voicemails: 5 });
    expect(d.high).toBeLessThanOrEqual(1);
    expect(d.low).toBeGreaterThanOrEqual(-1);
  });
});
