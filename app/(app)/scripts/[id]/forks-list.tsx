"use client";

import { IntentLink } from "@/app/_components/intent-link";
import { Badge, Card } from "@/app/_components/ui";
import { formatEvidence } from "@/lib/format";
import type { ScriptPageData } from "./script-data";

export function ForksList({ script }: { script: ScriptPageData }) {
  return (
    <Card title="Forks" description="Scripts copied from this one, and what they earn. Private drafts show only to their authors.">
      {script.forks.length === 0 ? (
        <p className="text-sm text-muted">No forks yet.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Forks of {script.title}</caption>
          <thead className="text-left text-xs text-faint">
            <tr>
              <th className="pb-2 font-medium">Fork</th>
              <th className="pb-2 font-medium">From</th>
              <th className="pb-2 font-medium">Author</th>
              <th className="pb-2 font-medium">Callback rate</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {script.forks.map((f) => (
              <tr key={f.id}>
                <td className="py-2">
                  <IntentLink href={`/scripts/${f.id}`} className="font-medium hover:underline">
                    {f.title}
                  </IntentLink>{" "}
                  {!f.shared && <Badge tone="accent">Draft</Badge>} {f.archived && <Badge>Archived</Badge>}
                </td>
                <td className="py-2 text-muted">v{f.fromVersionNumber}</td>
                <td className="py-2 text-muted">
                  <bdi>{f.authorName}</bdi>
                </td>
                <td className="tabular py-2">
                  {formatEvidence(f)} {f.voicemails < script.minSample && <Badge tone="warn">needs more data</Badge>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
