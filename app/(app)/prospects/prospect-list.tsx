"use client";

import { keepPreviousData, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { IntentLink } from "@/app/_components/intent-link";
import { useDeferredValue, useState } from "react";
import { FactCards } from "@/app/_components/fact-cards";
import { Badge, Card, Input, Select } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { PROSPECT_STATUSES, type ProspectStatus } from "@/lib/vocabulary";
import { STATUS_LABELS, statusTone } from "./prospect-status";
import { formatPhoneForDisplay } from "@/lib/format";

const dateOnly = (d: Date) => d.toLocaleDateString([], { month: "short", day: "numeric" });

export function ProspectList() {
  const trpc = useTRPC();
  const { data: members } = useSuspenseQuery(trpc.teams.members.queryOptions());
  const [query, setQuery] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [status, setStatus] = useState<ProspectStatus | "">("");
  const [awaiting, setAwaiting] = useState(false);
  const [minUnreturned, setMinUnreturned] = useState("");
  const filters = useDeferredValue({
    query,
    ownerId: ownerId || undefined,
    status: status || undefined,
    awaitingCallback: awaiting ? true : undefined,
    minUnreturned: minUnreturned ? Number(minUnreturned) : undefined,
  });
  const { data = [], isFetching } = useQuery({ ...trpc.prospects.list.queryOptions(filters), placeholderData: keepPreviousData });

  return (
    <Card>
      <div role="search" aria-label="Filter prospects" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto_140px] lg:items-end">
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Search
          <Input placeholder="Name, company or phone" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Owner
          <Select value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Status
          <Select value={status} onChange={(e) => setStatus(e.target.value as ProspectStatus | "")}>
            <option value="">Any status</option>
            {PROSPECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex h-9 items-center gap-2 text-sm font-medium whitespace-nowrap">
          <input type="checkbox" checked={awaiting} onChange={(e) => setAwaiting(e.target.checked)} className="size-4 accent-[var(--accent)]" />
          Awaiting callback
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Unreturned at least
          <Input type="number" min={0} max={100} inputMode="numeric" value={minUnreturned} onChange={(e) => setMinUnreturned(e.target.value)} />
        </label>
      </div>
      <div className="mt-4 sm:hidden" aria-busy={isFetching}>
        <FactCards
          label="Prospects"
          empty="No prospects match."
          cards={data.map((p) => ({
            key: p.id,
            name: p.name,
            title: (
              <IntentLink href={`/prospects/${p.id}`} className="font-medium hover:underline">
                {p.name}
              </IntentLink>
            ),
            aside: <Badge tone={statusTone(p.status)}>{STATUS_LABELS[p.status]}</Badge>,
            facts: [
              { term: "Company", value: p.company ?? "—" },
              { term: "Phone", value: formatPhoneForDisplay(p.phone) },
              { term: "Owner", value: <bdi>{p.ownerName ?? "—"}</bdi> },
              { term: "Voicemails", value: p.voicemails },
              { term: "Unreturned", value: p.unreturned >= 3 ? <Badge tone="warn">{p.unreturned}</Badge> : p.unreturned },
              { term: "Last voicemail", value: <span suppressHydrationWarning>{p.lastVoicemailAt ? dateOnly(p.lastVoicemailAt) : "—"}</span> },
            ],
          }))}
        />
      </div>
      <div className="mt-4 hidden overflow-x-auto sm:block">
        <table className="w-full min-w-[720px] text-sm" aria-busy={isFetching}>
          <caption className="sr-only">Prospects</caption>
          <thead className="text-left text-xs text-faint">
            <tr>
              <th className="pb-2 font-medium">Name</th>
              <th className="pb-2 font-medium">Company</th>
              <th className="pb-2 font-medium">Phone</th>
              <th className="pb-2 font-medium">Owner</th>
              <th className="pb-2 font-medium">Status</th>
              <th className="pb-2 text-right font-medium">Voicemails</th>
              <th className="pb-2 text-right font-medium">Unreturned</th>
              <th className="pb-2 text-right font-medium">Last voicemail</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {data.map((p) => (
              <tr key={p.id}>
                <td className="py-2 font-medium">
                  <IntentLink href={`/prospects/${p.id}`} className="hover:underline">
                    {p.name}
                  </IntentLink>
                </td>
                <td className="py-2 text-muted">{p.company ?? "—"}</td>
                <td className="tabular py-2 text-muted">{formatPhoneForDisplay(p.phone)}</td>
                <td className="py-2 text-muted">
                  <bdi>{p.ownerName ?? "—"}</bdi>
                </td>
                <td className="py-2">
                  <Badge tone={statusTone(p.status)}>{STATUS_LABELS[p.status]}</Badge>
                </td>
                <td className="tabular py-2 text-right">{p.voicemails}</td>
                <td className="tabular py-2 text-right">{p.unreturned >= 3 ? <Badge tone="warn">{p.unreturned}</Badge> : p.unreturned}</td>
                <td className="tabular py-2 text-right text-muted" suppressHydrationWarning>
                  {p.lastVoicemailAt ? dateOnly(p.lastVoicemailAt) : "—"}
                </td>
              </tr>
            ))}
            {data.length === 0 && (
              <tr>
                <td colSpan={8} className="py-6 text-center text-muted">
                  No prospects match.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
