// The always-valid sequential test behind an experiment's verdict: a mixture sequential
// probability ratio test (mSPRT) on the difference of two callback rates, as in Johari, Koomen,
// Pekelis and Walsh, "Always Valid Inference: Continuous Monitoring of A/B Tests", Operations
// Research 70(3), 2022 (the method behind Optimizely's Stats Engine). The difference of the
// observed rates is treated as normal with its plug-in variance V; mixing the likelihood ratio
// over a normal prior N(0, τ²) on the true difference gives, for the hypothesis "difference = θ₀",
//
//   Λ(θ₀) = √(V / (V + τ²)) · exp( τ² (θ̂ − θ₀)² / (2 V (V + τ²)) ).
//
// Λ is a test martingale under the hypothesis, so by Ville's inequality it ever reaches 1/α with
// probability at most α, however often it is looked at. The always-valid p-value is the running
// minimum of 1/Λ(0), and the values of θ₀ never yet rejected form an anytime-valid confidence
// sequence — its running intersection — which is what "no difference worth δ is likely" reads.
// Each update is O(1): running counts, one exp, one log.

export const DEFAULT_ALPHA = 0.05;
export const DEFAULT_POWER = 0.8;

export type ArmCounts = { voicemails: number; returned: number };

/** One comparison of arm B against arm A, as it stands after the voicemails seen so far. */
export type PairState = {
  a: ArmCounts;
  b: ArmCounts;
  /** Always-valid p-value for "no difference" (running minimum, so it never rises). */
  p: number;
  /** Anytime-valid confidence sequence for rate(B) − rate(A) (running intersection). */
  low: number;
  high: number;
};

export const emptyPair = (): PairState => ({ a: { voicemails: 0, returned: 0 }, b: { voicemails: 0, returned: 0 }, p: 1, low: -1, high: 1 });

// The plug-in variance smooths each rate towards ½ by one success and one failure (the
// Agresti–Caffo adjustment) so that an arm at 0 of 3 does not claim a variance of zero.
const smoothed = (c: ArmCounts) => (c.returned + 1) / (c.voicemails + 2);

/** Plug-in variance of the observed difference of rates. */
export function differenceVariance(a: ArmCounts, b: ArmCounts): number {
  const pa = smoothed(a);
  const pb = smoothed(b);
  return (pa * (1 - pa)) / Math.max(1, a.voicemails) + (pb * (1 - pb)) / Math.max(1, b.voicemails);
}

/** The mixture likelihood ratio Λ for an observed difference with variance `v`, at θ₀ = `theta0`. */
export function mixtureRatio(difference: number, v: number, tau: number, theta0 = 0): number {
  const t2 = tau * tau;
  const d = difference - theta0;
  return Math.sqrt(v / (v + t2)) * Math.exp((t2 * d * d) / (2 * v * (v + t2)));
}

/** Half-width of the confidence sequence: the |θ̂ − θ₀| at which Λ(θ₀) reaches 1/α. */
export function sequenceHalfWidth(v: number, tau: number, alpha: number): number {
  const t2 = tau * tau;
  return Math.sqrt(((2 * v * (v + t2)) / t2) * (Math.log(1 / alpha) + 0.5 * Math.log((v + t2) / v)));
}

const rateOf = (c: ArmCounts) => (c.voicemails > 0 ? c.returned / c.voicemails : 0);

/**
 * The pair after one more voicemail to arm "a" or "b". `tau` is the mixing scale (the smallest
 * difference worth detecting); `alpha` the level this pair is held to.
 */
export function observe(state: PairState, arm: "a" | "b", returned: boolean, tau: number, alpha: number): PairState {
  const bump = (c: ArmCounts) => ({ voicemails: c.voicemails + 1, returned: c.returned + (returned ? 1 : 0) });
  const a = arm === "a" ? bump(state.a) : state.a;
  const b = arm === "b" ? bump(state.b) : state.b;
  // Until both arms have a voicemail there is no difference to speak of.
  if (a.voicemails === 0 || b.voicemails === 0) return { ...state, a, b };
  const v = differenceVariance(a, b);
  const difference = rateOf(b) - rateOf(a);
  const half = sequenceHalfWidth(v, tau, alpha);
  return {
    a,
    b,
    p: Math.min(state.p, 1 / mixtureRatio(difference, v, tau)),
    low: Math.max(state.low, difference - half),
    high: Math.min(state.high, difference + half),
  };
}

