"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { Card, Field, Input } from "@/app/_components/ui";
import { EXPORT_KINDS, type ExportKind } from "@/lib/inputs/imports";

const LABELS: Record<ExportKind, string> = { attempts: "Download attempts", callbacks: "Download callbacks", scripts: "Download scripts" };

/** Downloads in the import format; the dates bound attempts and callbacks (days in the team's zone). */
export function ExportPanel() {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const query = new URLSearchParams(Object.entries({ from, to }).filter(([, v]) => v)).toString();
  // A link with `download` saves whatever comes back — the server's refusal became `attempts.txt`.
  const reversed = Boolean(from && to && to < from);
  return (
    <Card title="Export" description="CSV in the import format: it reads back into Ringback unchanged.">
      <div className="grid grid-cols-2 gap-3">
        <Field id="export-from" label="From (optional)">
          <Input id="export-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field id="export-to" label="To (optional)">
          <Input id="export-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={reversed || undefined} aria-describedby={reversed ? "export-range-error" : undefined} />
        </Field>
      </div>
      {reversed && (
        <p id="export-range-error" role="alert" className="mt-2 text-xs text-bad">
          The range ends before it starts: pick a “To” date on or after the “From” date.
        </p>
      )}
      <ul className="mt-4 flex flex-col gap-2">
        {EXPORT_KINDS.map((kind) => (
          <li key={kind}>
            {reversed && kind !== "scripts" ? (
              <span
                aria-disabled="true"
                aria-describedby="export-range-error"
                className="inline-flex h-9 w-full cursor-not-allowed items-center gap-2 rounded-md border border-border bg-surface px-3.5 text-sm font-medium opacity-50"
              >
                <Download aria-hidden className="size-4 text-muted" />
                {LABELS[kind]}
              </span>
            ) : (
            <a
              href={`/api/export/${kind}${query && kind !== "scripts" ? `?${query}` : ""}`}
              download
              className="inline-flex h-9 w-full items-center gap-2 rounded-md border border-border bg-surface px-3.5 text-sm font-medium hover:bg-surface-2"
            >
              <Download aria-hidden className="size-4 text-muted" />
              {LABELS[kind]}
              {kind === "scripts" && <span className="ml-auto text-xs font-normal text-faint">whole library</span>}
            </a>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
