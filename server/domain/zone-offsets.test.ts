import { describe, expect, it } from "vitest";
import { SLOT_MS, slotClock } from "./time-buckets";
import { offsetTableClock, ZONE_TABLE_FROM, zoneOffsetTable } from "./zone-offsets";

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

describe("offsetTableClock", () => {
  // Zones with a whole-hour change, a change at :30 UTC (St John's, 2 AM at −3:30), a half-hour
  // change (Lord Howe) and a 5:45 offset: the table's answer is Intl's, quarter-hour for quarter-hour.
  it.each(["America/New_York", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kathmandu", "Europe/London"])("gives Intl's local time for every slot near %s's 2025 changes and a spread over the year", (zone) => {
    const fast = offsetTableClock(zone);
    const intl = slotClock(zone);
    const yearStart = Date.UTC(2025, 0, 1) / SLOT_MS;
    const yearEnd = Date.UTC(2026, 0, 1) / SLOT_MS;
    const slots = new Set<number>();
    for (let s = yearStart; s < yearEnd; s += 97) slots.add(s);
    for (const change of zoneOffsetTable(zone).filter((o) => o.fromMs >= Date.UTC(2025, 0, 1) && o.fromMs < Date.UTC(2026, 0, 1))) {
      const at = Math.floor(change.fromMs / SLOT_MS);
      for (let s = at - 2 * 96; s <= at + 2 * 96; s++) slots.add(s);
    }
    for (const slot of slots) expect(fast(slot), `slot ${slot}`).toEqual(intl(slot));
  });

  it("asks Intl outside the table's 1990–2080 span", () => {
    const slot = Math.floor(Date.UTC(1985, 5, 1, 13) / SLOT_MS);
    expect(offsetTableClock("America/New_York")(slot)).toEqual({ date: "1985-06-01", hour: 9, weekday: 5 });
  });
});
