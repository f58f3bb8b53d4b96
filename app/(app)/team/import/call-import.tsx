"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Button } from "@/app/_components/ui";
import { CALL_SOURCE_LABELS, type CallField, type CallSourceId, type OutcomeMapping } from "@/lib/inputs/imports";
import type { AppRouter } from "@/server/routers/_app";
import { CallCounts, SkippedReasons } from "./call-import-counts";
import { ColumnMapping, OutcomeChoices, RepChoices, SourceChoice } from "./call-mappings";
import { BadRows, n, plural } from "./import-report";

export type CallReport = inferRouterOutputs<AppRouter>["imports"]["calls"];

/** What the manager chose on top of what the server read; only these are sent (and remembered on import). */
export type CallChoices = {
  source: "auto" | CallSourceId;
  columns: Partial<Record<CallField, string | null>>;
  reps: Record<string, string>;
  outcomes: Record<string, OutcomeMapping>;
};

const NO_CHOICES: CallChoices = { source: "auto", columns: {}, reps: {}, outcomes: {} };

const inputOf = (csv: string, c: CallChoices, dryRun: boolean) => ({
  csv,
  source: c.source,
  columns: Object.entries(c.columns).map(([field, column]) => ({ field: field as CallField, column: column ?? null })),
  reps: Object.entries(c.reps).map(([external, email]) => ({ external, email })),
  outcomes: Object.entries(c.outcomes).map(([value, outcome]) => ({ value, outcome })),
  dryRun,
});

/**
 * A call export's dry run, the manager's choices and the import. A choice only changes the page
 * until "Check again" runs the dry run with it, so that the counts shown are always the server's
 * and a dozen picks spend one dry run of the import budget, not a dozen.
 */
export function useCallImport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<CallChoices>(NO_CHOICES);
  const [checkedChoices, setCheckedChoices] = useState<CallChoices | null>(null);
  const check = useMutation(trpc.imports.calls.mutationOptions());
  const run = useMutation(trpc.imports.calls.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));

  function checkWith(csv: string, next: CallChoices) {
    run.reset();
    setChoices(next);
    setCheckedChoices(next);
    check.mutate(inputOf(csv, next, true));
  }

  return {
    choices,
    check,
    run,
    /** The choices differ from those of the dry run on screen. */
    stale: checkedChoices !== choices,
    start: (csv: string) => checkWith(csv, NO_CHOICES),
    reset() {
      check.reset();
      run.reset();
      setChoices(NO_CHOICES);
      setCheckedChoices(null);
    },
    /** Another source reads the columns anew: the other choices belonged to the old one. */
    setSource: (csv: string, source: CallChoices["source"]) => checkWith(csv, { ...NO_CHOICES, source }),
    recheck: (csv: string) => checkWith(csv, choices),
    choose: (change: (c: CallChoices) => CallChoices) => setChoices(change),
    importNow: (csv: string) => run.mutate(inputOf(csv, choices, false)),
  };
}

export type CallImportFlow = ReturnType<typeof useCallImport>;

const dialTotal = (r: CallReport) => Object.values(r.dials).reduce((a, b) => a + b, 0);
const whatItAdds = (r: CallReport) => `${plural(dialTotal(r), "dial")} and ${plural(r.callbacks, "callback")}`;

/** Values and reps the dry run could not read that the manager has not picked yet. */
function openChoices(r: CallReport, c: CallChoices) {
  const outcomes = r.outcomeValues.filter((v) => v.outcome === null && !(v.value in c.outcomes)).length;
  const reps = r.unresolvedReps.filter((u) => !(u.identifier in c.reps)).length;
  return { outcomes, reps };
}

function Verdict({ report, flow, csv }: { report: CallReport; flow: CallImportFlow; csv: string }) {
  const open = openChoices(report, flow.choices);
  const waiting = open.outcomes + open.reps;
  const ready = !flow.stale && report.errorCount === 0 && report.unresolvedReps.length === 0;
  const status = flow.stale
    ? waiting
      ? `Pick ${[open.outcomes && plural(open.outcomes, "outcome"), open.reps && plural(open.reps, "rep")].filter(Boolean).join(" and ")} more, then check again.`
      : "Your choices changed: check again to see what the file imports with them."
    : report.unresolvedReps.length
      ? `Not ready: ${plural(report.unresolvedReps.length, "rep")} of the file ${report.unresolvedReps.length === 1 ? "is" : "are"} nobody on the team yet — pick a member for each below.`
      : report.errorCount
        ? "Not ready: see the bad rows above."
        : dialTotal(report) + report.callbacks === 0
          ? `Nothing new to import: ${plural(report.alreadyImported, "call")} already imported.`
          : `Ready to import: ${whatItAdds(report)}, ${n(report.alreadyImported)} already imported.`;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-border bg-surface-2 px-4 py-3">
      <div className="text-sm">
        <p role="status">{status}</p>
        <p className="mt-0.5 text-xs text-muted">Nothing has been written yet. What you choose here is remembered for {report.source ? "this source's" : "the"} next file.</p>
      </div>
      {flow.stale ? (
        <Button type="button" variant="secondary" className="shrink-0" disabled={flow.check.isPending || waiting > 0} onClick={() => flow.recheck(csv)}>
          Check again with these choices
        </Button>
      ) : (
        <Button type="button" className="shrink-0" disabled={!ready || dialTotal(report) + report.callbacks === 0 || flow.run.isPending} onClick={() => flow.importNow(csv)}>
          {ready ? `Import ${plural(dialTotal(report) + report.callbacks, "call")}` : "Import"}
        </Button>
      )}
    </div>
  );
}

/** What a call export's dry run found, the choices that change it, and the import; after the import, what was written. */
export function CallImportReview({ flow, csv }: { flow: CallImportFlow; csv: string }) {
  const imported = flow.run.data;
  const report = imported ?? flow.check.data;
  if (!report) return null;
  if (imported?.written) {
    return (
      <div className="flex flex-col gap-5">
        <p role="status" className="rounded-md border border-good/30 bg-good/10 px-4 py-3 text-sm font-medium text-good">
          Imported from {report.source ? CALL_SOURCE_LABELS[report.source] : "the file"}: {whatItAdds(report)} added, {n(report.alreadyImported)} already imported.
        </p>
        <CallCounts report={report} />
        <SkippedReasons report={report} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      {report.errorCount > 0 && <BadRows report={report} remedy="map the values below, or fix the file and choose it again" />}
      <Verdict report={report} flow={flow} csv={csv} />
      <SourceChoice report={report} flow={flow} csv={csv} />
      {report.columns && (
        <>
          {/* A refused dry run stops before counting what it would write: zeros would mislead. */}
          {report.errorCount === 0 && report.unresolvedReps.length === 0 && <CallCounts report={report} />}
          <div className="grid grid-cols-1 items-start gap-5 lg:grid-cols-2">
            <OutcomeChoices report={report} flow={flow} />
            <RepChoices report={report} flow={flow} />
          </div>
          <SkippedReasons report={report} />
          <ColumnMapping report={report} flow={flow} />
        </>
      )}
    </div>
  );
}
