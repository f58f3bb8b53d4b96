// Which script a rep should read on the next voicemail to a prospect (issue 3, Today page):
// a first touch for the 1st voicemail, a follow-up for the 2nd and 3rd, a last try from the
// 4th on — or as soon as 3 voicemails in a row have gone unreturned, whatever their number.
// The run ("voicemails in a row without a callback") ends at any callback and at any connect:
// a prospect the rep spoke to last week has not ignored the messages before that talk.
import type { Stage } from "@/lib/vocabulary";
import type { Random } from "./random-source";
import { thompsonPick, type Evidence } from "./script-allocation";

/** Voicemails in a row without a callback after which the last-try script is suggested. */
export const LAST_TRY_AFTER_UNRETURNED = 3;

export function suggestedStage(nextVoicemailNumber: number, unreturnedInARow: number): Exclude<Stage, "any"> {
  if (nextVoicemailNumber >= 4 || unreturnedInARow >= LAST_TRY_AFTER_UNRETURNED) return "last-try";
  if (nextVoicemailNumber >= 2) return "follow-up";
  return "first-touch";
}

export type PickableScript = {
  id: number;
  title: string;
  stage: Stage;
  teamPick: boolean;
  shared: boolean;
  /** Voicemails and returned at the attempt numbers of the stage being suggested for. */
  evidence: Evidence;
};

export type Suggestion = { scriptId: number; reason: "stage" | "any-stage" | "last-used" };

/** The placeholder script that imports credit when the source cannot know the script (DESIGN.md): never suggested. */
export const SCRIPT_NOT_RECORDED_TITLE = "Script not recorded";

/** The attempt numbers a stage's scripts are read at, for counting their evidence (DESIGN.md, "Script comparison"). */
export function stageVoicemailNumbers(stage: Exclude<Stage, "any">): { from: number; to: number | null } {
  if (stage === "first-touch") return { from: 1, to: 1 };
  if (stage === "follow-up") return { from: 2, to: 3 };
  return { from: 4, to: null };
}

/**
 * A script of the suggested stage: the team's pick when set, else one drawn by Thompson sampling
 * over the stage's shared scripts (the rep's own drafts only when none is shared); else the same
 * among "any"-stage scripts; else the rep's last used; else none.
 */
export function suggestScript(scripts: readonly PickableScript[], stage: Stage, lastUsedScriptId: number | null, random: Random): Suggestion | null {
  const suggestable = scripts.filter((s) => s.title !== SCRIPT_NOT_RECORDED_TITLE);
  const best = (candidates: PickableScript[]) => {
    const pick = candidates.find((s) => s.teamPick);
    if (pick) return pick;
    const shared = candidates.filter((s) => s.shared);
    const pool = shared.length ? shared : candidates;
    return pool[thompsonPick(pool.map((s) => s.evidence), random)];
  };
  const ofStage = best(suggestable.filter((s) => s.stage === stage));
  if (ofStage) return { scriptId: ofStage.id, reason: "stage" };
  const anyStage = best(suggestable.filter((s) => s.stage === "any"));
  if (anyStage) return { scriptId: anyStage.id, reason: "any-stage" };
  if (lastUsedScriptId !== null && suggestable.some((s) => s.id === lastUsedScriptId)) return { scriptId: lastUsedScriptId, reason: "last-used" };
  return null;
}

/** When the prospect last answered: their latest callback or connected dial, whichever is later. */
export type RunEnds = { lastCallbackAt: number | null; lastConnectAt: number | null };

/**
 * Voicemails since the prospect last called back or was reached live (any callback, credited or
 * not, and any connect end the run): the count the last-try rule and "Awaiting callback" use.
 */
export function unreturnedInARow(voicemailTimes: readonly number[], ends: RunEnds): number {
  const endedAt = Math.max(ends.lastCallbackAt ?? -Infinity, ends.lastConnectAt ?? -Infinity);
  return voicemailTimes.filter((t) => t > endedAt).length;
}
