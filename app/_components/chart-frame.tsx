"use client";

import { useEffect, useRef, useState } from "react";

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
  /**
   * Draw the chart only once the frame comes near the screen (issue 12, item 19: drawing every
   * recharts chart of the team overview at once held the page's main thread for 0.6–1.4 s). The
   * frame, its height and its table twin are there from the start; only the drawing waits.
   */
  drawWhenNear?: boolean;
  children?: React.ReactNode;
};

export function ChartFrame({ title, testId, height, phoneHeight, state, emptyText = "Nothing to show for this period yet.", twin, twinLabel = "Show the numbers", note, drawWhenNear = false, children }: Props) {
  const frame = useRef<HTMLElement>(null);
  const near = useNearScreen(frame, drawWhenNear && state === "loaded");
  return (
    <figure
      ref={frame}
      role="figure"
      aria-label={title}
      aria-busy={state === "loading"}
      data-testid={testId}
      data-state={state === "empty" ? "loaded" : state}
      data-drawn={drawWhenNear && state === "loaded" ? near : undefined}
      className="m-0"
    >
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
        {state === "loaded" && near && children}
      </div>
      {note && state !== "loading" && <figcaption className="mt-2 text-xs text-muted">{note}</figcaption>}
      {twin && state === "loaded" && <Twin label={twinLabel}>{twin}</Twin>}
    </figure>
  );
}

/** The numbers behind a chart, built when first opened: closed, they were hundreds of cells to hydrate. */
function Twin({ label, children }: { label: string; children: React.ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="mt-3 text-sm" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer text-xs text-muted hover:text-text">{label}</summary>
      {opened && <div className="mt-2 overflow-x-auto">{children}</div>}
    </details>
  );
}

/** False until the element is within 300 px of the screen, or the page is printed; then true for good. */
function useNearScreen(element: React.RefObject<HTMLElement | null>, wait: boolean): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (!wait || near || !element.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "300px 0px" });
    observer.observe(element.current);
    const print = () => setNear(true);
    window.addEventListener("beforeprint", print);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", print);
    };
  }, [element, wait, near]);
  return near || !wait;
}

/** A chart-shaped placeholder card body while a section's data streams in. */
export function ChartSkeleton({ title, testId, height, phoneHeight }: { title: string; testId: string; height: number; phoneHeight?: number }) {
  return <ChartFrame title={title} testId={testId} height={height} phoneHeight={phoneHeight} state="loading" />;
}
