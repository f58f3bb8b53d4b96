"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card } from "@/app/_components/ui";
import { formatEvidence } from "@/lib/format";
import type { ScriptPageData } from "./script-data";

type Version = ScriptPageData["versions"][number];

function VersionDiff({ diff }: { diff: NonNullable<Version["diff"]> }) {
  return (
    <p className="text-sm leading-relaxed whitespace-pre-wrap">
      {diff.map((part, i) =>
        part.kind === "added" ? (
          <ins key={i} className="rounded-sm bg-good/15 text-good no-underline" title="added">
            {part.text}
          </ins>
        ) : part.kind === "removed" ? (
          <del key={i} className="rounded-sm bg-bad/10 text-bad" title="removed">
            {part.text}
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function VersionHistory({ script }: { script: ScriptPageData }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const fork = useMutation(
    trpc.scripts.fork.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.scripts.pathKey() });
        router.push(`/scripts/${created.id}`);
      },
    }),
  );
  return (
    <Card title="Version history" description="Each edit of the text is a version; voicemails keep the version they used, so stats never mix texts.">
      <ol className="flex flex-col gap-3">
        {script.versions.map((v, i) => (
          <li key={v.id}>
            <details open={i === 0} className="rounded-md border border-border">
              <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm">
                <span className="font-medium">Version {v.number}</span>
                <span className="text-xs text-faint">
                  {v.createdAt.toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" })} · <bdi>{v.authorName}</bdi> · {v.wordCount} words · ~{v.readSeconds} s
                  {v.changes && ` · +${v.changes.added} −${v.changes.removed} words`}
                </span>
                <span className="tabular ml-auto text-xs text-muted">{formatEvidence(v.evidence)}</span>
              </summary>
              <div className="grid gap-4 border-t border-border px-4 py-3 md:grid-cols-2">
                <section aria-label={`Version ${v.number} text`}>
                  <h3 className="mb-1 text-xs font-semibold text-faint">Text</h3>
                  <p className="text-sm leading-relaxed whitespace-pre-wrap">{v.body}</p>
                </section>
                <section aria-label={`Version ${v.number} changes`}>
                  <h3 className="mb-1 text-xs font-semibold text-faint">{v.diff ? `Changes from version ${v.number - 1}` : "First version"}</h3>
                  {v.diff ? <VersionDiff diff={v.diff} /> : <p className="text-sm text-faint">Nothing to compare with.</p>}
                </section>
                <div className="md:col-span-2">
                  <Button variant="ghost" className="h-8 px-2 text-xs" onClick={() => fork.mutate({ versionId: v.id })} disabled={fork.isPending}>
                    Fork version {v.number}
                  </Button>
                </div>
              </div>
            </details>
          </li>
        ))}
      </ol>
    </Card>
  );
}
