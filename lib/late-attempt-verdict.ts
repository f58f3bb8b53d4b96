// Whether the last-try stage earns its place (team overview): the 4th-and-later voicemails
// against the 2nd and against the 3rd, each with its own verdict. One sentence for both read
// "not clearly different from the 2nd and 3rd" while the 3rd's interval lay wholly below.
import { formatEvidence, type Evidence } from "./format";

export type AttemptEvidence = Evidence & { key: string };

export type LateVerdict = { against: string; kind: "more" | "less" | "unclear"; text: string };

const ORDINAL: Record<string, string> = { "1": "1st", "2": "2nd", "3": "3rd" };

/** Clearly more or less only when the two 95% intervals do not overlap; otherwise not yet clear. */
export function lateAttemptVerdicts(late: AttemptEvidence, earlier: readonly AttemptEvidence[]): LateVerdict[] {
  return earlier
    .filter((e) => e.rate !== null)
    .map((e) => {
      const which = `the ${ORDINAL[e.key] ?? e.key} (${formatEvidence(e)})`;
      if (e.ciHigh < late.ciLow) return { against: e.key, kind: "more", text: `clearly more than ${which}` };
      if (e.ciLow > late.ciHigh) return { against: e.key, kind: "less", text: `clearly less than ${which}` };
      return { against: e.key, kind: "unclear", text: `not clearly different from ${which} yet` };
    });
}

/** What the verdicts add up to, for the end of the sentence. */
export function lateAttemptAdvice(verdicts: readonly LateVerdict[]): string {
  if (verdicts.length && verdicts.every((v) => v.kind === "more")) return "the last try is earning its place.";
  if (verdicts.length && verdicts.every((v) => v.kind === "less")) return "consider stopping earlier or changing the last-try script.";
  return "";
}
