"use client";

import { useSyncExternalStore } from "react";
import type { Evidence } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import RatePlot from "./rate-plot";

/** `ranked: false` (under the team's minimum sample) is drawn grey, whatever the chart's tone. */
export type RateBar = Evidence & { label: string; ranked?: boolean };

const ROW_HEIGHT = 34;
/** The height a chart of `rows` entries takes; loading placeholders use the same rule. */
export const rateChartHeight = (rows: number) => Math.max(160, rows * ROW_HEIGHT + 44);

// Never drawn on the server (it cannot measure there): the frame keeps its height meanwhile and
// reads "loading" until the plot is drawn.
const noSubscription = () => () => {};
const useInBrowser = () => useSyncExternalStore(noSubscription, () => true, () => false);

/**
 * Callback rate per entry, in the order given: the 95% interval as a band, the rate as a tick and
 * as text. The axis ends just above the widest interval (not at 100%), so close rates stay apart.
 * The figure is named by `title`; its table twin sits beside it in the page.
 */
export function RateChart({
  title,
  data,
  testId,
  tone = "accent",
  emptyText = "No voicemails in this period yet.",
  height,
  twin,
}: {
  title: string;
  data: RateBar[];
  testId: string;
  tone?: "accent" | "muted";
  emptyText?: string;
  height?: number;
  /** The numbers behind the chart, when the page has no table of them nearby. */
  twin?: React.ReactNode;
}) {
  const inBrowser = useInBrowser();
  const rows = data.filter((d) => d.rate !== null);
  const frame = { title, testId, emptyText, twin, height: height ?? rateChartHeight(rows.length) };
  if (rows.length === 0) return <ChartFrame {...frame} state="empty" />;
  const loading = <ChartFrame {...frame} state="loading" />;
  if (!inBrowser) return loading;
  return (
    <ChartFrame {...frame} state="loaded">
      <RatePlot data={rows} tone={tone} height={frame.height} />
    </ChartFrame>
  );
}
