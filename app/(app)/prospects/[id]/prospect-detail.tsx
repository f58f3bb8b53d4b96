"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { IntentLink } from "@/app/_components/intent-link";
import { Suspense, useState } from "react";
import { Badge, Button, Card, ErrorText, PageHeader, Select } from "@/app/_components/ui";
import { useCallsInvalidation } from "@/app/_components/use-calls-invalidation";
import { useTRPC } from "@/app/_trpc/client";
import { formatMinutes, formatPhoneForDisplay } from "@/lib/format";
import { PROSPECT_STATUSES, type ProspectStatus } from "@/lib/vocabulary";
import { STATUS_LABELS, statusTone } from "../prospect-status";
// The Today page's dial editor, for dials of any day (a candidate for app/_components).
import { EditDialDialog, type EditableDial } from "../../today/edit-dial-dialog";
import { EditCallbackDialog, type EditableCallback } from "./edit-callback-dialog";
import { EditProspectDialog } from "./edit-prospect-dialog";
import { MergeUndoButton, type MergeUndone } from "../merge-undo-button";
import { MergeProspectDialog, type MergeDone } from "./merge-prospect-dialog";
import { Timeline } from "./timeline";

export function ProspectDetail({ id }: { id: number }) {
  const trpc = useTRPC();
  const invalidate = useCallsInvalidation();
  const { data: p } = useSuspenseQuery(trpc.prospects.get.queryOptions({ id }));
  const { data: members } = useSuspenseQuery(trpc.teams.members.queryOptions());
  const { data: team } = useSuspenseQuery(trpc.teams.current.queryOptions());
  const [editing, setEditing] = useState<EditableCallback | null>(null);
  const [editingDial, setEditingDial] = useState<EditableDial | null>(null);
  const [editingDetails, setEditingDetails] = useState(false);
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState<MergeDone | null>(null);
  const [undone, setUndone] = useState<MergeUndone | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const update = useMutation(trpc.prospects.update.mutationOptions({ onSuccess: invalidate }));
  const canReassign = team.role !== "rep";

  return (
    <>
      <p className="mb-2 text-sm">
        <IntentLink href="/prospects" className="text-muted hover:text-text">
          ← Prospects
        </IntentLink>
      </p>
      <PageHeader title={p.name} description={[p.company, formatPhoneForDisplay(p.phone)].filter(Boolean).join(" · ")} actions={
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={statusTone(p.status)}>{STATUS_LABELS[p.status]}</Badge>
            <Button variant="secondary" className="h-8" onClick={() => setEditingDetails(true)}>
              Edit details
            </Button>
            {canReassign && (
              <Button variant="secondary" className="h-8" onClick={() => setMerging(true)}>
                Merge a duplicate…
              </Button>
            )}
          </div>
        }
      />
      {merged && (
        <div role="status" className="mb-4 flex items-center justify-between gap-3 rounded-md bg-surface-2 px-3 py-2 text-sm">
          <span>
            <bdi>{merged.mergedName}</bdi> is merged into <bdi>{p.name}</bdi>: the timeline below holds both histories.
          </span>
          <MergeUndoButton
            mergeId={merged.mergeId}
            label={`Undo the merge of ${merged.mergedName}`}
            onUndone={(result) => {
              setMerged(null);
              setUndoError(null);
              setUndone(result);
            }}
            onError={setUndoError}
          />
        </div>
      )}
      {undone && (
        <p role="status" className="mb-4 rounded-md bg-surface-2 px-3 py-2 text-sm">
          Merge undone:{" "}
          <IntentLink href={`/prospects/${undone.duplicateId}`} className="font-medium underline">
            <bdi>{undone.duplicateName}</bdi>
          </IntentLink>{" "}
          is back with {undone.attempts === 1 ? "1 dial" : `${undone.attempts} dials`} and {undone.callbacks === 1 ? "1 callback" : `${undone.callbacks} callbacks`}.
        </p>
      )}
      <ErrorText>{undoError}</ErrorText>
      <div className="grid gap-6 lg:grid-cols-[320px_1fr]">
        <Card title="Details">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-muted">Voicemails</dt>
            <dd className="tabular">{p.voicemails}</dd>
            <dt className="text-muted">Unreturned in a row</dt>
            <dd className="tabular">{p.unreturned}</dd>
            <dt className="text-muted">Last callback</dt>
            <dd className="tabular" suppressHydrationWarning>
              {p.lastCallbackAt ? p.lastCallbackAt.toLocaleString() : "—"}
            </dd>
          </dl>
          <div className="mt-4 flex flex-col gap-3">
            <label className="flex flex-col gap-1.5 text-sm font-medium">
              Status
              <Select value={p.status} onChange={(e) => update.mutate({ id, status: e.target.value as ProspectStatus })} disabled={update.isPending}>
                {PROSPECT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
            </label>
            {canReassign ? (
              <label className="flex flex-col gap-1.5 text-sm font-medium">
                Owner
                <Select value={p.ownerId ?? ""} onChange={(e) => update.mutate({ id, ownerId: e.target.value })} disabled={update.isPending}>
                  {!p.ownerId && <option value="">Nobody</option>}
                  {/* Someone removed from the team still owns what they owned, until it is reassigned. */}
                  {p.ownerId && !members.some((m) => m.userId === p.ownerId) && (
                    <option value={p.ownerId} disabled>
                      {p.ownerName} (former member)
                    </option>
                  )}
                  {members.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name}
                    </option>
                  ))}
                </Select>
              </label>
            ) : (
              <p className="text-sm">
                <span className="text-muted">Owner</span> <bdi>{p.ownerName ?? "—"}</bdi>
              </p>
            )}
            <ErrorText>{update.error?.message}</ErrorText>
          </div>
        </Card>
        <Card title="Timeline" description={`Attempts and callbacks, newest first${p.unreturned ? ` · waiting ${formatMinutes(p.minutesWaiting)} since the first unreturned voicemail` : ""}`}>
          <Timeline prospect={p} onEditCallback={setEditing} onEditDial={(a) => setEditingDial({ ...a, prospectName: p.name })} />
        </Card>
      </div>
      {editing && <EditCallbackDialog callback={editing} onClose={() => setEditing(null)} />}
      {editingDial && (
        <Suspense fallback={null}>
          <EditDialDialog dial={editingDial} onClose={() => setEditingDial(null)} />
        </Suspense>
      )}
      {editingDetails && <EditProspectDialog prospect={p} onClose={() => setEditingDetails(false)} />}
      {merging && (
        <MergeProspectDialog
          prospect={p}
          onClose={() => setMerging(false)}
          onMerged={(done) => {
            setMerging(false);
            setUndone(null);
            setMerged(done);
          }}
        />
      )}
    </>
  );
}
