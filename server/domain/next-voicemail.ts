// Which script a rep should read on the next voicemail to a prospect (issue 3, Today page):
// a first touch for the 1st voicemail, a follow-up for the 2nd and 3rd, a last try from the
// 4th on — or as soon as 3 voicemails in a row have gone unreturned, whatever their number.
// The run ("voicemails in a row without a callback") ends at any callback and at any connect:
// a prospect the rep spoke to last week has not ignored the messages before that talk.
import type { Stage } from "@/lib/vocabulary";

/** Voicemails in a row without a callback after which the last-try script is suggested. */
export const LAST_TRY_AFTER_UNRETURNED = 3;

export function suggestedStage(nextVoicemailNumber: number, unreturnedInARow: number): Exclude<Stage, "any"> {
  if (nextVoicemailNumber >= 4 || unreturnedInARow >= LAST_TRY_AFTER_UNRETURNED) return "last-try";
  if (nextVoicemailNumber >= 2) return "follow-up";
  return "first-touch";
}

export type PickableScript = { id: number; title: string; stage: Stage; teamPick: boolean };

export type Suggestion = { scriptId: number; reason: "stage" | "any-stage" | "last-used" };

/**
 * A script of the suggested stage (the team's pick first, then the rep's last used if it is of
 * that stage, then by title); else an "any"-stage script; else the rep's last used; else none.
 */
export function suggestScript(scripts: readonly PickableScript[], stage: Stage, lastUsedScriptId: number | null): Suggestion | null {
  const best = (candidates: PickableScript[]) =>
    candidates.find((s) => s.teamPick) ?? candidates.find((s) => s.id === lastUsedScriptId) ?? [...candidates].sort((a, b) => a.title.localeCompare(b.title))[0];
  const ofStage = best(scripts.filter((s) => s.stage === stage));
  if (ofStage) return { scriptId: ofStage.id, reason: "stage" };
  const anyStage = best(scripts.filter((s) => s.stage === "any"));
  if (anyStage) return { scriptId: anyStage.id, reason: "any-stage" };
  if (lastUsedScriptId !== null && scripts.some((s) => s.id === lastUsedScriptId)) return { scriptId: lastUsedScriptId, reason: "last-used" };
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
