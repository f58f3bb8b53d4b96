import { describe, expect, it } from "vitest";
import { partialLastWeek, partialWeekNote } from "./complete-weeks";

describe("partialLastWeek", () => {
  const weeks = ["2026-11-16", "2026-11-23", "2026-11-30"];
  it.each([
    // Tuesday 1 December 2026: the week of Monday 30 November is still running.
    { name: "a Tuesday: the current week is partial", through: "2026-12-01", want: { week: "2026-11-30", lastDay: "2026-12-06", through: "2026-12-01" } },
    { name: "its Sunday: the week is whole", through: "2026-12-06", want: null },
    { name: "a range ending mid-week cuts that week too", through: "2026-12-03", want: { week: "2026-11-30", lastDay: "2026-12-06", through: "2026-12-03" } },
    { name: "no end known", through: undefined, want: null },
  ])("$name", ({ through, want }) => {
    expect(partialLastWeek(weeks, through)).toEqual(want);
  });

  it("says which week and why", () => {
    expect(partialWeekNote(partialLastWeek(weeks, "2026-12-01")!, "left out")).toBe(
      "The week of Nov 30 is left out: it runs until Dec 6 and the data ends Dec 1, so its voicemails have not had their full callback window.",
    );
  });
});
