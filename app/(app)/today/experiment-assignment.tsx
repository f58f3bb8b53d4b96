import { FlaskConical } from "lucide-react";

type Assignment = { name: string; arm: string; scriptId: number };

/**
 * Today's word from a running experiment: which script to read for this prospect. The rep may
 * still read another; the voicemail counts for the assigned arm either way (intention to treat).
 */
export function ExperimentAssignment({ experiment, scriptId, scriptTitle }: { experiment: Assignment | null; scriptId: number | null; scriptTitle: string | undefined }) {
  if (!experiment) return null;
  const followed = scriptId === experiment.scriptId;
  return (
    <p role="status" aria-label="Experiment" className="flex items-start gap-2 rounded-md border border-accent/40 bg-accent-soft px-3 py-2 text-sm">
      <FlaskConical aria-hidden className="mt-0.5 size-4 shrink-0 text-accent" />
      <span>
        <strong>Experiment: read this one</strong> — “{scriptTitle ?? "the assigned script"}”, arm {experiment.arm} of “{experiment.name}”.
        {!followed && " You picked another script: this voicemail still counts for the assigned one."}
      </span>
    </p>
  );
}