export type PairVerdict = "b-better" | "a-better" | "no-difference" | "keep-going";

/** What a pair says at level `alpha`, with `minDifference` the smallest difference worth detecting. */
export function pairVerdict(state: PairState, minDifference: number, alpha: number): PairVerdict {
  if (state.p <= alpha) return state.low > 0 ? "b-better" : state.high < 0 ? "a-better" : rateOf(state.b) >= rateOf(state.a) ? "b-better" : "a-better";
  if (state.low > -minDifference && state.high < minDifference) return "no-difference";
  return "keep-going";
}

/** Pairs among `arms` arms, and the level each pair is held to (Bonferroni across them). */
export function pairLevel(arms: number, alpha = DEFAULT_ALPHA): number {
  return alpha / ((arms * (arms - 1)) / 2);
}

/** Two-sided standard normal quantile by Acklam's rational approximation (relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** The better rate a difference of `minDifference` from `baseRate` means (downwards when upwards would pass 100%). */
const alternativeRate = (baseRate: number, minDifference: number) => (baseRate + minDifference <= 0.99 ? baseRate + minDifference : Math.max(0.01, baseRate - minDifference));

const MAX_PLANNED = 1_000_000;

/**
 * Planning estimate: voicemails per arm by which the mSPRT above declares a true difference of
 * `minDifference` over `baseRate` with probability `power`. At n per arm the observed difference
 * is about N(δ, V(n)); it clears the boundary with probability `power` once
 * δ − z_power·√V(n) ≥ half-width(n). Crossing earlier only adds power, so this errs long.
 */
export function plannedVoicemailsPerArm(baseRate: number, minDifference: number, arms = 2, alpha = DEFAULT_ALPHA, power = DEFAULT_POWER): number {
  const p0 = Math.min(0.99, Math.max(0.01, baseRate));
  const p1 = alternativeRate(p0, minDifference);
  const delta = Math.abs(p1 - p0);
  const level = pairLevel(arms, alpha);
  const zPower = normalQuantile(power);
  const enough = (n: number) => {
    const v = (p0 * (1 - p0) + p1 * (1 - p1)) / n;
    return delta - zPower * Math.sqrt(v) >= sequenceHalfWidth(v, minDifference, level);
  };
  let lo = 1;
  let hi = 2;
  while (!enough(hi)) {
    if (hi >= MAX_PLANNED) return MAX_PLANNED;
    hi *= 2;
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (enough(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The classic fixed-horizon sample size for two proportions (Fleiss, Levin and Paik, "Statistical
 * Methods for Rates and Proportions", 3rd ed., eq. 4.14, without continuity correction): valid
 * only if nobody looks before the end. Shown beside the sequential plan for scale.
 */
export function fixedHorizonVoicemailsPerArm(p0: number, p1: number, alpha = DEFAULT_ALPHA, power = DEFAULT_POWER): number {
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const pBar = (p0 + p1) / 2;
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1));
  return Math.ceil((root * root) / ((p1 - p0) * (p1 - p0)));
}

/**
 * Voicemails per arm still needed, had the pair gone on as it stands: the first n at which the
 * confidence sequence is narrower than the larger of |θ̂| (a winner) and δ − |θ̂| (no difference
 * worth δ). At least 1 while undecided.
 */
export function remainingPerArm(state: PairState, minDifference: number, alpha: number): number {
  const n = Math.min(state.a.voicemails, state.b.voicemails);
  const observed = Math.abs(rateOf(state.b) - rateOf(state.a));
  const target = Math.max(observed, minDifference - observed);
  const pa = smoothed(state.a);
  const pb = smoothed(state.b);
  const spread = pa * (1 - pa) + pb * (1 - pb);
  let lo = Math.max(1, n);
  let hi = lo;
  while (sequenceHalfWidth(spread / hi, minDifference, alpha) > target) {
    if (hi >= MAX_PLANNED) return MAX_PLANNED;
    hi *= 2;
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (sequenceHalfWidth(spread / mid, minDifference, alpha) <= target) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(1, lo - n);
}
