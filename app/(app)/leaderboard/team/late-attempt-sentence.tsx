import { formatEvidence } from "@/lib/format";
import { lateAttemptAdvice, lateAttemptVerdicts, type AttemptEvidence } from "@/lib/late-attempt-verdict";

/** "The 4th voicemail and later is returned …": one verdict per earlier attempt number it is compared with. */
export function LateAttemptSentence({ byAttempt }: { byAttempt: readonly AttemptEvidence[] }) {
  const late = byAttempt.find((r) => r.key === "4+");
  if (!late || late.rate === null) return null;
  const verdicts = lateAttemptVerdicts(
    late,
    byAttempt.filter((r) => r.key === "2" || r.key === "3"),
  );
  if (!verdicts.length) return null;
  const advice = lateAttemptAdvice(verdicts);
  return (
    <p className="mt-3 text-sm">
      The 4th voicemail and later is returned <strong className="tabular">{formatEvidence(late)}</strong> — {verdicts.map((v) => v.text).join("; ")}
      {advice ? `: ${advice}` : "."}
    </p>
  );
}
