// Pure statistics behind every rate Ringback shows (DESIGN.md, "Metric definitions").
// No database, no IO: tables of cases in stats.test.ts pin each function to reference values.

/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

export type Interval = { low: number; high: number };

/**
 * Wilson score interval (Wilson 1927) for `successes` of `trials`; 0 of 0 is the whole [0, 1].
 * The bound at an edge is exactly 0 (none returned) or exactly 1 (all returned): computed, it is
 * floating-point residue (0/56 gave 6.9e-18, above 0/1859's 2.2e-19) that would decide ranking
 * ties the documented tie-break (rate, then the larger sample) should decide.
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): Interval {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return {
    low: successes <= 0 ? 0 : Math.max(0, centre - half),
    high: successes >= trials ? 1 : Math.min(1, centre + half),
  };
}

/** R / V, or null when there is nothing to divide. */
export function callbackRate(returned: number, voicemails: number): number | null {
  return voicemails > 0 ? returned / voicemails : null;
}

export type RateEvidence = {
  voicemails: number;
  returned: number;
  rate: number | null;
  ciLow: number;
  ciHigh: number;
};

export function rateEvidence(returned: number, voicemails: number): RateEvidence {
  const { low, high } = wilsonInterval(returned, voicemails);
  return { voicemails, returned, rate: callbackRate(returned, voicemails), ciLow: low, ciHigh: high };
}

export type Rankable = RateEvidence & { key: string };
export type Ranked<T extends Rankable> = T & { ranked: boolean; rank: number | null };

/**
 * Leaderboard order: entries with at least `minSample` voicemails ranked by the interval's
 * lower bound (a lucky streak on a small sample cannot outrank a steady large one), ties broken by rate, then sample size, then key so the
 * order never depends on input order; the rest follow, unranked, largest sample first.
 */
export function rankByLowerBound<T extends Rankable>(entries: readonly T[], minSample: number): Ranked<T>[] {
  const ranked = entries
    .filter((e) => e.voicemails >= minSample)
    .sort(
      (a, b) =>
        b.ciLow - a.ciLow ||
        (b.rate ?? 0) - (a.rate ?? 0) ||
        b.voicemails - a.voicemails ||
        compareKeys(a.key, b.key),
    )
    .map((e, i) => ({ ...e, ranked: true, rank: i + 1 }));
  const unranked = entries
    .filter((e) => e.voicemails < minSample)
    .sort((a, b) => b.voicemails - a.voicemails || compareKeys(a.key, b.key))
    .map((e) => ({ ...e, ranked: false, rank: null }));
  return [...ranked, ...unranked];
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Quantile with linear interpolation between order statistics (R type 7, NumPy default). */
export function quantile(values: readonly number[], q: number): number | null {
  return sortedQuantile([...values].sort((a, b) => a - b), q);
}

/** `quantile` of values already in ascending order, so several quantiles share one sort. */
function sortedQuantile(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

// --- Script comparison ------------------------------------------------------------

/** log Γ(x) by the Lanczos approximation (g = 7, n = 9), accurate to about 15 digits. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b);

/**
 * P(X > Y) for X ~ Beta(aX, bX), Y ~ Beta(aY, bY) with integer aX: the exact finite sum
 * (Evan Miller, "Formulas for Bayesian A/B testing", 2015), evaluated in log space.
 */
export function probabilityBetaGreater(aX: number, bX: number, aY: number, bY: number): number {
  let total = 0;
  for (let i = 0; i < aX; i++) {
    total += Math.exp(logBeta(aY + i, bX + bY) - Math.log(bX + i) - logBeta(1 + i, bX) - logBeta(aY, bY));
  }
  return Math.min(1, Math.max(0, total));
}

/** Probability that A's true callback rate beats B's, with uniform Beta(1, 1) priors. */
export function probabilityABeatsB(a: { returned: number; voicemails: number }, b: { returned: number; voicemails: number }) {
  return probabilityBetaGreater(1 + a.returned, 1 + a.voicemails - a.returned, 1 + b.returned, 1 + b.voicemails - b.returned);
}

/** Two-sided Fisher exact test p-value for the 2×2 table [[a, b], [c, d]]. */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const logChoose = (k: number, r: number) => logGamma(k + 1) - logGamma(r + 1) - logGamma(k - r + 1);
  const logDenominator = logChoose(n, col1);
  const probability = (x: number) => Math.exp(logChoose(row1, x) + logChoose(n - row1, col1 - x) - logDenominator);
  const observed = probability(a);
  let p = 0;
  for (let x = Math.max(0, col1 - (n - row1)); x <= Math.min(row1, col1); x++) {
    const px = probability(x);
    // Relative tolerance as in R's fisher.test, so equal-probability tables count despite rounding.
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return Math.min(1, p);
}

/**
 * Difference of two proportions pA − pB with Newcombe's hybrid score interval (method 10,
 * Newcombe 1998), which stays inside [−1, 1] and behaves at small counts.
 */
export function proportionDifference(a: { returned: number; voicemails: number }, b: { returned: number; voicemails: number }) {
  const pA = a.voicemails ? a.returned / a.voicemails : 0;
  const pB = b.voicemails ? b.returned / b.voicemails : 0;
  const wa = wilsonInterval(a.returned, a.voicemails);
  const wb = wilsonInterval(b.returned, b.voicemails);
  const difference = pA - pB;
  const low = difference - Math.sqrt((pA - wa.low) ** 2 + (wb.high - pB) ** 2);
  const high = difference + Math.sqrt((wa.high - pA) ** 2 + (pB - wb.low) ** 2);
  return { difference, low: Math.max(-1, low), high: Math.min(1, high) };
}

// --- Breakdowns -----------------------------------------------------------------------------

/** Median and 80th percentile of minutes from voicemail to its first credited callback. */
export function timeToCallback(minutes: readonly number[]): { median: number | null; p80: number | null } {
  return sortedTimeToCallback(Float64Array.from(minutes).sort());
}

/** The same, of minutes already in ascending order. */
export function sortedTimeToCallback(sorted: ArrayLike<number>): { median: number | null; p80: number | null } {
  return { median: sortedQuantile(sorted, 0.5), p80: sortedQuantile(sorted, 0.8) };
}

/** DESIGN.md's attempt-number buckets: the 1st, 2nd and 3rd voicemail, then every later one as "4+". */
export function attemptBucket(voicemailNumber: number): "1" | "2" | "3" | "4+" {
  return voicemailNumber >= 4 ? "4+" : (String(Math.max(1, Math.floor(voicemailNumber))) as "1" | "2" | "3");
}

export type Counts = { voicemails: number; returned: number; appointments: number };

/** Adds counts into a map entry, creating it at zero; the shape every breakdown folds into. */
export function addCounts<K>(into: Map<K, Counts>, key: K, counts: Counts): void {
  const entry = into.get(key) ?? { voicemails: 0, returned: 0, appointments: 0 };
  entry.voicemails += counts.voicemails;
  entry.returned += counts.returned;
  entry.appointments += counts.appointments;
  into.set(key, entry);
}
