"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText, Field, Select } from "@/app/_components/ui";
import { IMPORT_KINDS, MAX_IMPORT_CHARS, type ImportKind } from "@/lib/inputs/imports";
import { CallImportReview, useCallImport } from "./call-import";
import { ImportReport, ImportProgress } from "./import-report";

/** Ringback's own files, or another tool's call export read as it is (`imports.calls`). */
type PanelKind = ImportKind | "calls";

const KIND_LABELS: Record<PanelKind, string> = {
  attempts: "Attempts (a call log)",
  callbacks: "Callbacks",
  calls: "Calls from another tool (HubSpot, Aircall, …)",
};

type Loaded = { name: string; size: number; text: string };

export const formatBytes = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`);

/** The browser checks the encoding (it holds the bytes); the server checks everything else. */
async function readUtf8(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error("This file is not UTF-8 text. Save it as “CSV UTF-8” and choose it again.");
  }
}

/** Upload → automatic dry run (mapping, preview, errors or what would happen) → import. */
export function ImportPanel({ timezone }: { timezone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<PanelKind>("attempts");
  const [createMissing, setCreateMissing] = useState(false);
  const [file, setFile] = useState<Loaded | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const check = useMutation(trpc.imports.run.mutationOptions());
  const run = useMutation(trpc.imports.run.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  const calls = useCallImport();

  function checkFile(loaded: Loaded, options: { kind: PanelKind; createMissing: boolean }) {
    run.reset();
    check.reset();
    calls.reset();
    if (options.kind === "calls") return calls.start(loaded.text);
    check.mutate({ kind: options.kind, csv: loaded.text, createMissing: options.kind === "attempts" && options.createMissing, dryRun: true });
  }

  async function choose(chosen: File) {
    setReadError(null);
    setFile(null);
    check.reset();
    run.reset();
    calls.reset();
    if (chosen.size > MAX_IMPORT_CHARS) return setReadError("The file is larger than 50 MB; split it or use the command-line tool.");
    try {
      const loaded = { name: chosen.name, size: chosen.size, text: await readUtf8(chosen) };
      setFile(loaded);
      checkFile(loaded, { kind, createMissing });
    } catch (error) {
      setReadError((error as Error).message);
    }
  }

  function changeOptions(next: { kind: PanelKind; createMissing: boolean }) {
    setKind(next.kind);
    setCreateMissing(next.createMissing);
    if (file) checkFile(file, next);
  }

  const checked = check.data;
  const imported = run.data;
  const ready = checked && checked.errorCount === 0 && !imported;

  return (
    <Card title="Import" description={`Times without an offset are read in ${timezone}. Rows already in Ringback are skipped, so importing twice is safe.`}>
      <div className="flex flex-col gap-4">
        {/* min-w-0: a long option or file name would otherwise widen the column past a phone's screen. */}
        <div className="grid max-w-3xl gap-4 sm:grid-cols-2 [&>*]:min-w-0">
          <Field id="import-kind" label="What the file holds">
            <Select id="import-kind" value={kind} onChange={(e) => changeOptions({ kind: e.target.value as PanelKind, createMissing })}>
              {[...IMPORT_KINDS, "calls" as const].map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="import-file" label="CSV file" hint="UTF-8, with a header row">
            <div className="flex min-w-0 items-center gap-3">
              <input
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                className="peer sr-only"
                onChange={(e) => {
                  const chosen = e.target.files?.[0];
                  // Cleared so that choosing the same (fixed) file again is a change too; the
                  // name shown beside the button is ours, so the browser's "No file chosen" is hidden.
                  e.target.value = "";
                  if (chosen) void choose(chosen);
                }}
              />
              <label
                htmlFor="import-file"
                className="inline-flex h-9 shrink-0 cursor-pointer items-center gap-2 rounded-md border border-border bg-surface px-3 text-sm font-medium hover:bg-surface-2 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent"
              >
                <Upload aria-hidden className="size-4 text-muted" />
                {file ? "Choose another" : "Choose file"}
              </label>
              <span className="min-w-0 truncate text-sm text-muted" title={file?.name}>
                {file ? `${file.name} · ${formatBytes(file.size)}` : "No file yet"}
              </span>
            </div>
          </Field>
        </div>
        {kind === "attempts" && (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              checked={createMissing}
              onChange={(e) => changeOptions({ kind, createMissing: e.target.checked })}
              className="mt-0.5 size-4 accent-[var(--accent)]"
            />
            <span>
              Create missing scripts
              <span className="block text-xs text-muted">A script title the team lacks becomes a new shared script. Reps are never created: add or invite them first.</span>
            </span>
          </label>
        )}

        <ErrorText>{readError ?? check.error?.message ?? run.error?.message ?? calls.check.error?.message ?? calls.run.error?.message}</ErrorText>
        {(check.isPending || calls.check.isPending) && file && <ImportProgress label={`Checking ${file.name} (${formatBytes(file.size)})…`} />}
        {run.isPending && checked && <ImportProgress label={`Importing ${checked.rows.toLocaleString("en-US")} rows…`} />}
        {calls.run.isPending && calls.check.data && <ImportProgress label={`Importing ${calls.check.data.rows.toLocaleString("en-US")} rows…`} />}
        {kind === "calls" && file && <CallImportReview flow={calls} csv={file.text} />}

        {kind !== "calls" && (imported ?? checked) && (
          <ImportReport
            report={(imported ?? checked)!}
            action={
              ready &&
              checked.inserted > 0 && (
                <Button
                  type="button"
                  className="shrink-0"
                  disabled={run.isPending}
                  onClick={() => run.mutate({ kind, csv: file!.text, createMissing: kind === "attempts" && createMissing, dryRun: false })}
                >
                  Import {checked.inserted.toLocaleString("en-US")} {checked.inserted === 1 ? "row" : "rows"}
                </Button>
              )
            }
          />
        )}
      </div>
    </Card>
  );
}
