"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { IntentLink } from "@/app/_components/intent-link";
import { useState, useTransition } from "react";
import { Badge, Button, Card } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { formatMinutes } from "@/lib/format";
import { AWAITING_PAGE } from "@/lib/inputs/calls";
import { STAGE_LABELS } from "@/lib/vocabulary";
import type { PickedProspect } from "./prospect-picker";

/** Prospects waiting on the rep's voicemails, freshest first, a page at a time; "Dial" puts one in the quick log. */
export function AwaitingCallback({ onPick }: { onPick: (p: PickedProspect) => void }) {
  const trpc = useTRPC();
  const [offset, setOffset] = useState(0);
  const [turning, startTurning] = useTransition();
  // The first page shares the server's prefetch (no input); later pages are fetched as turned to.
  const { data } = useSuspenseQuery(trpc.prospects.awaitingCallback.queryOptions(offset === 0 ? undefined : { offset }));
  const { total, items } = data;
  // Callbacks logged meanwhile can shrink the queue under the page shown: step back to its last page.
  if (offset > 0 && offset >= total) setOffset(Math.max(0, Math.ceil(total / AWAITING_PAGE) - 1) * AWAITING_PAGE);
  const turn = (to: number) => startTurning(() => setOffset(to));
  return (
    <Card
      title={total > 0 ? `Awaiting callback (${total.toLocaleString("en-US")})` : "Awaiting callback"}
      description="Unreturned voicemails inside the attribution window, freshest first: the likeliest to call back. A callback or a conversation ends a prospect's run."
    >
      {total === 0 ? (
        <p className="text-sm text-muted">Nobody is waiting on a voicemail of yours.</p>
      ) : (
        <ul aria-label="Awaiting callback" aria-busy={turning} className="-my-2 divide-y divide-border">
          {items.map((p) => (
            <li key={p.id} className="flex items-start justify-between gap-3 py-2.5">
              <div className="min-w-0 text-sm">
                <IntentLink href={`/prospects/${p.id}`} className="font-medium hover:underline">
                  {p.name}
                </IntentLink>
                {p.company && <span className="text-muted"> · {p.company}</span>}
                <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                  <Badge tone={p.unreturned >= 3 ? "warn" : "neutral"}>
                    {p.unreturned} unreturned {p.unreturned === 1 ? "voicemail" : "voicemails"}
                  </Badge>
                  {p.minutesSinceLastVoicemail !== null && <span>last voicemail {formatMinutes(p.minutesSinceLastVoicemail)} ago</span>}
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
      {total > AWAITING_PAGE && (
        <nav aria-label="Callback queue pages" className="mt-3 flex items-center justify-between gap-2 text-sm">
          <span className="tabular text-muted">
            {(offset + 1).toLocaleString("en-US")}–{(offset + items.length).toLocaleString("en-US")} of {total.toLocaleString("en-US")}
          </span>
          <span className="flex gap-2">
            <Button variant="secondary" className="h-8" disabled={offset === 0 || turning} onClick={() => turn(Math.max(0, offset - AWAITING_PAGE))}>
              Previous
            </Button>
            <Button variant="secondary" className="h-8" disabled={offset + AWAITING_PAGE >= total || turning} onClick={() => turn(offset + AWAITING_PAGE)}>
              Next
            </Button>
          </span>
        </nav>
      )}
    </Card>
  );
}
