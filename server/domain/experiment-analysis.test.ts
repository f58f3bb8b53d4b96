import { describe, expect, it } from "vitest";
import { formatPValue } from "@/lib/format";
import { analyseExperiment, verdictSentence, type ExperimentVoicemail } from "./experiment-analysis";

// Voicemails in rounds, one per arm per round; `rates[arm]` of every 20 are returned, spread evenly.
function rounds(count: number, returnedPer20: number[]): ExperimentVoicemail[] {
  const out: ExperimentVoicemail[] = [];
  for (let round = 0; round < count; round++) {
    returnedPer20.forEach((k, arm) => out.push({ arm, returned: (round * 7) % 20 < k }));
  }
  return out;
}

describe("analyseExperiment", () => {
  it("keeps going at the start, with an estimate of the voicemails still needed", () => {
    const { verdict } = analyseExperiment(2, rounds(20, [4, 5]), 0.1);
    expect(verdict.kind).toBe("keep-going");
    expect(verdict.kind === "keep-going" && verdict.morePerArm).toBeGreaterThan(50);
    expect(verdictSentence(verdict)).toMatch(/^Keep going: about [\d,]+ more voicemails per arm$/);
  });

  it("names the arm that beats every other, with its always-valid p", () => {
    const { verdict, armP } = analyseExperiment(3, rounds(400, [4, 10, 4]), 0.1);
    expect(verdict).toMatchObject({ kind: "winner", arm: 1 });
    expect(verdictSentence(verdict)).toMatch(/^Arm B is better \(always-valid p = [\d.e-]+\)$/);
    expect(armP[0]).toBeLessThan(0.05);
    expect(armP[2]).toBeLessThan(0.05);
  });

  it("declares no winner while only two of three arms differ from a third, however clear", () => {
    // B and C both beat A but not each other: nobody beats every other arm.
    const { verdict } = analyseExperiment(3, rounds(300, [2, 8, 8]), 0.1);
    expect(verdict.kind).toBe("keep-going");
  });

  it("stops when no difference worth the minimum is likely", () => {
    const { verdict } = analyseExperiment(2, rounds(4000, [4, 4]), 0.1);
    expect(verdictSentence(verdict)).toBe("Stopped: no difference worth 10 points is likely");
  });

  it("samples the evidence at about the requested number of points, ending at the last voicemail", () => {
    const { evidence } = analyseExperiment(2, rounds(500, [4, 6]), 0.1, 0.05, 50);
    expect(evidence.length).toBeGreaterThanOrEqual(50);
    expect(evidence.length).toBeLessThanOrEqual(51);
    expect(evidence.at(-1)!.voicemails).toBe(1000);
    for (let i = 1; i < evidence.length; i++) expect(evidence[i]!.p).toBeLessThanOrEqual(evidence[i - 1]!.p);
  });
});

describe("formatPValue", () => {
  it.each([
    [0.5, "0.5"],
    [0.0412, "0.041"],
    [0.003, "0.003"],
    [0.00012, "1.2e-4"],
    [1, "1"],
  ])("%s → %s", (p, text) => expect(formatPValue(p)).toBe(text));
});
