import { describe, expect, it } from "vitest";
import { rollupSpans } from "./leaderboard-rollups";

describe("rollupSpans", () => {
  it("reads whole months from month counters and the edges from day counters", () => {
    expect(rollupSpans("2026-09-01", "2026-11-28")).toEqual([
      { grain: "month", from: "2026-09", to: "2026-10" },
      { grain: "day", from: "2026-11-01", to: "2026-11-28" },
    ]);
    expect(rollupSpans("2026-08-31", "2026-11-30")).toEqual([
      { grain: "month", from: "2026-09", to: "2026-11" },
      { grain: "day", from: "2026-08-31", to: "2026-08-31" },
    ]);
    expect(rollupSpans("2025-12-15", "2026-02-28")).toEqual([
      { grain: "month", from: "2026-01", to: "2026-02" },
      { grain: "day", from: "2025-12-15", to: "2025-12-31" },
    ]);
  });

  it("uses days alone inside one month, and every month for all time", () => {
    expect(rollupSpans("2026-11-02", "2026-11-08")).toEqual([{ grain: "day", from: "2026-11-02", to: "2026-11-08" }]);
    expect(rollupSpans()).toEqual([{ grain: "month", from: "0000-00", to: "9999-99" }]);
  });
});
