"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Badge, Card, PageHeader } from "@/app/_components/ui";
import { STAGE_LABELS } from "@/lib/vocabulary";
import { ReadTime } from "../read-time";
import { ScriptStatusBadges } from "../script-badges";
import { UnfilledWarning } from "../unfilled-warning";
import { ComparePanel } from "./compare-panel";
import { EvidencePanel } from "./evidence-panel";
import { ForksList } from "./forks-list";
import { RehearsePanel } from "./rehearse-panel";
import { ScriptActions } from "./script-actions";
import { VersionHistory } from "./version-history";
import { IntentLink } from "@/app/_components/intent-link";

export function ScriptView({ id }: { id: number }) {
  const trpc = useTRPC();
  const { data: script } = useSuspenseQuery(trpc.scripts.get.queryOptions({ id }));
  // The same check as the editor's, for the reader: their own profile may leave a gap the author's did not.
  const { data: forMe } = useQuery(trpc.scripts.preview.queryOptions({ body: script.latestVersion.body }));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <IntentLink href="/scripts" className="text-xs text-muted hover:text-text">
          ← Scripts
        </IntentLink>
        <PageHeader
          title={script.title}
          description={`By ${script.authorName} · version ${script.latestVersion.number}${script.tags.length ? ` · ${script.tags.map((t) => `#${t}`).join(" ")}` : ""}`}
          actions={<ScriptActions script={script} />}
        />
        <div className="-mt-4 flex flex-wrap items-center gap-2">
          <Badge>{STAGE_LABELS[script.stage]}</Badge>
          <ScriptStatusBadges shared={script.shared} archived={script.archived} teamPick={script.teamPick} />
          {script.forkedFrom && (
            <span className="text-xs text-muted">
              Forked from{" "}
              <IntentLink href={`/scripts/${script.forkedFrom.scriptId}`} className="text-accent hover:underline">
                {script.forkedFrom.title}
              </IntentLink>{" "}
              v{script.forkedFrom.versionNumber}
            </span>
          )}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_340px]">
        <Card title="Script" description={`Version ${script.latestVersion.number}, as written`}>
          <div className="flex flex-col gap-3">
            <p className="text-sm leading-relaxed whitespace-pre-wrap">{script.latestVersion.body}</p>
            {forMe && <UnfilledWarning unfilled={forMe.unfilled} />}
          </div>
        </Card>
        <Card title="Read time">
          <ReadTime
            words={script.latestVersion.words}
            readSeconds={script.latestVersion.readSeconds}
            wordsPerMinute={script.wordsPerMinute}
            measured={{ medianMessageSeconds: script.evidence.medianMessageSeconds, measuredMessages: script.evidence.measuredMessages }}
          />
        </Card>
      </div>
      <RehearsePanel script={script} />
      <EvidencePanel script={script} />
      <ComparePanel script={script} />
      <VersionHistory script={script} />
      <ForksList script={script} />
    </div>
  );
}
