"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { IntentLink } from "@/app/_components/intent-link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Input, Select } from "@/app/_components/ui";
import type { LeaderboardInput } from "@/lib/inputs/leaderboard";
import { customRangeProblem, DATE_RANGE_LABELS, DATE_RANGES, leaderboardSearchString, VIEW_PARAMS } from "@/lib/inputs/leaderboard-url";
import { ATTEMPT_BUCKETS, STAGE_LABELS, type Stage } from "@/lib/vocabulary";

export const BOARD_TABS = [
  { by: "script", label: "Scripts", question: "Which scripts get called back?" },
  { by: "rep", label: "Reps", question: "Whose voicemails get called back?" },
  { by: "attempt-number", label: "Attempt number", question: "Which voicemail in a cadence gets called back?" },
  { by: "tag", label: "Tags", question: "Which tactics get called back?" },
] as const;

type Props = {
  view: LeaderboardInput;
  /** Where the controls navigate: the page they sit on. */
  basePath: string;
  tabs?: boolean;
  /** The rep filter makes no sense on one rep's own page. */
  repFilter?: boolean;
  csv?: boolean;
};

/**
 * Tabs, date range and filters of a stats page, all kept in the URL: a view is shared by link,
 * survives a reload, and the CSV download is that same view.
 */
export function ViewControls({ view, basePath, tabs = false, repFilter = true, csv = false }: Props) {
  const trpc = useTRPC();
  const { data: options } = useSuspenseQuery(trpc.leaderboard.filters.queryOptions());
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [from, setFrom] = useState(view.from ?? "");
  const [to, setTo] = useState(view.to ?? "");
  const [rangeError, setRangeError] = useState<string | null>(null);
  // A link whose custom dates the parser dropped opens as another period: say why, in place.
  const params = useSearchParams();
  const droppedRange =
    params.get(VIEW_PARAMS.range) === "custom" ? customRangeProblem(params.get(VIEW_PARAMS.from) ?? undefined, params.get(VIEW_PARAMS.to) ?? undefined) : null;
  const shownRangeError = rangeError ?? (droppedRange ? `${droppedRange} Those dates were not applied.` : null);
  // Back and forward change the view without remounting: take the dates of the view now shown.
  const [shownRange, setShownRange] = useState(`${view.from}|${view.to}`);
  if (shownRange !== `${view.from}|${view.to}`) {
    setShownRange(`${view.from}|${view.to}`);
    setFrom(view.from ?? "");
    setTo(view.to ?? "");
  }
  const search = leaderboardSearchString(view);

  const go = (overrides: Partial<LeaderboardInput>) =>
    startTransition(() => router.push(`${basePath}${leaderboardSearchString(view, overrides)}`, { scroll: false }));
  const filtered = Boolean(view.repId || view.scriptId || view.versionId || view.stage || view.tag || view.attempt);
  const byScript = view.by === "script" || view.by === "version";

  return (
    <div className="flex flex-col gap-4">
      {tabs && (
        <nav aria-label="Leaderboard views" className="flex gap-1 overflow-x-auto border-b border-border">
          {BOARD_TABS.map((t) => {
            const current = t.by === view.by || (t.by === "script" && view.by === "version");
            return (
              <IntentLink
                key={t.by}
                href={`${basePath}${leaderboardSearchString(view, { by: t.by })}`}
                scroll={false}
                aria-current={current ? "page" : undefined}
                className={`-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap ${current ? "border-accent font-medium text-text" : "border-transparent text-muted hover:text-text"}`}
              >
                {t.label}
              </IntentLink>
            );
          })}
        </nav>
      )}
      <form
        aria-label="Date range and filters"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          // The URL parser drops dates it refuses (the link still opens), so say so here instead.
          const problem = customRangeProblem(from || undefined, to || undefined);
          if (problem) return setRangeError(problem);
          setRangeError(null);
          go({ range: "custom", from: from || undefined, to: to || undefined });
        }}
      >
        <Control id="range" label="Period">
          <Select id="range" value={view.range} onChange={(e) => go({ range: e.target.value as LeaderboardInput["range"] })} className="w-36">
            {DATE_RANGES.map((r) => (
              <option key={r} value={r}>
                {DATE_RANGE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Control>
        {view.range === "custom" && (
          <>
            <Control id="from" label="From">
              <Input id="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} className="w-40" />
            </Control>
            <Control id="to" label="To">
              <Input
                id="to"
                type="date"
                value={to}
                onChange={(e) => setTo(e.target.value)}
                aria-invalid={shownRangeError ? true : undefined}
                aria-describedby={shownRangeError ? "range-error" : undefined}
                className="w-40"
              />
            </Control>
            <Button type="submit" variant="secondary">
              Apply dates
            </Button>
          </>
        )}
        {shownRangeError && (
          <p id="range-error" role="alert" className="basis-full text-xs text-bad">
            {shownRangeError}
          </p>
        )}
        {repFilter && (
          <Control id="rep-filter" label="Rep">
            <Select id="rep-filter" value={view.repId ?? ""} onChange={(e) => go({ repId: e.target.value || undefined })} className="w-40">
              <option value="">All reps</option>
              {options.reps.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </Control>
        )}
        <Control id="script-filter" label="Script">
          <Select
            id="script-filter"
            value={view.scriptId ?? ""}
            onChange={(e) => go({ scriptId: e.target.value ? Number(e.target.value) : undefined, versionId: undefined })}
            className="w-44"
          >
            <option value="">All scripts</option>
            {options.scripts.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
                {s.archived ? " (archived)" : ""}
              </option>
            ))}
          </Select>
        </Control>
        <Control id="stage-filter" label="Stage">
          <Select id="stage-filter" value={view.stage ?? ""} onChange={(e) => go({ stage: (e.target.value || undefined) as Stage | undefined })} className="w-32">
            <option value="">All stages</option>
            {options.stages.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </Select>
        </Control>
        <Control id="tag-filter" label="Tag">
          <Select id="tag-filter" value={view.tag ?? ""} onChange={(e) => go({ tag: e.target.value || undefined })} className="w-40">
            <option value="">All tags</option>
            {options.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Control>
        <Control id="attempt-filter" label="Voicemail #">
          <Select id="attempt-filter" value={view.attempt ?? ""} onChange={(e) => go({ attempt: (e.target.value || undefined) as LeaderboardInput["attempt"] })} className="w-24">
            <option value="">Any</option>
            {ATTEMPT_BUCKETS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </Control>
        {filtered && (
          <Button
            type="button"
            variant="ghost"
            onClick={() => go({ repId: undefined, scriptId: undefined, versionId: undefined, stage: undefined, tag: undefined, attempt: undefined })}
          >
            Clear filters
          </Button>
        )}
        <div className="ml-auto flex items-center gap-3">
          <span aria-live="polite" className="text-xs text-faint">
            {pending ? "Updating…" : ""}
          </span>
          {tabs && byScript && (
            <label className="flex items-center gap-2 text-sm text-muted">
              <input type="checkbox" checked={view.by === "version"} onChange={(e) => go({ by: e.target.checked ? "version" : "script" })} />
              Each version apart
            </label>
          )}
          {csv && (
            <a
              href={`/api/leaderboard.csv${search}`}
              download
              className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-3 text-sm font-medium hover:bg-surface-2"
            >
              <Download aria-hidden className="size-4" />
              Download CSV
            </a>
          )}
        </div>
      </form>
    </div>
  );
}

function Control({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      {children}
    </div>
  );
}
