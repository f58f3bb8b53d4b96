"use client";

import { CartesianGrid, ErrorBar, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { formatEvidence, type Evidence } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { SERIES_COLOURS } from "./chart-palette";

export type ReadTimePoint = Evidence & { key: string; label: string; words: number; readSeconds: number };

export const SCATTER_HEIGHT = 300;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * One point per script: read time (words ÷ the team's speaking rate) against callback rate,
 * sized by voicemails, with the 95% interval as a vertical whisker.
 */
export function ReadTimeScatter({ title, testId, points, wordsPerMinute }: { title: string; testId: string; points: ReadTimePoint[]; wordsPerMinute: number }) {
  const data = points
    .filter((p) => p.rate !== null)
    .map((p) => ({ ...p, error: [p.rate! - p.ciLow, p.ciHigh - p.rate!] as [number, number] }));
  return (
    <ChartFrame
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
                  <td className="py-1">{formatEvidence(p)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 16, right: 24, bottom: 16, left: -4 }}>
          <CartesianGrid stroke="var(--border)" />
          <XAxis
            type="number"
            dataKey="readSeconds"
            name="Read time"
            unit=" s"
            stroke="var(--faint)"
            fontSize={11}
            domain={[0, "dataMax + 5"]}
            label={{ value: `Read time at ${wordsPerMinute} words/min`, position: "insideBottom", offset: -10, fontSize: 11, fill: "var(--faint)" }}
          />
          <YAxis type="number" dataKey="rate" name="Callback rate" tickFormatter={pct} stroke="var(--faint)" fontSize={11} domain={[0, (max: number) => Math.min(1, Math.ceil(max * 10 + 1) / 10)]} />
          <ZAxis type="number" dataKey="voicemails" range={[60, 500]} name="Voicemails" />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as ReadTimePoint | undefined;
              if (!p) return null;
              return (
                <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-sm">
                  <p className="font-medium">{p.label}</p>
                  <p className="tabular text-muted">
                    {p.words} words · {p.readSeconds} s read time
                  </p>
                  <p className="tabular">{formatEvidence(p)}</p>
                </div>
              );
            }}
          />
          <Scatter data={data} fill={SERIES_COLOURS[0]} fillOpacity={0.7} isAnimationActive={false}>
            <ErrorBar dataKey="error" direction="y" width={0} stroke={SERIES_COLOURS[0]} strokeOpacity={0.5} />
            <LabelList dataKey="label" position="right" fontSize={11} fill="var(--muted)" />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
