"use client";

import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { useDeferredValue, useRef } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { formatPhoneForDisplay } from "@/lib/format";
import { NAME_MAX } from "@/lib/inputs/fields";

/** What `prospects.search` accepts; a longer query searches by its start. */
const SEARCH_MAX = 100;

export type PickedProspect =
  | { kind: "existing"; id: number; name: string; company: string | null; phone: string | null }
  | { kind: "new"; name: string; phone: string; company: string };

/** Something with seven or more digits and nothing but phone punctuation is a number, not a name. */
export const looksLikePhone = (text: string) => /^[\d\s()+.\-]+$/.test(text.trim()) && text.replace(/\D/g, "").length >= 7;

type Props = {
  query: string;
  onQueryChange: (query: string) => void;
  onPick: (picked: PickedProspect) => void;
  inputRef: React.Ref<HTMLInputElement>;
};

/** Command-palette type-ahead over the team's prospects; "create new" when nothing matches. */
export function ProspectPicker({ query, onQueryChange, onPick, inputRef }: Props) {
  const trpc = useTRPC();
  const deferred = useDeferredValue(query.trim());
  const { data: matches = [], isFetching } = useQuery({ ...trpc.prospects.search.queryOptions({ query: deferred.slice(0, SEARCH_MAX) }), enabled: deferred.length > 0 });
  const settled = deferred === query.trim() && !isFetching;
  // Longer than any name can be (and not a phone number): say so rather than offer to create it.
  const tooLong = !looksLikePhone(query) && query.trim().length > NAME_MAX;
  const listRef = useRef<HTMLDivElement>(null);
  const pickExisting = (p: (typeof matches)[number]) => onPick({ kind: "existing", id: p.id, name: p.name, company: p.company, phone: p.phone });
  const createNew = () =>
    onPick(looksLikePhone(query) ? { kind: "new", name: "", phone: query.trim(), company: "" } : { kind: "new", name: query.trim(), phone: "", company: "" });

  // cmdk highlights the first item one render after it appears; a fast typist's Enter can land
  // in between and would be lost, so it goes to what would have been highlighted.
  function enterBeforeHighlight(e: React.KeyboardEvent) {
    if (e.key !== "Enter" || !query.trim() || listRef.current?.querySelector('[cmdk-item][data-selected="true"]')) return;
    e.preventDefault();
    if (matches.length > 0) pickExisting(matches[0]);
    else if (settled && !tooLong) createNew();
  }

  return (
    <Command shouldFilter={false} label="Prospect" loop className="relative" onKeyDown={enterBeforeHighlight}>
      <div aria-hidden className="mb-1.5 text-sm font-medium">
        Prospect
      </div>
      <Command.Input
        ref={inputRef}
        value={query}
        onValueChange={onQueryChange}
        placeholder="Type a name, company or phone"
        // The search ignores case, so ⇧C is free to log a callback even while focus rests here.
        data-shift-c="log-callback"
        className="h-11 w-full rounded-md border border-border bg-surface px-3 text-base text-text placeholder:text-faint focus:border-accent focus:outline-none sm:h-9 sm:text-sm"
      />
      {query.trim() && (
        <Command.List ref={listRef} label="Matching prospects" className="mt-1 max-h-64 overflow-y-auto rounded-md border border-border bg-surface p-1 shadow-sm">
          {matches.map((p) => (
            <Command.Item
              key={p.id}
              value={`prospect-${p.id}`}
              onSelect={() => pickExisting(p)}
              className="flex cursor-pointer items-baseline justify-between gap-3 rounded px-2.5 py-2 text-sm data-[selected=true]:bg-accent-soft"
            >
              <span className="min-w-0 truncate">
                <span className="font-medium">{p.name}</span>
                {p.company && <span className="text-muted"> · {p.company}</span>}
              </span>
              <span className="tabular shrink-0 text-xs text-faint">{formatPhoneForDisplay(p.phone)}</span>
            </Command.Item>
          ))}
          {settled && matches.length === 0 && tooLong && (
            <p role="alert" className="px-2.5 py-2 text-sm text-bad">
              A prospect&apos;s name is at most {NAME_MAX} characters; this is {query.trim().length}. Shorten it to create the prospect.
            </p>
          )}
          {settled && matches.length === 0 && !tooLong && (
            <Command.Item value="create-new" onSelect={createNew} className="cursor-pointer rounded px-2.5 py-2 text-sm data-[selected=true]:bg-accent-soft">
              Create new prospect “{query.trim()}”
            </Command.Item>
          )}
          {!settled && matches.length === 0 && <p className="px-2.5 py-2 text-sm text-muted">Searching…</p>}
        </Command.List>
      )}
    </Command>
  );
}
