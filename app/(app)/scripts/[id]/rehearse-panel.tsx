"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Button, Card, ErrorText } from "@/app/_components/ui";
import { TAKE_LIMITS } from "@/lib/inputs/takes";
import { MyTakes } from "./my-takes";
import type { ScriptPageData } from "./script-data";
import { SharedTakes } from "./shared-takes";
import { wholeSeconds } from "./take-data";
import { TakesByVersion } from "./takes-by-version";
import { useTakeRecorder } from "./use-take-recorder";

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * Rehearse: read the script aloud for a sample prospect, hear the take and get its spoken length,
 * measured from the audio, beside the estimate from the words.
 */
export function RehearsePanel({ script }: { script: ScriptPageData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: takes } = useSuspenseQuery(trpc.takes.forScript.queryOptions({ scriptId: script.id }));
  const preview = useQuery(trpc.scripts.preview.queryOptions({ body: script.latestVersion.body }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.takes.forScript.pathKey() });
  const invalidateEstimates = () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.scripts.pathKey() })]);
  const rateChoice = useMutation(trpc.takes.useMeasuredRate.mutationOptions({ onSuccess: invalidateEstimates }));
  const { state, start, stop } = useTakeRecorder(script.latestVersion.id, () => void refresh());

  const ofLatest = takes.mine.filter((t) => t.versionId === script.latestVersion.id);
  const yours = ofLatest.find((t) => t.reference) ?? ofLatest[0] ?? null;
  const recording = state.phase === "recording";
  const { measured, own } = takes.rate;

  return (
    <Card title="Rehearse" description={`Read version ${script.latestVersion.number} aloud and hear it back. Takes stop at ${TAKE_LIMITS.maxSeconds} seconds.`}>
      <div id="rehearse" className="flex scroll-mt-20 flex-col gap-4">
        <section aria-label="Text to read" className="rounded-md border-l-2 border-accent bg-surface-2 px-3 py-2.5 text-sm leading-relaxed whitespace-pre-wrap">
          {preview.data?.rendered ?? script.latestVersion.body}
          {preview.data && <span className="mt-1 block text-xs text-faint">For a sample prospect, {preview.data.sample.prospect}.</span>}
        </section>

        <div className="flex flex-wrap items-center gap-3">
          {recording ? (
            <Button variant="danger" onClick={stop}>
              Stop
            </Button>
          ) : (
            <Button onClick={() => void start()} disabled={state.phase !== "idle"}>
              {state.phase === "asking" ? "Waiting for the microphone…" : state.phase === "saving" ? "Measuring…" : "Record a take"}
            </Button>
          )}
          <span role="timer" aria-label="Recording time" className="tabular w-12 text-sm">
            {clock(state.elapsedMs)}
          </span>
          <meter aria-label="Microphone level" min={0} max={1} low={0.25} high={0.9} optimum={0.6} value={state.level} className="h-3 w-40 max-w-full" />
          {recording && <span className="text-xs text-muted">Recording…</span>}
        </div>
        <ErrorText>{state.error}</ErrorText>

        <p role="status" className="tabular text-sm">
          {yours ? <strong>You: {wholeSeconds(yours.spokenSeconds)}</strong> : <span className="text-muted">You: not recorded yet</span>}
          {` · estimate ${wholeSeconds(script.latestVersion.readSeconds)}`}
          {takes.quickestShared && ` · the team's quickest shared read: ${wholeSeconds(takes.quickestShared.spokenSeconds)} (${takes.quickestShared.repName})`}
        </p>

        {measured !== null && (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              Your measured speaking rate: <span className="tabular font-medium">{measured} words a minute</span>
              <span className="text-muted"> · estimates use {takes.rate.inUse}</span>
            </span>
            {own === null ? (
              <Button variant="secondary" className="h-8 px-3" onClick={() => rateChoice.mutate({ use: true })} disabled={rateChoice.isPending}>
                Use my measured rate in estimates
              </Button>
            ) : (
              <Button variant="secondary" className="h-8 px-3" onClick={() => rateChoice.mutate({ use: false })} disabled={rateChoice.isPending}>
                Go back to the team&apos;s rate ({takes.rate.team})
              </Button>
            )}
          </div>
        )}
        <ErrorText>{rateChoice.error?.message}</ErrorText>

        <section aria-labelledby="my-takes-heading" className="flex flex-col gap-1">
          <h3 id="my-takes-heading" className="text-sm font-semibold">
            Your takes
          </h3>
          <MyTakes takes={takes.mine} />
        </section>
        <section aria-labelledby="shared-takes-heading" className="flex flex-col gap-1">
          <h3 id="shared-takes-heading" className="text-sm font-semibold">
            Shared by the team
          </h3>
          <SharedTakes takes={takes.shared} canComment={takes.canComment} />
        </section>
        <TakesByVersion script={script} perVersion={takes.perVersion} />
      </div>
    </Card>
  );
}
