"use client";

import { lazy, Suspense } from "react";
import { formatEvidence, type Evidence } from "@/lib/format";
import { ChartFrame } from "./chart-frame";

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
        <table className="w-full min-w-[420px] text-sm">
          <caption className="sr-only">{title} — table</caption>
          <thead className="text-left text-xs text-faint">
            <tr>
              <th className="pb-1 font-medium">Script</th>
              <th className="pb-1 text-right font-medium">Words</th>
              <th className="pb-1 text-right font-medium">Read time</th>
              <th className="pb-1 pr-4 text-right font-medium">Measured</th>
              <th className="pb-1 font-medium">Callback rate</th>
            </tr>
          </thead>
          <tbody className="tabular divide-y divide-border">
            {[...data]
              .sort((a, b) => a.readSeconds - b.readSeconds)
              .map((p) => (
                <tr key={p.key}>
                  <td className="py-1">{p.label}</td>
                  <td className="py-1 text-right">{p.words}</td>
                  <td className="py-1 text-right">{p.readSeconds} s</td>
                  <td className="py-1 pr-4 text-right">{p.measuredSeconds == null ? "—" : `${p.measuredSeconds} s`}</td>
                  <td className="py-1">{formatEvidence(p)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      }
    >
      <Suspense fallback={null}>
        <ReadTimePlot points={points} wordsPerMinute={wordsPerMinute} />
      </Suspense>
    </ChartFrame>
  );
}
