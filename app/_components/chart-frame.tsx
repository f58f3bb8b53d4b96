// The frame every chart sits in: an accessible name, a fixed height (no layout shift while it
// loads), a loading and an empty state, `data-state` for tests, and a table twin for readers who
// want the exact numbers (or cannot see the chart).

export type ChartState = "loading" | "empty" | "loaded";

type Props = {
  title: string;
  testId: string;
  height: number;
  /** A different fixed height below the `sm` breakpoint, for charts laid out differently on a phone. */
  phoneHeight?: number;
  state: ChartState;
  emptyText?: string;
  /** The numbers behind the chart, shown on request. */
  twin?: React.ReactNode;
  twinLabel?: string;
  /** A sentence under the chart about what it leaves out or marks (an incomplete week). */
  note?: string;
  children?: React.ReactNode;
};

export function ChartFrame({ title, testId, height, phoneHeight, state, emptyText = "Nothing to show for this period yet.", twin, twinLabel = "Show the numbers", note, children }: Props) {
  return (
    <figure role="figure" aria-label={title} aria-busy={state === "loading"} data-testid={testId} data-state={state === "empty" ? "loaded" : state} className="m-0">
      <div
        style={{ "--chart-height": `${height}px`, "--chart-phone-height": `${phoneHeight ?? height}px` } as React.CSSProperties}
        className="relative h-(--chart-phone-height) sm:h-(--chart-height)"
      >
        {state === "loading" && (
          <div className="absolute inset-0 animate-pulse rounded-md bg-surface-2">
            <span className="sr-only">Loading {title}</span>
          </div>
        )}
        {state === "empty" && <p className="grid h-full place-items-center text-center text-sm text-muted">{emptyText}</p>}
        {state === "loaded" && children}
      </div>
      {note && state !== "loading" && <figcaption className="mt-2 text-xs text-muted">{note}</figcaption>}
      {twin && state === "loaded" && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-xs text-muted hover:text-text">{twinLabel}</summary>
          <div className="mt-2 overflow-x-auto">{twin}</div>
        </details>
      )}
    </figure>
  );
}

/** A chart-shaped placeholder card body while a section's data streams in. */
export function ChartSkeleton({ title, testId, height, phoneHeight }: { title: string; testId: string; height: number; phoneHeight?: number }) {
  return <ChartFrame title={title} testId={testId} height={height} phoneHeight={phoneHeight} state="loading" />;
}
