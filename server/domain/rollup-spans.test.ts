import { describe, expect, it } from "vitest";
import { rollupSpans } from "./rollup-spans";

describe("rollupSpans", () => {
  it("reads whole months from month counters and each edge the cheaper way", () => {
    // The last 90 days: one day of August, then September and October whole, then November's
    // counter less the two days still to come.
    expect(rollupSpans("2026-08-31", "2026-11-28")).toEqual([
      { grain: "day", from: "2026-08-31", to: "2026-08-31", sign: 1 },
      { grain: "month", from: "2026-09", to: "2026-10", sign: 1 },
      { grain: "month", from: "2026-11", to: "2026-11", sign: 1 },
      { grain: "day", from: "2026-11-29", to: "2026-11-30", sign: -1 },
    ]);
    expect(rollupSpans("2026-09-01", "2026-11-30")).toEqual([
      { grain: "month", from: "2026-09", to: "2026-09", sign: 1 },
      { grain: "month", from: "2026-10", to: "2026-10", sign: 1 },
      { grain: "month", from: "2026-11", to: "2026-11", sign: 1 },
    ]);
    expect(rollupSpans("2025-12-15", "2026-01-10")).toEqual([
      { grain: "month", from: "2025-12", to: "2025-12", sign: 1 },
      { grain: "day", from: "2025-12-01", to: "2025-12-14", sign: -1 },
      { grain: "day", from: "2026-01-01", to: "2026-01-10", sign: 1 },
    ]);
  });

  it("stays inside one month, and takes every month for all time", () => {
    expect(rollupSpans("2026-11-02", "2026-11-08")).toEqual([{ grain: "day", from: "2026-11-02", to: "2026-11-08", sign: 1 }]);
    expect(rollupSpans("2026-11-02", "2026-11-30")).toEqual([
      { grain: "month", from: "2026-11", to: "2026-11", sign: 1 },
      { grain: "day", from: "2026-11-01", to: "2026-11-01", sign: -1 },
    ]);
    expect(rollupSpans()).toEqual([{ grain: "month", from: "0000-00", to: "9999-99", sign: 1 }]);
  });
});
