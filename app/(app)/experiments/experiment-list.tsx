"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { IntentLink } from "@/app/_components/intent-link";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Card } from "@/app/_components/ui";

export function ExperimentList() {
  const trpc = useTRPC();
  const { data: experiments } = useSuspenseQuery(trpc.experiments.list.queryOptions());
  return (
    <Card title="Your team's experiments" description="Every experiment stays on record, running ones first.">
      {experiments.length === 0 ? (
        <p className="text-sm text-muted">No experiments yet. Start one to find out which script really works.</p>
      ) : (
        <ul className="divide-y divide-border" aria-label="Experiments">
          {experiments.map((e) => (
            <li key={e.id} className="flex flex-col gap-1 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <IntentLink href={`/experiments/${e.id}`} className="font-medium text-accent hover:underline">
                  {e.name}
                </IntentLink>
                <Badge tone={e.status === "running" ? "accent" : "neutral"}>{e.status === "running" ? "Running" : "Ended"}</Badge>
              </div>
              <p className="text-sm text-muted">
                {e.band} · {e.arms.map((a) => `${a.arm}: ${a.title}`).join(" · ")}
              </p>
              <p className="text-sm">{e.verdict}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
