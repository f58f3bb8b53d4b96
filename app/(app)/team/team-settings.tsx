"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input } from "@/app/_components/ui";
import { TimeZoneSelect } from "@/app/_components/time-zone-select";
import { teamSettingsInput, type TeamSettingsInput } from "@/lib/inputs/teams";

type Settings = Required<TeamSettingsInput>;

/** The owner's knobs behind every number: where days start, how long a voicemail earns credit, when a rate is ranked. */
export function TeamSettings({ initial }: { initial: Settings }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<TeamSettingsInput>({ resolver: zodResolver(teamSettingsInput), defaultValues: initial });
  const save = useMutation(
    trpc.teams.updateSettings.mutationOptions({
      onSuccess: (team) => {
        form.reset({ name: team.name, timezone: team.timezone, attributionWindowDays: team.attributionWindowDays, minSample: team.minSample, wordsPerMinute: team.wordsPerMinute });
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const errors = form.formState.errors;
  const number = { valueAsNumber: true } as const;

  return (
    <Card title="Team settings" description="Changing the attribution window re-credits every callback the team has logged.">
      <form
        onSubmit={form.handleSubmit((values) => {
          setSaved(false);
          save.mutate(values);
        })}
        className="grid gap-4 sm:grid-cols-2"
        noValidate
      >
        <Field id="settings-name" label="Team name" error={errors.name?.message}>
          <Input id="settings-name" {...form.register("name")} />
        </Field>
        <Field id="settings-timezone" label="Time zone" hint="Days and hours on every chart." error={errors.timezone?.message}>
          <TimeZoneSelect id="settings-timezone" {...form.register("timezone")} />
        </Field>
        <Field id="settings-window" label="Attribution window (days)" hint="A callback credits a voicemail left at most this long before." error={errors.attributionWindowDays?.message}>
          <Input id="settings-window" type="number" min={1} max={90} inputMode="numeric" {...form.register("attributionWindowDays", number)} />
        </Field>
        <Field id="settings-min-sample" label="Voicemails before a rate is ranked" error={errors.minSample?.message}>
          <Input id="settings-min-sample" type="number" min={1} max={1000} inputMode="numeric" {...form.register("minSample", number)} />
        </Field>
        <Field id="settings-wpm" label="Speaking rate (words a minute)" hint="Read-time estimates for scripts." error={errors.wordsPerMinute?.message}>
          <Input id="settings-wpm" type="number" min={80} max={300} inputMode="numeric" {...form.register("wordsPerMinute", number)} />
        </Field>
        <div className="flex items-end gap-3 sm:col-span-2">
          <Button type="submit" disabled={save.isPending || !form.formState.isDirty}>
            {save.isPending ? "Saving…" : "Save settings"}
          </Button>
          <ErrorText>{save.error?.message}</ErrorText>
          {saved && !form.formState.isDirty && (
            <p role="status" className="text-sm text-good">
              Settings saved.
            </p>
          )}
        </div>
      </form>
    </Card>
  );
}
