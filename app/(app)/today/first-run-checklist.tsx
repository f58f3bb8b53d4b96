"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CheckCircle2, Circle } from "lucide-react";
import { IntentLink } from "@/app/_components/intent-link";
import { Card } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";

const STEPS = {
  script: { label: "Write a script", href: "/scripts/new", why: "Voicemails are logged against the script read." },
  phone: { label: "Set your phone", href: "/profile", why: "Scripts read it out as {rep.phone}." },
  invite: { label: "Invite reps", href: "/team", why: "Leaderboards compare the team's scripts and reps." },
  import: { label: "Import history", href: "/team/import", why: "Past calls from a CSV give the charts a head start." },
} as const;

/** A new team's first steps; it goes away by itself once every one is done. */
export function FirstRunChecklist() {
  const trpc = useTRPC();
  const { data: steps } = useSuspenseQuery(trpc.firstRun.steps.queryOptions());
  if (steps.every((s) => s.done)) return null;
  const left = steps.filter((s) => !s.done).length;
  return (
    <Card title="Get started" description={`${left} of ${steps.length} steps left; this goes away when they are done.`} className="mb-4 md:mb-6">
      <ol aria-label="Get started" className="grid gap-2 sm:grid-cols-2">
        {steps.map(({ key, done }) => (
          <li key={key} className="flex items-start gap-2.5 text-sm">
            {done ? <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-good" /> : <Circle aria-hidden className="mt-0.5 size-4 shrink-0 text-faint" />}
            <span>
              {done ? (
                <span className="text-muted line-through">{STEPS[key].label}</span>
              ) : (
                <IntentLink href={STEPS[key].href} className="font-medium text-accent underline-offset-2 hover:underline">
                  {STEPS[key].label}
                </IntentLink>
              )}
              <span className="sr-only">{done ? " (done)" : " (to do)"}</span>
              <span className="block text-xs text-faint">{STEPS[key].why}</span>
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
