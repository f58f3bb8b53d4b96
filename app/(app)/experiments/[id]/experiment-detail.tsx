"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { IntentLink } from "@/app/_components/intent-link";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Button, Card, ErrorText, PageHeader } from "@/app/_components/ui";
import { STAGE_LABELS } from "@/lib/vocabulary";
import { ArmResults } from "./arm-results";
import { EvidenceChart } from "./evidence-chart";
import { MethodHelp } from "./method-help";

export function ExperimentDetail({ id }: { id: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: experiment } = useSuspenseQuery(trpc.experiments.get.queryOptions({ id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.experiments.pathKey() });
  const end = useMutation(trpc.experiments.end.mutationOptions({ onSuccess: refresh }));
  const pick = useMutation(trpc.scripts.setTeamPick.mutationOptions());
  const { verdict, winner } = experiment;

  return (
    <>
      <PageHeader
        title={experiment.name}
        description={`${STAGE_LABELS[experiment.stage]} scripts on the ${experiment.band} · smallest difference worth detecting ${experiment.minDifferencePoints} points · ${
          experiment.reps.length ? `reps: ${experiment.reps.map((r) => r.name).join(", ")}` : "every rep"
        }`}
        actions={
          <IntentLink href="/experiments" className="rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-2">
            All experiments
          </IntentLink>
        }
      />
      <div className="flex flex-col gap-6">
        <Card title="Verdict" actions={<Badge tone={experiment.status === "running" ? "accent" : "neutral"}>{experiment.status === "running" ? "Running" : "Ended"}</Badge>}>
          <p className="text-lg font-semibold" data-testid="verdict">
            {verdict.sentence}
          </p>
          <p className="mt-1 text-sm text-muted">
            Counted by the script each prospect was assigned (intention to treat). Planned for a {experiment.minDifferencePoints}-point difference at the team&apos;s base rate: about {experiment.plannedPerArm.toLocaleString("en-US")} voicemails per script.
            {experiment.deviations > 0 && ` Reps read another script than assigned on ${experiment.deviations} voicemail${experiment.deviations === 1 ? "" : "s"}.`}
          </p>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            {experiment.status === "running" && (
              <Button type="button" variant="secondary" disabled={end.isPending} onClick={() => end.mutate({ id })}>
                End the experiment
              </Button>
            )}
            {experiment.status === "ended" && winner && !pick.isSuccess && (
              <Button type="button" disabled={pick.isPending} onClick={() => pick.mutate({ id: winner.scriptId, teamPick: true })}>
                Make “{winner.title}” the team pick
              </Button>
            )}
            {pick.isSuccess && winner && <p className="text-sm">“{winner.title}” is now the team pick: Today suggests it for this stage.</p>}
            {experiment.status === "ended" && !winner && <p className="text-sm text-muted">No winner to make the team pick: the scripts stay as they were.</p>}
          </div>
          <ErrorText>{end.error?.message ?? pick.error?.message}</ErrorText>
        </Card>
        <Card title="Results per script" description="Rates with their 95% interval; read as assigned counts only the voicemails where the rep read the assigned script.">
          <ArmResults arms={experiment.arms} />
        </Card>
        <Card title="Evidence over time">
          <EvidenceChart points={experiment.evidence} />
        </Card>
        <MethodHelp />
      </div>
    </>
  );
}
