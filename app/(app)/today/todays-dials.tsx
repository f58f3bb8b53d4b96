"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Card } from "@/app/_components/ui";
import { OUTCOME_LABELS } from "@/lib/vocabulary";
import { startOfToday } from "./start-of-day";

export function TodaysDials() {
  const trpc = useTRPC();
  const [since] = useState(startOfToday);
  const { data = [], isPending } = useQuery(trpc.attempts.mine.queryOptions({ since }));
  const voicemails = data.filter((d) => d.outcome === "voicemail").length;
  const returned = data.filter((d) => d.returnedAt).length;
  return (
    <Card title="Today's dials" description={`${data.length} dials · ${voicemails} voicemails · ${returned} returned`}>
      {isPending ? (
        <p className="text-sm text-muted">Loading…</p>
      ) : data.length === 0 ? (
        <p className="text-sm text-muted">No dials yet today.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Today&apos;s dials, newest first</caption>
          <thead className="text-left text-xs text-faint">
            <tr>
              <th className="pb-2 font-medium">Time</th>
              <th className="pb-2 font-medium">Prospect</th>
              <th className="pb-2 font-medium">Outcome</th>
              <th className="pb-2 font-medium">Script</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {data.map((d) => (
              <tr key={d.id}>
                <td className="tabular py-2 text-muted">{d.at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</td>
                <td className="py-2">{d.prospectName}</td>
                <td className="py-2">
                  <Badge tone={d.outcome === "voicemail" ? "accent" : "neutral"}>{OUTCOME_LABELS[d.outcome]}</Badge>
                  {d.returnedAt && (
                    <span className="ml-1.5">
                      <Badge tone="good">Returned</Badge>
                    </span>
                  )}
                </td>
                <td className="py-2 text-muted">{d.scriptTitle ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
