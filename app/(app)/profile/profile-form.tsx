"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input } from "@/app/_components/ui";
import { formatPhoneForDisplay } from "@/lib/format";
import { profileInput, type ProfileInput } from "@/lib/inputs/profile";

type Props = { initial: { name: string; phone: string | null; wordsPerMinute: number | null; teamWordsPerMinute: number } };

const toForm = (p: Props["initial"]): ProfileInput => ({ name: p.name, phone: p.phone ? formatPhoneForDisplay(p.phone) : "", wordsPerMinute: p.wordsPerMinute });

/** Name, phone and speaking rate: what {rep.name} and {rep.phone} become, and how read times are estimated. */
export function ProfileForm({ initial }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<ProfileInput>({ resolver: zodResolver(profileInput), defaultValues: toForm(initial) });
  const save = useMutation(
    trpc.profile.update.mutationOptions({
      onSuccess: (profile) => {
        form.reset(toForm(profile));
        setSaved(true);
        // Every rendered script and the first-run checklist read these.
        void queryClient.invalidateQueries();
        router.refresh();
      },
    }),
  );
  const errors = form.formState.errors;

  return (
    <Card title="How your scripts read" description="Scripts fill {rep.name} and {rep.phone} from here; read times use your speaking rate.">
      <form
        onSubmit={form.handleSubmit((values) => {
          setSaved(false);
          save.mutate(values);
        })}
        className="grid max-w-xl gap-4"
        noValidate
      >
        <Field id="profile-name" label="Your name" error={errors.name?.message}>
          <Input id="profile-name" autoComplete="name" {...form.register("name")} />
        </Field>
        <Field id="profile-phone" label="Your phone number" hint="The number prospects call back; leave empty to clear it." error={errors.phone?.message}>
          <Input id="profile-phone" type="tel" autoComplete="tel" {...form.register("phone")} />
        </Field>
        <Field
          id="profile-wpm"
          label="Your speaking rate (words a minute)"
          hint={`Leave empty to use the team's ${initial.teamWordsPerMinute}.`}
          error={errors.wordsPerMinute?.message}
        >
          <Input
            id="profile-wpm"
            type="number"
            min={80}
            max={300}
            inputMode="numeric"
            placeholder={String(initial.teamWordsPerMinute)}
            {...form.register("wordsPerMinute", { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v)) })}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={save.isPending || !form.formState.isDirty}>
            {save.isPending ? "Saving…" : "Save profile"}
          </Button>
          <ErrorText>{save.error?.message}</ErrorText>
          {saved && !form.formState.isDirty && (
            <p role="status" className="text-sm text-good">
              Profile saved.
            </p>
          )}
        </div>
      </form>
    </Card>
  );
}
