import { describe, expect, it } from "vitest";
import { ZONE_TABLE_FROM, zoneOffsetTable } from "./zone-offsets";

const HOUR = 3_600_000;

describe("zoneOffsetTable", () => {
  it("finds New York's 2025 clock changes to the minute (US rule: 2 AM local on 9 March and 2 November)", () => {
    const table = zoneOffsetTable("America/New_York");
    const in2025 = table.filter((o) => o.fromMs >= Date.UTC(2025, 0, 1) && o.fromMs < Date.UTC(2026, 0, 1));
    expect(in2025).toEqual([
      { fromMs: Date.UTC(2025, 2, 9, 7), offsetMs: -4 * HOUR },
      { fromMs: Date.UTC(2025, 10, 2, 6), offsetMs: -5 * HOUR },
    ]);
  });

  it("is one entry for a zone without changes since 1990, half hours kept (India, +5:30)", () => {
    expect(zoneOffsetTable("Asia/Kolkata")).toEqual([{ fromMs: ZONE_TABLE_FROM, offsetMs: 5.5 * HOUR }]);
  });
});
