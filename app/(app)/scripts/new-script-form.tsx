"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input, Select, Textarea } from "@/app/_components/ui";
import { createScriptInput, type CreateScriptInput } from "@/lib/inputs/scripts";
import { STAGE_LABELS, STAGES } from "@/lib/vocabulary";

// The form takes tags as one comma-separated field; the procedure's schema checks each tag.
const scriptFormSchema = createScriptInput.omit({ tags: true }).extend({ tagText: z.string().max(400) });
type FormValues = Omit<CreateScriptInput, "tags"> & { tagText: string };

export function NewScriptForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormValues>({
    resolver: zodResolver(scriptFormSchema),
    defaultValues: { title: "", stage: "first-touch", body: "", tagText: "", shared: true },
  });
  const create = useMutation(
    trpc.scripts.create.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.scripts.pathKey() });
      },
    }),
  );

  const onSubmit = form.handleSubmit(({ tagText, ...values }) =>
    create.mutate({ ...values, tags: tagText.split(/[,\s]+/).filter(Boolean) }),
  );

  return (
    <Card title="New script">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <Field id="script-title" label="Title" error={form.formState.errors.title?.message}>
          <Input id="script-title" {...form.register("title")} />
        </Field>
        <Field id="script-stage" label="Stage">
          <Select id="script-stage" {...form.register("stage")}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="script-tags" label="Tactic tags (optional)" hint="Separated by commas, e.g. number-early, humour">
          <Input id="script-tags" {...form.register("tagText")} />
        </Field>
        <Field
          id="script-body"
          label="Script"
          hint="Placeholders: {prospect.firstName} {prospect.name} {prospect.company} {rep.name} {rep.phone}"
          error={form.formState.errors.body?.message}
        >
          <Textarea id="script-body" rows={6} {...form.register("body")} />
        </Field>
        <ErrorText>{create.error?.message}</ErrorText>
        <Button type="submit" disabled={create.isPending}>
          Save script
        </Button>
      </form>
    </Card>
  );
}
