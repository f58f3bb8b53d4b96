import { describe, expect, it } from "vitest";
import { startOfDayIn } from "./team-day";

// Expected instants computed by hand from the tz database offsets (New York: EST −5, EDT −4
// from 2025-03-09 07:00 UTC; Tokyo +9 with no DST; Kolkata +5:30).
describe("startOfDayIn", () => {
  it.each([
    { tz: "America/New_York", now: "2025-03-03T14:00:00Z", start: "2025-03-03T05:00:00.000Z" },
    { tz: "America/New_York", now: "2025-03-04T03:00:00Z", start: "2025-03-03T05:00:00.000Z" },
    // DST begins at 02:00 local: the day started at 00:00 EST, five hours before UTC midnight.
    { tz: "America/New_York", now: "2025-03-09T18:00:00Z", start: "2025-03-09T05:00:00.000Z" },
    { tz: "America/New_York", now: "2025-03-10T12:00:00Z", start: "2025-03-10T04:00:00.000Z" },
    // 14:00 UTC is 23:00 in Tokyo, still 3 March there.
    { tz: "Asia/Tokyo", now: "2025-03-03T14:00:00Z", start: "2025-03-02T15:00:00.000Z" },
    { tz: "Asia/Tokyo", now: "2025-03-03T15:00:00Z", start: "2025-03-03T15:00:00.000Z" },
    { tz: "Asia/Kolkata", now: "2025-03-03T20:00:00Z", start: "2025-03-03T18:30:00.000Z" },
    { tz: "UTC", now: "2025-03-03T23:59:59Z", start: "2025-03-03T00:00:00.000Z" },
  ])("$tz at $now starts the day at $start", ({ tz, now, start }) => {
    expect(startOfDayIn(tz, new Date(now)).toISOString()).toBe(start);
  });
});
