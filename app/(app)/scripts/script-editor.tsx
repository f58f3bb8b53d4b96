"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Input, Select, Textarea } from "@/app/_components/ui";
import { createScriptInput } from "@/lib/inputs/scripts";
import { STAGE_LABELS, STAGES, type Stage } from "@/lib/vocabulary";
import { ReadTime } from "./read-time";
import { UnfilledWarning } from "./unfilled-warning";

// The form takes tags as one comma-separated field; the procedure's schema checks each tag.
const editorSchema = createScriptInput.omit({ tags: true }).extend({ tagText: z.string().max(400), shared: z.boolean() });
type EditorValues = { title: string; stage: Stage; body: string; tagText: string; shared: boolean };

const splitTags = (text: string) => text.split(/[,\s]+/).map((t) => t.trim().toLowerCase()).filter(Boolean);

type Props =
  | { mode: "create" }
  | {
      mode: "edit";
      id: number;
      initial: { title: string; stage: Stage; tags: string[]; body: string };
      measured: { medianMessageSeconds: number | null; measuredMessages: number };
    };

export function ScriptEditor(props: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const initial = props.mode === "edit" ? props.initial : { title: "", stage: "first-touch" as Stage, tags: [], body: "" };
  const form = useForm<EditorValues>({
    resolver: zodResolver(editorSchema),
    defaultValues: { title: initial.title, stage: initial.stage, body: initial.body, tagText: initial.tags.join(", "), shared: false },
  });

  // The domain parser runs on the server for the preview too, so the editor and the save agree.
  const body = useWatch({ control: form.control, name: "body" });
  const [checkedBody, setCheckedBody] = useState(body);
  useEffect(() => {
    const timer = setTimeout(() => setCheckedBody(body), 200);
    return () => clearTimeout(timer);
  }, [body]);
  const preview = useQuery({ ...trpc.scripts.preview.queryOptions({ body: checkedBody }), placeholderData: keepPreviousData });
  const problems = preview.data && checkedBody === body ? preview.data.problems : [];

  const onSaved = async (id: number) => {
    await queryClient.invalidateQueries({ queryKey: trpc.scripts.pathKey() });
    router.push(`/scripts/${id}`);
  };
  const create = useMutation(trpc.scripts.create.mutationOptions({ onSuccess: (created) => onSaved(created.id) }));
  const update = useMutation(trpc.scripts.update.mutationOptions({ onSuccess: (updated) => onSaved(updated.id) }));
  const saving = create.isPending || update.isPending;

  const onSubmit = form.handleSubmit(({ tagText, ...values }) => {
    if (problems.length) {
      form.setError("body", { message: "Fix the placeholder problems before saving." });
      return;
    }
    const tags = splitTags(tagText);
    if (props.mode === "create") create.mutate({ ...values, tags });
    else update.mutate({ id: props.id, title: values.title, stage: values.stage, tags, body: values.body });
  });

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_380px]">
      <Card title={props.mode === "create" ? "New script" : "Edit script"} description={props.mode === "edit" ? "Saving a changed text makes a new version; title, stage and tags change in place." : undefined}>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field id="script-title" label="Title" error={form.formState.errors.title?.message}>
            <Input id="script-title" {...form.register("title")} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="script-stage" label="Stage">
              <Select id="script-stage" {...form.register("stage")}>
                {STAGES.map((s) => (
                  <option key={s} value={s}>
                    {STAGE_LABELS[s]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="script-tags" label="Tactic tags (optional)" hint="Separated by commas, e.g. number-early, humour" error={form.formState.errors.tagText?.message}>
              <Input id="script-tags" {...form.register("tagText")} />
            </Field>
          </div>
          <Field
            id="script-body"
            label="Script"
            hint="Placeholders: {prospect.firstName} {prospect.name} {prospect.company} {rep.name} {rep.phone}"
            error={form.formState.errors.body?.message}
          >
            <Textarea
              id="script-body"
              rows={8}
              aria-invalid={problems.length > 0}
              aria-describedby={problems.length ? "script-body-problems" : undefined}
              className="font-mono text-[13px] leading-relaxed"
              {...form.register("body")}
            />
          </Field>
          {problems.length > 0 && (
            <ul id="script-body-problems" aria-label="Placeholder problems" className="-mt-2 flex flex-col gap-1 rounded-md border border-bad/30 bg-bad/10 px-3 py-2 text-sm text-bad">
              {problems.map((p) => (
                <li key={p.index}>
                  <span className="font-medium">{p.position[0].toUpperCase() + p.position.slice(1)}:</span> {p.message}
                </li>
              ))}
            </ul>
          )}
          {props.mode === "create" && (
            <label className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" {...form.register("shared")} className="size-4 accent-[var(--accent)]" />
              Share with the team now (otherwise a private draft only you can see)
            </label>
          )}
          <ErrorText>{create.error?.message ?? update.error?.message}</ErrorText>
          <div className="flex gap-2">
            <Button type="submit" disabled={saving}>
              Save script
            </Button>
            <Button type="button" variant="ghost" onClick={() => router.back()}>
              Cancel
            </Button>
          </div>
        </form>
      </Card>
      <Card title="Preview" description={preview.data ? `For ${preview.data.sample.prospect} (sample prospect), read by you${preview.data.sample.rep ? ` (${preview.data.sample.rep})` : ""}` : undefined}>
        <div className="flex flex-col gap-4">
          {preview.data && <UnfilledWarning unfilled={preview.data.unfilled} />}
          <p aria-label="Rendered preview" className="min-h-24 rounded-md bg-surface-2 p-3 text-sm leading-relaxed whitespace-pre-wrap">
            {preview.data?.rendered || <span className="text-faint">Start writing; the preview fills in names and numbers.</span>}
          </p>
          {preview.data && (
            <ReadTime
              words={preview.data.words}
              readSeconds={preview.data.readSeconds}
              wordsPerMinute={preview.data.wordsPerMinute}
              measured={props.mode === "edit" ? props.measured : null}
            />
          )}
        </div>
      </Card>
    </div>
  );
}
