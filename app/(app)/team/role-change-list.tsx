"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Card } from "@/app/_components/ui";

const whenFormat: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };

/**
 * The team's role trail, newest first: who gave whom which role, and which changes were undone.
 * Titled without the word "role": a card's title is its label, and the invite form's Role field
 * must stay the only thing labelled so.
 */
export function RoleChangeList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.teams.roleChanges.queryOptions());
  return (
    <Card title="Access changes" description={data.length === 0 ? "No role has been changed yet." : `The latest ${data.length} role changes, newest first`}>
      {data.length > 0 && (
        <ul aria-label="Access changes" className="divide-y divide-border text-sm">
          {data.map((c) => (
            <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2">
              <span className="min-w-0">
                <bdi className="font-medium">{c.memberName}</bdi>: {c.fromRole} → {c.toRole}
                {c.undo && <span className="text-muted"> (undo)</span>}
                <span className="text-muted">
                  {" "}
                  by <bdi>{c.byName}</bdi>
                </span>
              </span>
              {/* The server renders in its own zone; the browser's wall clock is the one to show. */}
              <time dateTime={c.at.toISOString()} className="text-xs text-muted" suppressHydrationWarning>
                {c.at.toLocaleString([], whenFormat)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
