// Which script a rep should read on the next voicemail to a prospect (issue 3, Today page):
// a first touch for the 1st voicemail, a follow-up for the 2nd and 3rd, a last try from the
// 4th on — or as soon as 3 voicemails in a row have gone unreturned, whatever their number.
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

/**
 * Voicemails since the prospect last called back (any callback, credited or not, ends the run):
 * the count the last-try rule and "Awaiting callback" use.
 */
export function unreturnedInARow(voicemailTimes: readonly number[], lastCallbackAt: number | null): number {
  return voicemailTimes.filter((t) => lastCallbackAt === null || t > lastCallbackAt).length;
}
