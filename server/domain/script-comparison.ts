// The plain-language verdict when two scripts are compared (DESIGN.md, "Script comparison"):
// a manager should read "no evidence of a difference yet" rather than see a false winner.
import { fisherExactTwoSided, probabilityABeatsB, proportionDifference, Z95 } from "./stats";

export type Counts = { returned: number; voicemails: number };

/** Upper normal quantiles for the powers we offer (qnorm(0.8), qnorm(0.9) in R). */
const Z_POWER = { 0.8: 0.8416212335729143, 0.9: 1.2815515655446004 } as const;
export type Power = keyof typeof Z_POWER;

/**
 * Voicemails needed in each group to tell rates `p1` and `p2` apart with a two-sided test at
 * α = 0.05 and the given power: the standard two-proportion formula without continuity
 * correction (Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", 3rd ed.,
 * eq. 4.14; the n that R's power.prop.test solves for):
 *   n = (z₁₋α/₂ · √(2 p̄ q̄) + z₁₋β · √(p₁q₁ + p₂q₂))² / (p₁ − p₂)²,  p̄ = (p₁ + p₂) / 2.
 * Null when the rates are equal: no sample size separates them.
 */
export function voicemailsNeededEach(p1: number, p2: number, power: Power = 0.8): number | null {
  if (p1 === p2) return null;
  const pBar = (p1 + p2) / 2;
  const root = Z95 * Math.sqrt(2 * pBar * (1 - pBar)) + Z_POWER[power] * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return (root * root) / ((p1 - p2) * (p1 - p2));
}

export type Verdict =
  | { kind: "no-data"; text: string }
  | { kind: "better" | "worse"; text: string }
  | { kind: "no-difference"; text: string; moreEach: number | null };

export type Comparison = {
  probabilityThisBeatsThat: number;
  difference: { difference: number; low: number; high: number };
  fisherP: number;
  verdict: Verdict;
};

/** α for the verdict: Fisher's two-sided p below it and a Newcombe interval clear of zero. */
export const SIGNIFICANCE = 0.05;

/**
 * The rule: "likely better" (or "worse") only when Fisher's exact test rejects equal rates at
 * α = 0.05 AND the 95% interval of the difference excludes zero on that side; otherwise "no
 * evidence of a difference yet", with the voicemails each script still needs — the 80%-power
 * sample size at the observed rates, less what the smaller side already has.
 */
export function compareScripts(a: Counts, b: Counts): Comparison {
  const difference = proportionDifference(a, b);
  const fisherP = fisherExactTwoSided(a.returned, a.voicemails - a.returned, b.returned, b.voicemails - b.returned);
  const probabilityThisBeatsThat = probabilityABeatsB(a, b);
  return { probabilityThisBeatsThat, difference, fisherP, verdict: verdictFor(a, b, fisherP, difference) };
}

function verdictFor(a: Counts, b: Counts, fisherP: number, difference: { low: number; high: number }): Verdict {
  if (a.voicemails === 0 || b.voicemails === 0) {
    return { kind: "no-data", text: "Not comparable yet — each script needs voicemails on the compared attempts." };
  }
  if (fisherP < SIGNIFICANCE && difference.low > 0) return { kind: "better", text: "Likely better" };
  if (fisherP < SIGNIFICANCE && difference.high < 0) return { kind: "worse", text: "Likely worse" };
  const needed = voicemailsNeededEach(a.returned / a.voicemails, b.returned / b.voicemails);
  if (needed === null) {
    return { kind: "no-difference", moreEach: null, text: "No evidence of a difference yet — the two rates are the same so far." };
  }
  // At the edge the power formula can say "enough" while the exact test still hesitates: ask for at least one more.
  const moreEach = Math.max(1, Math.ceil(needed) - Math.min(a.voicemails, b.voicemails));
  return {
    kind: "no-difference",
    moreEach,
    text: `No evidence of a difference yet — about ${moreEach.toLocaleString("en-US")} more ${moreEach === 1 ? "voicemail" : "voicemails"} each would settle it.`,
  };
}

/**
 * Attempt numbers to compare on: a last-try script only makes sense on prospects who ignored
 * several messages, so when either side is a last-try script both sides are counted only on the
 * attempt numbers both were used at. Restricting to the last-try side's numbers alone let a first
 * touch used only at #1 meet a last try used at #1, #3, #4, #5 with all its voicemails (703/2209)
 * against the last try's all (310/1403), when on #1 the last try had 0/1.
 * Null means "compare all voicemails"; an empty list means the two never met.
 */
export function comparableAttemptNumbers(
  thisSide: { stage: string; attemptNumbers: readonly number[] },
  thatSide: { stage: string; attemptNumbers: readonly number[] },
): number[] | null {
  if (thisSide.stage !== "last-try" && thatSide.stage !== "last-try") return null;
  return [...new Set(thisSide.attemptNumbers)].filter((n) => thatSide.attemptNumbers.includes(n)).sort((x, y) => x - y);
}
