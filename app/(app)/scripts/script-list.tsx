"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Card } from "@/app/_components/ui";
import { STAGE_LABELS } from "@/lib/vocabulary";

export function ScriptList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.scripts.pickable.queryOptions());
  return (
    <Card title="Library">
      {data.length === 0 ? (
        <p className="text-sm text-muted">No scripts yet. Write the first one.</p>
      ) : (
        <ul className="divide-y divide-border">
          {data.map((s) => (
            <li key={s.id} className="py-3 first:pt-0 last:pb-0">
              <div className="flex items-center gap-2">
                <h3 className="text-sm font-medium">{s.title}</h3>
                <Badge>{STAGE_LABELS[s.stage]}</Badge>
                <span className="text-xs text-faint">v{s.latestVersion.number} · {s.latestVersion.wordCount} words</span>
              </div>
              <p className="mt-1 line-clamp-2 text-sm whitespace-pre-wrap text-muted">{s.latestVersion.body}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
