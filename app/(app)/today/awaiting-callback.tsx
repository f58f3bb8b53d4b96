"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge, Card } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { formatMinutes } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/vocabulary";
import type { PickedProspect } from "./prospect-picker";

const QUEUE_PREVIEW = 10;

/** Prospects waiting on the rep's voicemails, longest first; "Dial" puts one in the quick log. */
export function AwaitingCallback({ onPick }: { onPick: (p: PickedProspect) => void }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.prospects.awaitingCallback.queryOptions());
  // A busy rep can have a hundred people waiting; the top of the queue is what they act on.
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? data : data.slice(0, QUEUE_PREVIEW);
  return (
    <Card
      title={data.length > 0 ? `Awaiting callback (${data.length})` : "Awaiting callback"}
      description="Unreturned voicemails inside the attribution window, longest waiting first."
    >
      {data.length === 0 ? (
        <p className="text-sm text-muted">Nobody is waiting on a voicemail of yours.</p>
      ) : (
        <ul aria-label="Awaiting callback" className="-my-2 divide-y divide-border">
          {shown.map((p) => (
            <li key={p.id} className="flex items-start justify-between gap-3 py-2.5">
              <div className="min-w-0 text-sm">
                <Link href={`/prospects/${p.id}`} className="font-medium hover:underline">
                  {p.name}
                </Link>
                {p.company && <span className="text-muted"> · {p.company}</span>}
                <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                  <Badge tone={p.unreturned >= 3 ? "warn" : "neutral"}>
                    {p.unreturned} unreturned {p.unreturned === 1 ? "voicemail" : "voicemails"}
                  </Badge>
                  {p.minutesWaiting !== null && <span>waiting {formatMinutes(p.minutesWaiting)}</span>}
                </p>
                <p className="mt-1 text-xs text-faint">
                  Next: {p.suggestedScript ? `“${p.suggestedScript.title}”` : "no script in the library"} ({STAGE_LABELS[p.suggestedStage].toLowerCase()}, voicemail #{p.nextVoicemailNumber})
                </p>
              </div>
              <button
                type="button"
                onClick={() => onPick({ kind: "existing", id: p.id, name: p.name, company: p.company, phone: p.phone })}
                className="h-8 shrink-0 rounded-md border border-border px-2.5 text-sm hover:bg-surface-2"
                aria-label={`Dial ${p.name}`}
              >
                Dial
              </button>
            </li>
          ))}
        </ul>
      )}
      {data.length > QUEUE_PREVIEW && (
        <button type="button" onClick={() => setShowAll(!showAll)} className="mt-3 text-sm font-medium text-accent hover:underline" aria-expanded={showAll}>
          {showAll ? `Show the first ${QUEUE_PREVIEW}` : `Show all ${data.length}`}
        </button>
      )}
    </Card>
  );
}
