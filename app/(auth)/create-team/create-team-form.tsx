"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/app/_trpc/client";
import { Button, ErrorText, Field, Input } from "@/app/_components/ui";
import { TimeZoneSelect } from "@/app/_components/time-zone-select";
import { createTeamInput, type CreateTeamInput } from "@/lib/inputs/teams";

export function CreateTeamForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm<CreateTeamInput>({
    resolver: zodResolver(createTeamInput),
    defaultValues: { name: "", timezone: Intl.DateTimeFormat().resolvedOptions().timeZone },
  });
  const create = useMutation(
    trpc.teams.create.mutationOptions({
      onSuccess: () => {
        router.replace("/today");
        router.refresh();
      },
    }),
  );

  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="flex flex-col gap-4" noValidate>
      <div>
        <h1 className="text-lg font-semibold">Create your team</h1>
        <p className="mt-1 text-sm text-muted">You will be its owner and can invite your reps next.</p>
      </div>
      <ErrorText>{create.error?.message}</ErrorText>
      <Field id="team-name" label="Team name" error={form.formState.errors.name?.message}>
        <Input id="team-name" autoFocus {...form.register("name")} />
      </Field>
      <Field id="timezone" label="Time zone" hint="Days and hours on every chart are counted in this zone." error={form.formState.errors.timezone?.message}>
        <TimeZoneSelect id="timezone" {...form.register("timezone")} />
      </Field>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
