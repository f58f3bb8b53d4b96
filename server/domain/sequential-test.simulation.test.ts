import { describe, expect, it } from "vitest";
import { seededRandom } from "./random-source";
import { DEFAULT_ALPHA, emptyPair, observe, pairVerdict, plannedVoicemailsPerArm } from "./sequential-test";

// The promise of an always-valid test, checked by simulation (issue 16): a manager who reads the
// verdict after every single voicemail still sees a false winner in at most α = 5% of
// experiments, and a real difference of the planned size is found by the planned sample in at
// least 80% of them. Voicemails alternate between the arms, as balanced assignment makes them.

const EXPERIMENTS = 1000;

function simulate(rateA: number, rateB: number, minDifference: number, perArm: number, seed: number) {
  const random = seededRandom(seed);
  let everDeclared = 0;
  let declaredB = 0;
  for (let e = 0; e < EXPERIMENTS; e++) {
    let state = emptyPair();
    let verdict = "keep-going";
    for (let i = 0; i < 2 * perArm && verdict === "keep-going"; i++) {
      const arm = i % 2 === 0 ? "a" : "b";
      state = observe(state, arm, random() < (arm === "a" ? rateA : rateB), minDifference, DEFAULT_ALPHA);
      // Checked after every voicemail. Stopping for "no difference" would only end runs sooner,
      // so it is left out: every run gets all its chances to show a false winner.
      if (state.p <= DEFAULT_ALPHA) verdict = pairVerdict(state, minDifference, DEFAULT_ALPHA);
    }
    if (verdict !== "keep-going") everDeclared++;
    if (verdict === "b-better") declaredB++;
  }
  return { everDeclared: everDeclared / EXPERIMENTS, declaredB: declaredB / EXPERIMENTS };
}

describe("the always-valid test under continuous monitoring", () => {
  it("declares a winner in at most 5% of 1,000 experiments of 20% vs 20%, checked after every voicemail up to 2,000 per arm", () => {
    const { everDeclared } = simulate(0.2, 0.2, 0.1, 2000, 1);
    console.info(`false-winner rate: ${(everDeclared * 100).toFixed(1)}% of ${EXPERIMENTS}`);
    expect(everDeclared).toBeLessThanOrEqual(0.05);
  });

  it("declares B better in at least 80% of 1,000 experiments of 20% vs 35% by the planned voicemails per arm", () => {
    const planned = plannedVoicemailsPerArm(0.2, 0.15);
    const { declaredB } = simulate(0.2, 0.35, 0.15, planned, 2);
    console.info(`power: ${(declaredB * 100).toFixed(1)}% by ${planned} voicemails per arm`);
    expect(declaredB).toBeGreaterThanOrEqual(0.8);
  });
});
