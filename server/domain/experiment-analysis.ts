// An experiment's verdict from its voicemails in the order they were left: every pair of arms
// runs the always-valid test of sequential-test.ts at a Bonferroni share of α, so the verdict
// may be read after every voicemail without raising the chance of a false winner above α.
import { formatPValue } from "@/lib/format";
import {
  DEFAULT_ALPHA,
  emptyPair,
  observe,
  pairLevel,
  pairVerdict,
  remainingPerArm,
  type PairState,
} from "./sequential-test";

export const ARM_LABELS = ["A", "B", "C", "D"] as const;

export type ExperimentVoicemail = { arm: number; returned: boolean };

export type Verdict =
  | { kind: "winner"; arm: number; p: number }
  | { kind: "no-difference"; minDifferencePoints: number }
  | { kind: "keep-going"; morePerArm: number };

export type EvidencePoint = { voicemails: number; p: number };

export type ExperimentAnalysis = {
  verdict: Verdict;
  /** Per arm: its always-valid p against the leading arm (the leader: against the closest other). */
  armP: number[];
  /** The smallest always-valid p among the pairs (Bonferroni-adjusted) after each stretch of voicemails. */
  evidence: EvidencePoint[];
};

type Pair = { i: number; j: number; state: PairState };

const adjusted = (p: number, pairs: number) => Math.min(1, p * pairs);

/** The arms' pairs after `voicemails`, plus the evidence series sampled at about `points` places. */
export function analyseExperiment(
  arms: number,
  voicemails: readonly ExperimentVoicemail[],
  minDifference: number,
  alpha = DEFAULT_ALPHA,
  points = 60,
): ExperimentAnalysis {
  const level = pairLevel(arms, alpha);
  const pairCount = (arms * (arms - 1)) / 2;
  const pairs: Pair[] = [];
  for (let i = 0; i < arms; i++) for (let j = i + 1; j < arms; j++) pairs.push({ i, j, state: emptyPair() });
  const byArm = Array.from({ length: arms }, (_, arm) => pairs.filter((p) => p.i === arm || p.j === arm));
  const step = Math.max(1, Math.ceil(voicemails.length / points));
  const evidence: EvidencePoint[] = [];
  voicemails.forEach((vm, index) => {
    for (const pair of byArm[vm.arm] ?? []) pair.state = observe(pair.state, pair.i === vm.arm ? "a" : "b", vm.returned, minDifference, level);
    if ((index + 1) % step === 0 || index === voicemails.length - 1) {
      evidence.push({ voicemails: index + 1, p: adjusted(Math.min(...pairs.map((p) => p.state.p)), pairCount) });
    }
  });
  return { verdict: verdictOf(arms, pairs, minDifference, level, pairCount), armP: armPValues(arms, pairs, pairCount), evidence };
}

const rate = (c: { voicemails: number; returned: number }) => (c.voicemails ? c.returned / c.voicemails : 0);

function armCounts(arms: number, pairs: Pair[]) {
  return Array.from({ length: arms }, (_, arm) => {
    const pair = pairs.find((p) => p.i === arm || p.j === arm)!;
    return pair.i === arm ? pair.state.a : pair.state.b;
  });
}

function leaderOf(arms: number, pairs: Pair[]) {
  const counts = armCounts(arms, pairs);
  return counts.reduce((best, c, arm) => (rate(c) > rate(counts[best]!) ? arm : best), 0);
}

function verdictOf(arms: number, pairs: Pair[], minDifference: number, level: number, pairCount: number): Verdict {
  // A winner beats every other arm, each pair at its own share of α.
  for (let arm = 0; arm < arms; arm++) {
    const own = pairs.filter((p) => p.i === arm || p.j === arm);
    const beatsAll = own.every((p) => pairVerdict(p.state, minDifference, level) === (p.i === arm ? "a-better" : "b-better"));
    if (beatsAll) return { kind: "winner", arm, p: Math.max(...own.map((p) => adjusted(p.state.p, pairCount))) };
  }
  if (pairs.every((p) => pairVerdict(p.state, minDifference, level) === "no-difference")) {
    return { kind: "no-difference", minDifferencePoints: Math.round(minDifference * 100) };
  }
  const undecided = pairs.filter((p) => pairVerdict(p.state, minDifference, level) === "keep-going");
  return { kind: "keep-going", morePerArm: Math.max(1, ...undecided.map((p) => remainingPerArm(p.state, minDifference, level))) };
}

function armPValues(arms: number, pairs: Pair[], pairCount: number): number[] {
  if (arms < 2) return [1];
  const leader = leaderOf(arms, pairs);
  const pOf = (x: number, y: number) => adjusted(pairs.find((p) => (p.i === x && p.j === y) || (p.i === y && p.j === x))!.state.p, pairCount);
  return Array.from({ length: arms }, (_, arm) =>
    arm === leader ? Math.max(...Array.from({ length: arms }, (_, other) => (other === arm ? 0 : pOf(arm, other)))) : pOf(arm, leader),
  );
}

/** The sentence the page and the CSV show for a verdict. */
export function verdictSentence(verdict: Verdict): string {
  switch (verdict.kind) {
    case "winner":
      return `Arm ${ARM_LABELS[verdict.arm]} is better (always-valid p = ${formatPValue(verdict.p)})`;
    case "no-difference":
      return `Stopped: no difference worth ${verdict.minDifferencePoints} points is likely`;
    case "keep-going":
      return `Keep going: about ${verdict.morePerArm.toLocaleString("en-US")} more voicemails per arm`;
  }
}
