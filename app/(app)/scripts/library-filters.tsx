"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Input, Select } from "@/app/_components/ui";
import { LIBRARY_SORT_LABELS, LIBRARY_SORTS, LIBRARY_VIEW_LABELS, LIBRARY_VIEWS, type LibrarySort, type LibraryView } from "@/lib/inputs/scripts";
import { STAGE_LABELS, STAGES, type Stage } from "@/lib/vocabulary";
import { paramsFromFilters, type LibraryFilters } from "./library-params";

const labelClass = "flex flex-col gap-1 text-xs font-medium text-muted";

export function LibraryFiltersBar({ filters }: { filters: LibraryFilters }) {
  const trpc = useTRPC();
  const { data: facets } = useSuspenseQuery(trpc.scripts.facets.queryOptions());
  const router = useRouter();
  const pathname = usePathname();
  const [, startTransition] = useTransition();
  const [q, setQ] = useState(filters.q);

  const apply = (change: Partial<LibraryFilters>) => {
    const query = paramsFromFilters({ ...filters, ...change });
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  // The search box writes to the URL once typing pauses, so each keystroke is not a navigation.
  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => apply({ q }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const toggleTag = (tag: string) => apply({ tags: filters.tags.includes(tag) ? filters.tags.filter((t) => t !== tag) : [...filters.tags, tag] });

  return (
    <section aria-label="Filters" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
        <label className={labelClass}>
          Search
          <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Title, text or tag" />
        </label>
        <label className={labelClass}>
          Stage
          <Select value={filters.stage} onChange={(e) => apply({ stage: e.target.value as Stage | "" })}>
            <option value="">Any stage</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </Select>
        </label>
        <label className={labelClass}>
          Author
          <Select value={filters.authorId} onChange={(e) => apply({ authorId: e.target.value })}>
            <option value="">Anyone</option>
            {facets.authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </label>
        <label className={labelClass}>
          Show
          <Select value={filters.view} onChange={(e) => apply({ view: e.target.value as LibraryView })}>
            {LIBRARY_VIEWS.map((v) => (
              <option key={v} value={v}>
                {LIBRARY_VIEW_LABELS[v]}
              </option>
            ))}
          </Select>
        </label>
        <label className={labelClass}>
          Sort by
          <Select value={filters.sort} onChange={(e) => apply({ sort: e.target.value as LibrarySort })}>
            {LIBRARY_SORTS.map((s) => (
              <option key={s} value={s}>
                {LIBRARY_SORT_LABELS[s]}
              </option>
            ))}
          </Select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <label className="mr-2 inline-flex items-center gap-2 text-sm text-muted">
          <input type="checkbox" checked={filters.teamPicks} onChange={(e) => apply({ teamPicks: e.target.checked })} className="size-4 accent-[var(--accent)]" />
          Team picks only
        </label>
        {facets.tags.length > 0 && (
          <span id="tag-filter-label" className="text-xs text-faint">
            Tactic tags:
          </span>
        )}
        <div role="group" aria-labelledby="tag-filter-label" className="flex flex-wrap gap-1.5">
          {facets.tags.map((tag) => {
            const on = filters.tags.includes(tag);
            return (
              <button
                key={tag}
                type="button"
                aria-pressed={on}
                onClick={() => toggleTag(tag)}
                className={`rounded-full border px-2.5 py-0.5 text-xs ${on ? "border-accent bg-accent-soft text-accent" : "border-border text-muted hover:bg-surface-2"}`}
              >
                {tag}
              </button>
            );
          })}
        </div>
      </div>
    </section>
  );
}
