import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_MS, entryTimeProblem } from "./entry-time";

describe("entryTimeProblem (one rule for forms, procedures and imports)", () => {
  const now = Date.parse("2026-12-01T09:00:00Z");
  const cases = [
    { name: "now", at: now, want: null },
    { name: "an hour ago", at: now - 3_600_000, want: null },
    { name: "within the clock skew", at: now + CLOCK_SKEW_MS, want: null },
    { name: "a millisecond past the skew", at: now + CLOCK_SKEW_MS + 1, want: "future" },
    // The cases: a callback tomorrow 09:00 and one on 2099-06-01.
    { name: "tomorrow 09:00", at: Date.parse("2026-12-02T09:00:00Z"), want: "future" },
    { name: "2099-06-01", at: Date.parse("2099-06-01T12:00:00Z"), want: "future" },
    // Imports accepted 1970 and 2150, which the forms refuse.
    { name: "1970", at: Date.parse("1970-01-01T09:00:00Z"), want: "out-of-years" },
    { name: "2150", at: Date.parse("2150-01-01T09:00:00Z"), want: "out-of-years" },
    { name: "the first instant of 2000", at: Date.UTC(2000, 0, 1), want: null },
    { name: "a millisecond before 2000", at: Date.UTC(2000, 0, 1) - 1, want: "out-of-years" },
    { name: "not a number", at: Number.NaN, want: "invalid" },
  ];
  it.each(cases)("$name → $want", ({ at, want }) => {
    expect(entryTimeProblem(at, now)).toBe(want);
  });
});
