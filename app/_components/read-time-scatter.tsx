"use client";

import { lazy, Suspense } from "react";
import { formatEvidence, type Evidence } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { TwinTable } from "./twin-table";

/** `ranked` is false under the team's minimum sample: drawn hollow, its interval still wide. */
export type ReadTimePoint = Evidence & {
  key: string;
  label: string;
  words: number;
  readSeconds: number;
  ranked: boolean;
  /** Median spoken length of the team's shared rehearsal takes of the script, when there are any. */
  measuredSeconds?: number | null;
};

export const SCATTER_HEIGHT = 300;

const ReadTimePlot = lazy(() => import("./read-time-plot"));

/**
 * One point per script: read time (words ÷ the team's speaking rate) against callback rate,
 * sized by voicemails, with the 95% interval as a vertical whisker; a script the team has shared
 * rehearsal takes of has a diamond beside it at their median length. The rate axis fits the ranked
 * scripts; an unranked script's long whisker may run off the top.
 */
export function ReadTimeScatter({ title, testId, points, wordsPerMinute }: { title: string; testId: string; points: ReadTimePoint[]; wordsPerMinute: number }) {
  const data = points.filter((p) => p.rate !== null);
  return (
    <ChartFrame
      drawWhenNear
      title={title}
      testId={testId}
      height={SCATTER_HEIGHT}
      state={data.length ? "loaded" : "empty"}
      emptyText="No script voicemails in this period."
      twin={
        <TwinTable
          caption={`${title} — table`}
          rows={[...data].sort((a, b) => a.readSeconds - b.readSeconds)}
          rowKey={(p) => p.key}
          name={{ header: "Script", cell: (p) => <bdi>{p.label}</bdi>, text: (p) => p.label }}
          columns={[
            { header: "Words", cell: (p) => p.words, align: "right" },
            { header: "Read time", cell: (p) => `${p.readSeconds} s`, align: "right" },
            { header: "Measured", cell: (p) => (p.measuredSeconds == null ? "—" : `${p.measuredSeconds} s`), align: "right" },
            { header: "Callback rate", cell: (p) => formatEvidence(p), nowrap: true, wide: true },
          ]}
        />
      }
    >
      <Suspense fallback={null}>
        <ReadTimePlot points={points} wordsPerMinute={wordsPerMinute} />
      </Suspense>
    </ChartFrame>
  );
}
