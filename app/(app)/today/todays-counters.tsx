"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";

const COUNTERS = [
  { key: "dials", label: "Dials" },
  { key: "voicemails", label: "Voicemails" },
  { key: "callbacks", label: "Callbacks" },
  { key: "appointments", label: "Appointments" },
] as const;

/** Today in the team's timezone: the rep's dials and voicemails, and the callbacks they earned. */
export function TodaysCounters() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.attempts.today.queryOptions());
  return (
    // Two by two on a phone: four columns of 80 px cut "Voicemails" to "Voicem…".
    <dl aria-label="Today's counters" className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-border bg-border sm:grid-cols-4">
      {COUNTERS.map(({ key, label }) => (
        <div key={key} className="bg-surface px-3 py-2.5 sm:px-4">
          <dt className="text-xs text-muted">{label}</dt>
          <dd aria-label={`${label} today`} className="tabular text-xl font-semibold">
            {data.counters[key]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
