"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/app/_trpc/client";
import { Badge } from "@/app/_components/ui";
import { formatEvidence, formatPercent } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/vocabulary";
import { libraryInputFrom, type LibraryFilters } from "./library-params";
import { ScriptStatusBadges } from "./script-badges";
import { TrendSparkline, trendSummary } from "./trend-sparkline";

export function LibraryList({ filters }: { filters: LibraryFilters }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.scripts.library.queryOptions(libraryInputFrom(filters)));
  if (data.entries.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-border p-8 text-center text-sm text-muted">
        No scripts match. Clear a filter, or <Link href="/scripts/new" className="text-accent underline">write one</Link>.
      </p>
    );
  }
  return (
    <section aria-label="Library" className="rounded-lg border border-border bg-surface">
      <p className="border-b border-border px-5 py-2.5 text-xs text-faint">
        {data.entries.length} {data.entries.length === 1 ? "script" : "scripts"} · read times at {data.wordsPerMinute} words a minute · ranked entries need {data.minSample} voicemails
      </p>
      <ul className="divide-y divide-border">
        {data.entries.map((e) => (
          <li key={e.id}>
            <article aria-labelledby={`script-${e.id}`} className="grid gap-3 px-5 py-4 md:grid-cols-[1fr_auto]">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 id={`script-${e.id}`} className="text-sm font-semibold">
                    <Link href={`/scripts/${e.id}`} className="hover:underline">
                      {e.title}
                    </Link>
                  </h2>
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
                  {e.ranked ? <span className="text-xs text-faint">#{e.rank}</span> : <Badge tone="warn">needs more data</Badge>}
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
        ))}
      </ul>
    </section>
  );
}
