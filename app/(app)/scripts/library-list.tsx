"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { IntentLink } from "@/app/_components/intent-link";
import { useTRPC } from "@/app/_trpc/client";
import { Badge } from "@/app/_components/ui";
import { formatEvidence, formatPercent, type Evidence } from "@/lib/format";
import { STAGE_LABELS, STAGES, type Stage } from "@/lib/vocabulary";
import { libraryInputFrom, type LibraryFilters } from "./library-params";
import { ScriptStatusBadges } from "./script-badges";
import { TrendSparkline, trendSummary } from "./trend-sparkline";

export function LibraryList({ filters }: { filters: LibraryFilters }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.scripts.library.queryOptions(libraryInputFrom(filters)));
  if (data.entries.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-border p-8 text-center text-sm text-muted">
        No scripts match. Clear a filter, or <IntentLink href="/scripts/new" className="text-accent underline">write one</IntentLink>.
      </p>
    );
  }
  type Entry = (typeof data.entries)[number];
  const item = (e: Entry) => <LibraryItem key={e.id} entry={e} />;
  // Ranked view: one ranking per stage, in cadence order (the service ranks within a stage).
  const groups = STAGES.map((stage) => ({ stage, entries: data.entries.filter((e) => e.stage === stage) })).filter((g) => g.entries.length);
  return (
    <section aria-label="Library" className="rounded-lg border border-border bg-surface">
      <p className="border-b border-border px-5 py-2.5 text-xs text-faint">
        {data.entries.length} {data.entries.length === 1 ? "script" : "scripts"} · read times at {data.wordsPerMinute} words a minute · ranked entries need {data.minSample} voicemails ·
        ranks are within a stage: a last try is never ranked against first touches
      </p>
      {filters.sort === "ranked" ? (
        groups.map((g) => (
          <section key={g.stage} aria-labelledby={`stage-${g.stage}`} className="border-b border-border last:border-b-0">
            <h2 id={`stage-${g.stage}`} className="bg-surface-2 px-5 py-2 text-xs font-semibold text-muted">
              {STAGE_LABELS[g.stage]} — ranked among {STAGE_PLURALS[g.stage]}
            </h2>
            <ul className="divide-y divide-border">{g.entries.map(item)}</ul>
          </section>
        ))
      ) : (
        <ul className="divide-y divide-border">{data.entries.map(item)}</ul>
      )}
    </section>
  );
}

const STAGE_PLURALS: Record<Stage, string> = { "first-touch": "first touches", "follow-up": "follow-ups", "last-try": "last tries", any: "any-stage scripts" };

type LibraryEntry = { id: number; title: string; stage: Stage; shared: boolean; archived: boolean; teamPick: boolean; tags: string[]; excerpt: string; authorName: string; versionNumber: number; words: number; readSeconds: number; forked: boolean; voicemails: number; ranked: boolean; rank: number | null; weeks: { voicemails: number; returned: number }[]; last30: Evidence; before30: Evidence } & Evidence;

function LibraryItem({ entry: e }: { entry: LibraryEntry }) {
  return (
          <li>
            <article aria-labelledby={`script-${e.id}`} className="grid gap-3 px-5 py-4 md:grid-cols-[1fr_auto]">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 id={`script-${e.id}`} className="text-sm font-semibold">
                    <IntentLink href={`/scripts/${e.id}`} className="hover:underline">
                      {e.title}
                    </IntentLink>
                  </h3>
                  <Badge>{STAGE_LABELS[e.stage]}</Badge>
                  <ScriptStatusBadges shared={e.shared} archived={e.archived} teamPick={e.teamPick} />
                  {e.tags.map((t) => (
                    <span key={t} className="text-xs text-faint">
                      #{t}
                    </span>
                  ))}
                </div>
                <p className="mt-1 line-clamp-2 text-sm text-muted">{e.excerpt}</p>
                <p className="mt-1 text-xs text-faint">
                  <bdi>{e.authorName}</bdi> · v{e.versionNumber} · {e.words} words · <span className="tabular">~{e.readSeconds} s</span> read
                  {e.forked && " · forked"}
                </p>
              </div>
              <dl className="grid grid-cols-[auto_auto] items-center gap-x-4 gap-y-1 text-sm md:min-w-[330px]">
                <dt className="text-xs text-faint">Voicemails</dt>
                <dd className="tabular text-right">{e.voicemails.toLocaleString("en-US")}</dd>
                <dt className="text-xs text-faint">Callback rate</dt>
                <dd className="tabular flex items-center justify-end gap-2 text-right">
                  {e.ranked ? <span className="text-xs text-faint">#{e.rank} of {STAGE_PLURALS[e.stage]}</span> : <Badge tone="warn">needs more data</Badge>}
                  <span>{formatEvidence(e)}</span>
                </dd>
                <dt className="text-xs text-faint">Trend</dt>
                <dd className="flex items-center justify-end gap-2 text-xs text-muted">
                  <TrendSparkline weeks={e.weeks} summary={trendSummary(e.weeks)} />
                  <span className="tabular" title={`Last 30 days ${formatEvidence(e.last30)}; before ${formatEvidence(e.before30)}`}>
                    30 d {formatPercent(e.last30.rate, 0)} · before {formatPercent(e.before30.rate, 0)}
                  </span>
                </dd>
              </dl>
            </article>
          </li>
  );
}
