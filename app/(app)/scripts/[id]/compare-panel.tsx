"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Card, Field, Select } from "@/app/_components/ui";
import { formatEvidence, formatPercent } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/vocabulary";
import type { ScriptPageData } from "./script-data";
import { SharedAttemptsNote } from "./shared-attempts-note";

const points = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)}`;

export function ComparePanel({ script }: { script: ScriptPageData }) {
  const trpc = useTRPC();
  const { data: options } = useSuspenseQuery(trpc.scripts.options.queryOptions());
  const [otherId, setOtherId] = useState<string>("");
  const comparison = useQuery({ ...trpc.scripts.compare.queryOptions({ id: script.id, otherId: Number(otherId) }), enabled: otherId !== "" });
  const c = comparison.data;

  return (
    <Card title="Is it better than another script?" description="Beta posteriors (exact), Newcombe's interval for the difference, Fisher's exact test.">
      <div className="flex flex-col gap-4">
        <div className="max-w-sm">
          <Field id="compare-with" label="Compare with">
            <Select id="compare-with" value={otherId} onChange={(e) => setOtherId(e.target.value)}>
              <option value="">Pick a script…</option>
              {options
                .filter((o) => o.id !== script.id)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.title} ({STAGE_LABELS[o.stage]}{o.archived ? ", archived" : ""})
                  </option>
                ))}
            </Select>
          </Field>
        </div>
        {comparison.isFetching && !c && <p className="text-sm text-muted">Comparing…</p>}
        {comparison.error && <p className="text-sm text-bad">{comparison.error.message}</p>}
        {c && otherId !== "" && (
          <section aria-label="Comparison" className="flex flex-col gap-3">
            <p
              role="status"
              className={`rounded-md border px-3 py-2 text-sm font-medium ${
                c.verdict.kind === "better" ? "border-good/30 bg-good/10 text-good" : c.verdict.kind === "worse" ? "border-bad/30 bg-bad/10 text-bad" : "border-border bg-surface-2"
              }`}
            >
              {c.verdict.kind === "better" || c.verdict.kind === "worse" ? `${c.verdict.text}: “${c.this.title}” against “${c.that.title}”` : c.verdict.text}
            </p>
            {c.attemptNumbers && <SharedAttemptsNote comparison={c} />}
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-muted">{c.this.title} (this script)</dt>
              <dd className="tabular">{formatEvidence(c.this)}</dd>
              <dt className="text-muted">{c.that.title}</dt>
              <dd className="tabular">{formatEvidence(c.that)}</dd>
            </dl>
            {c.verdict.kind !== "no-data" && (
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-muted">Chance this one&apos;s true rate is higher</dt>
              <dd className="tabular">{formatPercent(c.probabilityThisBeatsThat, 1)}</dd>
              <dt className="text-muted">Difference (95% interval)</dt>
              <dd className="tabular">
                {points(c.difference.difference)} points ({points(c.difference.low)} to {points(c.difference.high)})
              </dd>
              <dt className="text-muted">Fisher&apos;s exact p</dt>
              <dd className="tabular">{c.fisherP < 0.001 ? c.fisherP.toExponential(1) : c.fisherP.toFixed(3)}</dd>
            </dl>
            )}
          </section>
        )}
      </div>
    </Card>
  );
}
