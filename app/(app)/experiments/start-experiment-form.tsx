"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input, Select } from "@/app/_components/ui";
import { DEFAULT_MIN_DIFFERENCE_POINTS, startExperimentInput, VOICEMAIL_NUMBER_CHOICES, type StartExperimentInput } from "@/lib/inputs/experiments";
import { formatPercent } from "@/lib/format";
import { STAGE_LABELS, type Stage } from "@/lib/vocabulary";

/** Each stage's own voicemail numbers (server/domain/next-voicemail.ts), offered as the default band. */
const STAGE_BANDS: Record<Exclude<Stage, "any">, { fromVoicemail: number; toVoicemail: number | null }> = {
  "first-touch": { fromVoicemail: 1, toVoicemail: 1 },
  "follow-up": { fromVoicemail: 2, toVoicemail: 3 },
  "last-try": { fromVoicemail: 4, toVoicemail: null },
};
const STAGE_CHOICES = ["first-touch", "follow-up", "last-try", "any"] as const;

export function StartExperimentForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: scripts } = useSuspenseQuery(trpc.scripts.pickable.queryOptions());
  const { data: members } = useSuspenseQuery(trpc.teams.members.queryOptions());
  const [stage, setStage] = useState<Stage>("first-touch");
  const form = useForm<StartExperimentInput>({
    resolver: zodResolver(startExperimentInput),
    defaultValues: { name: "", scriptIds: [], repIds: [], minDifferencePoints: DEFAULT_MIN_DIFFERENCE_POINTS, ...STAGE_BANDS["first-touch"] },
  });
  const values = useWatch({ control: form.control });
  const chosen = values.scriptIds ?? [];
  const reps = values.repIds ?? [];
  const ofStage = scripts.filter((s) => s.shared && s.stage === stage);
  const plan = useQuery(
    trpc.experiments.plan.queryOptions({
      fromVoicemail: values.fromVoicemail ?? 1,
      toVoicemail: values.toVoicemail ?? null,
      arms: Math.min(4, Math.max(2, chosen.length)),
      minDifferencePoints: Number.isInteger(values.minDifferencePoints) ? values.minDifferencePoints! : DEFAULT_MIN_DIFFERENCE_POINTS,
    }),
  );
  const start = useMutation(
    trpc.experiments.start.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.experiments.list.queryKey() });
        router.push(`/experiments/${id}`);
      },
    }),
  );
  const toggle = (field: "scriptIds" | "repIds", value: never, on: boolean) => {
    const current = (form.getValues(field) ?? []) as never[];
    form.setValue(field, on ? [...current, value] : current.filter((v) => v !== value), { shouldValidate: form.formState.isSubmitted });
  };
  const chooseStage = (next: Stage) => {
    setStage(next);
    form.setValue("scriptIds", []);
    if (next !== "any") {
      form.setValue("fromVoicemail", STAGE_BANDS[next].fromVoicemail);
      form.setValue("toVoicemail", STAGE_BANDS[next].toVoicemail);
    }
  };
  const errors = form.formState.errors;

  return (
    <Card title="Start an experiment" description="Matching voicemails are split at random between the scripts; each prospect keeps its script.">
      <form onSubmit={form.handleSubmit((v) => start.mutate(v))} className="flex flex-col gap-4" noValidate>
        <Field id="experiment-name" label="Name" error={errors.name?.message}>
          <Input id="experiment-name" autoComplete="off" {...form.register("name")} />
        </Field>
        <Field id="experiment-stage" label="Stage of the scripts">
          <Select id="experiment-stage" value={stage} onChange={(e) => chooseStage(e.target.value as Stage)}>
            {STAGE_CHOICES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">Scripts to test (2 to 4)</legend>
          {ofStage.length < 2 && <p className="text-sm text-muted">This stage has fewer than two shared scripts.</p>}
          {ofStage.map((s) => (
            <label key={s.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => toggle("scriptIds", s.id as never, e.target.checked)} />
              {s.title}
            </label>
          ))}
          <ErrorText>{errors.scriptIds?.message ?? errors.scriptIds?.root?.message}</ErrorText>
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          <Field id="experiment-from" label="From voicemail #">
            <Select id="experiment-from" {...form.register("fromVoicemail", { valueAsNumber: true })}>
              {VOICEMAIL_NUMBER_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="experiment-to" label="To voicemail #" error={errors.toVoicemail?.message}>
            <Select id="experiment-to" {...form.register("toVoicemail", { setValueAs: (v) => (v === "" || v === null ? null : Number(v)) })}>
              {VOICEMAIL_NUMBER_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
              <option value="">and later</option>
            </Select>
          </Field>
        </div>
        <Field id="experiment-difference" label="Smallest difference worth detecting (points)" error={errors.minDifferencePoints?.message}>
          <Input id="experiment-difference" type="number" min={1} max={50} inputMode="numeric" {...form.register("minDifferencePoints", { valueAsNumber: true })} />
        </Field>
        <p className="rounded-md bg-surface-2 p-3 text-sm" aria-live="polite" data-testid="experiment-plan">
          {plan.data
            ? `About ${plan.data.perArm.toLocaleString("en-US")} voicemails per script will likely be needed to detect ${plan.data.minDifferencePoints} points over ${
                plan.data.assumed ? "an assumed 20% (no voicemails in this band yet)" : `the team's ${formatPercent(plan.data.baseRate)} on the ${plan.data.band}`
              }.`
            : plan.isError
              ? "Pick a band that ends at or after its first voicemail, and a difference of 1 to 50 points, to see the voicemails needed."
              : "Working out the voicemails needed…"}
        </p>
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">Only these reps (none ticked: every rep)</legend>
          {members
            .filter((m) => m.role === "rep")
            .map((m) => (
              <label key={m.userId} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={reps.includes(m.userId)} onChange={(e) => toggle("repIds", m.userId as never, e.target.checked)} />
                {m.name}
              </label>
            ))}
        </fieldset>
        <ErrorText>{start.error?.message}</ErrorText>
        <Button type="submit" disabled={start.isPending}>
          Start the experiment
        </Button>
      </form>
    </Card>
  );
}
